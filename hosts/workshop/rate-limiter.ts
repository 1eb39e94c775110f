/**
 * A fixed-window counter per key (an address or a token): at most `limit` events per
 * `windowMs`. Old keys are dropped as windows roll over, so memory stays bounded.
 */
export class RateLimiter {
  #windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the key has used up this window's limit, without counting anything. */
  exhausted(key: string): boolean {
    const window = this.#windows.get(key);
    return window !== undefined && this.now() - window.start < this.windowMs && window.count >= this.limit;
  }

  /** Counts one event; false when the key is over its limit for this window. */
  allow(key: string): boolean {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.#windows.size > 10_000) this.#prune(now);
      this.#windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }

  /** Takes back one counted event (one that turned out not to count, e.g. a join whose code was right). */
  refund(key: string): void {
    const window = this.#windows.get(key);
    if (window && window.count > 0) window.count--;
  }

  #prune(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= this.windowMs) this.#windows.delete(key);
  }
}
