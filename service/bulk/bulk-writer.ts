import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { BulkProgress } from '../../core/contract';
import { fail, type Result } from '../../core/result';
import { inTransaction, type Db } from '../../db/connection';
import { removeUnfinishedDecision, unfinishedDecisions } from '../../db/unfinished';
import { failedMessage, progressKind, STEP_MS, type BulkDone, type BulkJob } from './jobs';
import { ASKED, FREE, HOSTS, WRITING, type WorkerMessage, type WorkerStart } from './messages';

const BUNDLED_ENTRY = join(import.meta.dirname, 'bulk-worker.mjs');
/** The worker's entry: beside the bundle once built (dist/node), else bulk-worker.ts from the sources. */
export const BULK_WORKER_ENTRY = existsSync(BUNDLED_ENTRY) ? BUNDLED_ENTRY : join(import.meta.dirname, 'worker-from-source.mjs');

/**
 * How long the host's own connection waits for the write lock while a worker holds it: not at
 * all (its usual 5 s would block every call behind one write). A write that finds it taken asks
 * the worker to pause (`pause`, used by dispatch) and is made again while it waits.
 */
const BUSY_WAIT_DURING_BULK_MS = 0;
const BUSY_WAIT_MS = 5000;
/**
 * Pages in the -wal after which a commit copies them into the file (SQLite's default). While a job
 * runs, the host's commits leave that to the worker's: the host's small write would otherwise copy
 * the pages of the import's last transactions too, on the thread that answers the app.
 */
const AUTOCHECKPOINT_PAGES = 1000;

/** Big imports and copies, each written by a worker thread on its own connection, one after another. */
export interface BulkWriter {
  run(job: BulkJob): Promise<Result<BulkDone>>;
  /** The job under way, or null. */
  progress(): BulkProgress | null;
  /** Resolves once no job runs or waits; null when none does. */
  whenDone(): Promise<void> | null;
  /**
   * Null when no job runs. Else takes the store for the host's writes: at once when the worker is
   * between transactions (or still reading its file), else at the commit of the one it is in
   * (STEP_MS at most). Resolves then with the function that lets the worker go on; the store is
   * the host's until it is called. Several writes may hold it at once; the worker goes on when all
   * have let go.
   */
  pause(): Promise<() => void> | null;
  /** Stops the job under way (what it wrote is removed, db/unfinished.ts) and refuses new ones. */
  close(): Promise<void>;
}

/** The host's half of a worker's turn word (messages.ts): the store asked for, and given. */
class PauseControl {
  readonly buffer = new SharedArrayBuffer(4);
  readonly #turn = new Int32Array(this.buffer);
  #holders = 0;
  #waiting: (() => void)[] = [];
  #ended = false;

  /** `held(true)` when the store becomes the host's, `held(false)` when it is given back. */
  constructor(private readonly held: (isHeld: boolean) => void) {}

