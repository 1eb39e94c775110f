// Undoes and redoes a big step through the real service until it is killed, acknowledging each
// once the service has answered (committed). The step (restoring a version) rewrites every score.
// Usage: node --import tsx service/test/undo-crash-writer.ts <store file> <decision id> <version id>
import type { Result } from '../../core/result';
import { openDecisionStore } from '../../db/seed';
import { createDispatch } from '../dispatch';
import { createHandlers } from '../handlers';

const [file, decisionId, versionId] = process.argv.slice(2).map((arg, i) => (i === 0 ? arg : Number(arg))) as [string, number, number];
const db = openDecisionStore(file);
const dispatch = createDispatch(createHandlers(db));
const must = (result: unknown) => {
  const answer = result as Result<unknown>;
  if (!answer.ok) throw new Error(answer.error.message);
};
const history = () => (dispatch('historyState', { decisionId }) as Result<{ undo: string | null; redo: string | null }>);
process.stdout.write('ready\n');
for (;;) {
  const state = history();
  if (!state.ok) throw new Error(state.error.message);
  // Restore when there is no step yet; then undo and redo it, over and over.
  // Each line says which move was committed: the test checks the store holds at least that.
  const move = state.value.undo === null && state.value.redo === null ? 'restore' : state.value.undo !== null ? 'undo' : 'redo';
  if (move === 'restore') must(dispatch('restoreVersion', { versionId }));
  else must(dispatch(move, { decisionId }));
  process.stdout.write(`done ${move}\n`);
}
