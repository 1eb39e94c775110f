import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BulkProgress } from '../../core/contract';
import { fail, type Result } from '../../core/result';
import type { Db } from '../../db/connection';
import { failedMessage, progressKind, type BulkDone, type BulkJob } from './jobs';
import type { WorkerMessage, WorkerStart } from './messages';

const BUNDLED_ENTRY = join(import.meta.dirname, 'bulk-worker.mjs');
/** The worker's entry: beside the bundle once built (dist/node), else bulk-worker.ts from the sources. */
export const BULK_WORKER_ENTRY = existsSync(BUNDLED_ENTRY) ? BUNDLED_ENTRY : join(import.meta.dirname, 'worker-from-source.mjs');

/**
 * How long the host's own connection waits for the write lock while a worker holds it (its
 * usual 5 s would block every call behind one write). A write that still finds it taken is
 * tried again once the worker is done (`whenDone`, used by dispatch).
 */
const BUSY_WAIT_DURING_BULK_MS = 20;
const BUSY_WAIT_MS = 5000;

/** Big imports and copies, each written by a worker thread on its own connection, one after another. */
export interface BulkWriter {
  run(job: BulkJob): Promise<Result<BulkDone>>;
  /** The job under way, or null. */
  progress(): BulkProgress | null;
  /** Resolves once no job runs or waits; null when none does. */
  whenDone(): Promise<void> | null;
  /** Stops the job under way (its transaction is never committed, so nothing of it is kept) and refuses new ones. */
  close(): Promise<void>;
}

/** A bulk writer for the store `db` has open at `file` (a store on disk that can be written). */
export function startBulkWriter(db: Db, file: string, entry: string = BULK_WORKER_ENTRY): BulkWriter {
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  let done: { promise: Promise<void>; resolve: () => void } | null = null;
  let current: { job: BulkJob; percent: number; worker: Worker } | null = null;
  let closed = false;

  const runOne = (job: BulkJob) =>
    new Promise<Result<BulkDone>>((resolve) => {
      if (closed) return resolve(fail('internal', failedMessage(job, 'the app is closing')));
      const worker = new Worker(entry, { workerData: { file, job } satisfies WorkerStart });
      current = { job, percent: 0, worker };
      db.pragma(`busy_timeout = ${BUSY_WAIT_DURING_BULK_MS}`);
      let settled = false;
      const finish = (result: Result<BulkDone>) => {
        if (settled) return;
        settled = true;
        current = null;
        db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
        resolve(result);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          if (current) current.percent = message.percent;
        } else finish(message.result);
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
    async close() {
      closed = true;
      await current?.worker.terminate();
      await queue;
    },
  };
}