  /** Resolves once the store is the host's: at once when the worker is between transactions, else at its commit. */
  hold(): Promise<() => void> {
    // The worker has ended (or is being stopped): nothing to take turns with.
    if (this.#ended) return Promise.resolve(() => {});
    if (this.#holders++ === 0) this.held(true);
    let released = false;
    const release = () => {
      if (released || this.#ended) return;
      released = true;
      if (--this.#holders === 0) this.#free();
    };
    if (this.#take()) return Promise.resolve(release);
    return new Promise((resolve) => this.#waiting.push(() => resolve(release)));
  }

  /** Takes the store if the worker is not writing (true), else asks for it at the worker's commit. */
  #take(): boolean {
    for (;;) {
      const was = Atomics.compareExchange(this.#turn, 0, FREE, HOSTS);
      if (was === FREE || was === HOSTS) return true;
      if (was === ASKED) return false;
      if (Atomics.compareExchange(this.#turn, 0, WRITING, ASKED) === WRITING) return false;
      // The worker committed in between: try again.
    }
  }

  /** The worker gave the store to the host at its commit ('paused'), or it ended: every hold asked for is given. */
  given(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  #free(): void {
    this.held(false);
    Atomics.store(this.#turn, 0, FREE);
    Atomics.notify(this.#turn, 0);
  }

  /** Gives every hold and lets the worker go, whatever holds remain (it ended, or is being stopped); later holds are given at once. */
  end(): void {
    if (this.#ended) return;
    this.given();
    this.#ended = true;
    this.#holders = 0;
    this.#free();
  }
}

/** Removes what a job of this process left half written, in transactions of about STEP_MS with the event loop turning between them. */
async function removeInSteps(db: Db): Promise<void> {
  for (const decisionId of unfinishedDecisions(db, process.pid)) {
    const steps = removeUnfinishedDecision(db, decisionId);
    const oneTransaction = () =>
      inTransaction(db, () => {
        const until = performance.now() + STEP_MS;
        while (!steps.next().done) if (performance.now() >= until) return false;
        return true;
      });
    while (!oneTransaction()) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A bulk writer for the store `db` has open at `file` (a store on disk that can be written). */
export function startBulkWriter(db: Db, file: string, entry: string = BULK_WORKER_ENTRY): BulkWriter {
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let done: { promise: Promise<void>; resolve: () => void } | null = null;
  let current: { job: BulkJob; percent: number; worker: Worker; control: PauseControl } | null = null;
  let closed = false;

  const runOne = (job: BulkJob) =>
    new Promise<Result<BulkDone>>((resolve) => {
      if (closed) return resolve(fail('internal', failedMessage(job, 'the app is closing')));
      // While the store is the host's, the worker cannot hold the lock: only another app can, and
      // the host's writes wait for it as usual instead of failing at once.
      const control = new PauseControl((isHeld) => db.pragma(`busy_timeout = ${isHeld ? BUSY_WAIT_MS : BUSY_WAIT_DURING_BULK_MS}`));
      const worker = new Worker(entry, { workerData: { file, job, control: control.buffer } satisfies WorkerStart });
      current = { job, percent: 0, worker, control };
      db.pragma(`busy_timeout = ${BUSY_WAIT_DURING_BULK_MS}`);
      db.pragma('wal_autocheckpoint = 0');
      let settled = false;
      const finish = (result: Result<BulkDone>) => {
        if (settled) return;
        settled = true;
        current = null;
        control.end();
        db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
        db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
        // A worker that failed, or ended without its answer, may have left a hidden, half-written
        // decision: removed here in short transactions, so the host's thread goes on answering;
        // one that cannot be removed now is at the next start.
        if (result.ok) return resolve(result);
        removeInSteps(db)
          .catch((error: unknown) => console.error('decision-matrix: a half-written import is left for the next start', error))
          .finally(() => resolve(result));
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          if (current) current.percent = message.percent;
        } else if (message.type === 'paused') control.given();
        else finish(message.result);
      });
      worker.on('error', (error) => finish(fail('internal', failedMessage(job, error.message))));
      // Messages posted before the worker ended arrive before 'exit': this is an end without an answer.
      worker.on('exit', (code) => finish(fail('internal', failedMessage(job, closed ? 'the app closed before it finished' : `its worker thread stopped, exit code ${code}`))));
    });

  return {
    run(job) {
      waiting++;
      if (!done) {
        let resolve!: () => void;
        done = { promise: new Promise<void>((r) => (resolve = r)), resolve };
      }
      const answer = queue.then(() => runOne(job));
      queue = answer.finally(() => {
        if (--waiting === 0 && done) {
          done.resolve();
          done = null;
        }
      });
      return answer;
    },
    progress: () => (current ? { kind: progressKind(current.job), percent: current.percent } : null),
    whenDone: () => done?.promise ?? null,
    pause: () => (closed ? null : (current?.control.hold() ?? null)),
    async close() {
      closed = true;
      current?.control.end();
      await current?.worker.terminate();
      await queue;
    },
  };
}
