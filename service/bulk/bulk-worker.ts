// A worker thread's entry (bundled as dist/node/bulk-worker.mjs): one big import or copy, written
// on a connection of its own in short transactions, so the thread that answers the app's calls
// is never blocked by it, and a write the host makes meanwhile waits one transaction at most.
import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../core/result';
import { openBulkConnection } from '../../db/bulk-connection';
import { inWriteTransaction } from '../../db/connection';
import { failedMessage, runBulkJob, type BulkDone } from './jobs';
import { ASKED, FREE, HOSTS, WRITING, type WorkerMessage, type WorkerStart } from './messages';

const { file, job, control } = workerData as WorkerStart;
const turn = new Int32Array(control);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** One transaction, in the worker's turn: it waits while the host has the store, and gives it to the host at the commit when asked. */
function inTurn<T>(write: () => T): T {
  while (Atomics.compareExchange(turn, 0, FREE, WRITING) !== FREE) Atomics.wait(turn, 0, HOSTS);
  try {
    return write();
  } finally {
    if (Atomics.compareExchange(turn, 0, WRITING, FREE) === ASKED) {
      Atomics.store(turn, 0, HOSTS);
      post({ type: 'paused' });
    }
  }
}

let result: Result<BulkDone>;
try {
  const db = openBulkConnection(file);
  try {
    result = await runBulkJob(db, job, {
      transaction: (body) => inTurn(() => inWriteTransaction(db, body)),
      inSteps: true,
      report: (percent) => post({ type: 'progress', percent }),
    });
  } finally {
    db.close();
  }
} catch (error) {
  result = fail('internal', failedMessage(job, (error as Error).message));
}
post({ type: 'done', result });
