import { acceptabilityWorker, type FromWorker, type ToWorker } from '../acceptability-jobs';
import type { StartWorker } from '../robustness.svelte';

/**
 * A stand-in for the acceptability Web Worker that runs the real worker code (acceptability-jobs)
 * on an event loop the test turns by hand: each message the app posts and each slice the worker
 * schedules is one task, run in order. The worker's answers wait in an outbox until the test
 * delivers them, as a real worker's messages reach the page a task later. Its clock moves 1 ms
 * each time the worker looks at it, so a slice makes a fixed number of draws.
 */
export class FakeWorker {
  /** How many times the app started a worker, and stopped one. */
  starts = 0;
  stops = 0;
  /** Every message the app posted, in order. */
  readonly posted: ToWorker[] = [];
  /** Every answer the worker sent, delivered or not, in order. */
  readonly answered: FromWorker[] = [];
  /** When set, the next start fails with this message (as a worker script refused by the CSP would). */
  failToStart: string | null = null;

  #tasks: (() => void)[] = [];
  #outbox: FromWorker[] = [];
  #listen: ((message: FromWorker) => void) | null = null;
  #clock = 0;

  readonly start: StartWorker = (listen, failed) => {
    this.starts++;
    this.#listen = listen;
    const failure = this.failToStart;
    this.failToStart = null;
    const handle = acceptabilityWorker({
      post: (message) => {
        this.answered.push(message);
        this.#outbox.push(message);
      },
      later: (next) => this.#tasks.push(next),
      now: () => (this.#clock += 1),
    });
    if (failure !== null) this.#tasks.push(() => failed(failure));
    return {
      post: (message) => {
        this.posted.push(message);
        const copy = structuredClone(message);
        if (failure === null) this.#tasks.push(() => handle(copy));
      },
      stop: () => {
        this.stops++;
        this.#tasks = [];
        this.#outbox = [];
      },
    };
  };

  /** Runs the worker's next task; false when it has none. */
  step(): boolean {
    const task = this.#tasks.shift();
    task?.();
    return task !== undefined;
  }

  /** Hands the worker's answers so far to the app. */
  deliver(): void {
    for (const message of this.#outbox.splice(0)) this.#listen?.(message);
  }

  /** Runs the worker until it has nothing left to do, delivering each answer as it is sent. */
  runAll(): void {
    while (this.step()) this.deliver();
    this.deliver();
  }

  get pending(): number {
    return this.#tasks.length;
  }
}
