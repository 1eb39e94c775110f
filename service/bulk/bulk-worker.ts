// A worker thread's entry (bundled as dist/node/bulk-worker.mjs): one big import or copy, written
// on a connection of its own, so the thread that answers the app's calls is never blocked by it.
import { parentPort, workerData } from 'node:worker_threads';
import { fail } from '../../core/result';
import { openBulkConnection } from '../../db/bulk-connection';
import { inWriteTransaction } from '../../db/connection';
import { failedMessage, runBulkJob } from './jobs';
import type { WorkerMessage, WorkerStart } from './messages';

const { file, job } = workerData as WorkerStart;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
let result;
try {
  const db = openBulkConnection(file);
  try {
    result = runBulkJob(db, job, (percent) => post({ type: 'progress', percent }), (body) => inWriteTransaction(db, body));
  } finally {
    db.close();
  }
} catch (error) {
  result = fail('internal', failedMessage(job, (error as Error).message));
}
post({ type: 'done', result });
