import { networkInterfaces } from 'node:os';
import type { Db } from '../../db/connection';
import { liveRoundCount } from '../../db/workshop';
import type { WorkshopHost } from '../../service/handlers';
import { startWorkshopServer, type WorkshopServer, type WorkshopServerOptions } from './server';

/** The first LAN (non-internal IPv4) address, which phones in the same room can reach. */
export function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
}

/** How long the server keeps answering after the last live round closes: phones still open learn it closed, and a late scan of the QR code gets a page saying so. */
export const LINGER_AFTER_CLOSE_MS = 10 * 60_000;

/**
 * Runs the workshop server only while it is needed: it starts with the first live (open or
 * revealed) round, and stops LINGER_AFTER_CLOSE_MS after the last one closes — until then it
 * answers that the round is closed, instead of leaving phones with a connection error. A round
 * started meanwhile keeps the same server and port.
 */
export class WorkshopController implements WorkshopHost {
  #server: WorkshopServer | null = null;
  #pending: Promise<void> = Promise.resolve();
  #linger: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: {
      hostname: string;
      port: number;
      staticDir: string;
      onChange?: () => void;
      limits?: WorkshopServerOptions['limits'];
      pauseBulkWrite?: WorkshopServerOptions['pauseBulkWrite'];
      /** Tests shorten it. */
      lingerMs?: number;
    },
  ) {}

  get url(): string | null {
    return this.#server?.url ?? null;
  }

  joinUrl(code: string): string | null {
    return this.#server ? `${this.#server.url}/join?code=${encodeURIComponent(code)}` : null;
  }

  roundsChanged(): Promise<void> {
    this.#pending = this.#pending.then(async () => {
      const live = liveRoundCount(this.db) > 0;
      if (live) {
        clearTimeout(this.#linger);
        this.#linger = undefined;
      }
      if (live && !this.#server) {
        this.#server = await startWorkshopServer({ db: this.db, ...this.options });
        // The join link exists only now: tell the facilitator's page.
        this.options.onChange?.();
      } else if (!live && this.#server && this.#linger === undefined) {
        this.#linger = setTimeout(() => void this.#stopIfIdle(), this.options.lingerMs ?? LINGER_AFTER_CLOSE_MS);
        this.#linger.unref?.();
      }
    });
    return this.#pending;
  }

  /** Whether the server is answering only that rounds are closed, before it stops. */
  get lingering(): boolean {
    return this.#linger !== undefined;
  }

  #stopIfIdle(): Promise<void> {
    this.#pending = this.#pending.then(async () => {
      this.#linger = undefined;
      if (!this.#server || liveRoundCount(this.db) > 0) return;
      await this.#server.close();
      this.#server = null;
      this.options.onChange?.();
    });
    return this.#pending;
  }

  async close(): Promise<void> {
    await this.#pending;
    clearTimeout(this.#linger);
    this.#linger = undefined;
    await this.#server?.close();
    this.#server = null;
  }
}
