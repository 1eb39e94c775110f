// Streams writes through the real service until it is killed, acknowledging each one on stdout
// once the service has answered (the transaction is committed): what a host does for its page.
// Usage: node --import tsx hosts/web/test/crash-writer.ts <store file> <run> [autocheckpoint pages]
import type { Result } from '../../../core/result';
import { openDecisionStore } from '../../../db/seed';
import { createDispatch } from '../../../service/dispatch';
import { createHandlers } from '../../../service/handlers';

const [file, run, checkpointPages] = process.argv.slice(2);
const db = openDecisionStore(file);
// Checkpoints every few pages on some runs, so kills also land in the middle of one and just after
// SQLite starts its -wal afresh: the cases the -wal check (db/wal-fit.ts) must accept.
if (checkpointPages) db.pragma(`wal_autocheckpoint = ${Number(checkpointPages)}`);
const dispatch = createDispatch(createHandlers(db));
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const title = `run ${run} write ${n}`;
  const created = dispatch('createDecision', { title }) as Result<unknown>;
  if (!created.ok) throw new Error(created.error.message);
  const { id } = created.value as { id: number };
  // Pipes are written synchronously on Linux: once this returns, the parent can read the line.
  process.stdout.write(`created ${id} ${title}\n`);
  const updated = dispatch('updateDecision', { decisionId: id, context: `context of ${title}` }) as Result<unknown>;
  if (!updated.ok) throw new Error(updated.error.message);
  process.stdout.write(`updated ${id}\n`);
}
