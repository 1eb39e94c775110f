// A worker thread's entry (bundled as dist/node/bulk-worker.mjs): one big import or copy, written
// on a connection of its own in short transactions, so the thread that answers the app's calls
// is never blocked by it, and a write the host makes meanwhile waits one transaction at most.
import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../core/result';
import { openBulkConnection } from '../../db/bulk-connection';
import { inWriteTransaction } from '../../db/connection';
import { failedMessage, runBulkJob, type BulkDone } from './jobs';
import { PAUSE, type WorkerMessage, type WorkerStart } from './messages';

const { file, job, control } = workerData as WorkerStart;
const word = new Int32Array(control);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** Between two transactions: when the host has a write to make, say so and wait until it is made. */
function between(): void {
  if (Atomics.load(word, 0) !== PAUSE) return;
  post({ type: 'paused' });
  while (Atomics.load(word, 0) === PAUSE) Atomics.wait(word, 0, PAUSE);
}

let result: Result<BulkDone>;
try {
  const db = openBulkConnection(file);
  try {
    result = await runBulkJob(db, job, {
      transaction: (body) => inWriteTransaction(db, body),
      between,
      report: (percent) => post({ type: 'progress', percent }),
    });
  } finally {
    db.close();
  }
} catch (error) {
  result = fail('internal', failedMessage(job, (error as Error).message));
}
post({ type: 'done', result });
