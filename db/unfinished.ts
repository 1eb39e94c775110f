import { inTransaction, type Db } from './connection';
import { abandonedBy } from './leftovers';

/**
 * Decisions a big import or copy began and never finished (migration 0014): hidden from every
 * read, and removed here — at the next start for a writer that died, by the bulk writer itself
 * for one that failed or was stopped.
 */

/** SQL that holds for a row whose decision (`column`) is whole: not one a big import or copy is still writing. */
export const whole = (column: string) => `${column} NOT IN (SELECT decision_id FROM decisions_being_written)`;

/** How many scores one pause of the removal deletes at most. */
const SCORES_PER_STEP = 500;

/**
 * Removes a hidden decision a few hundred scores at a time, pausing after each batch (and after
 * each option), like writeDecision. Nothing is removed unless the decision is still marked as
 * being written: once its mark is gone it is either whole or another decision with its id.
 */
export function* removeUnfinishedDecision(db: Db, decisionId: number): Generator<void, void, void> {
  const marked = () => db.prepare('SELECT 1 FROM decisions_being_written WHERE decision_id = ?').get(decisionId) !== undefined;
  if (!marked()) return;
  const options = db.prepare('SELECT id FROM options WHERE decision_id = ?').pluck().all(decisionId) as number[];
  const removeScores = db.prepare(`DELETE FROM scores WHERE rowid IN (SELECT rowid FROM scores WHERE option_id = ? LIMIT ${SCORES_PER_STEP})`);
  const removeOption = db.prepare('DELETE FROM options WHERE id = ?');
  for (const id of options) {
    // Each pause may be the end of a transaction: the mark is looked at again after one.
    if (!marked()) return;
    while (removeScores.run(id).changes === SCORES_PER_STEP) yield;
    removeOption.run(id);
    yield;
  }
  // Its criteria, weighting and mark go with it (ON DELETE CASCADE).
  db.prepare('DELETE FROM decisions WHERE id = ? AND id IN (SELECT decision_id FROM decisions_being_written)').run(decisionId);
}

/** The hidden decisions whose writer is gone, or is `writerPid` (this process, whose writing stopped). */
export function unfinishedDecisions(db: Db, writerPid?: number): number[] {
  const rows = db.prepare('SELECT decision_id AS decisionId, writer_pid AS pid FROM decisions_being_written').all() as { decisionId: number; pid: number }[];
  return rows.filter(({ pid }) => pid === writerPid || abandonedBy(pid)).map((r) => r.decisionId);
}

/**
 * Removes, in one transaction, every decision left half written by a writer that is gone (at a
 * start, `writerPid` is this process's own pid too: a pid can be given again after a kill, and no
 * writer of this process has started yet). Answers how many there were.
 */
export function removeUnfinishedDecisions(db: Db, writerPid?: number): number {
  const unfinished = unfinishedDecisions(db, writerPid);
  if (unfinished.length === 0) return 0;
  inTransaction(db, () => {
    for (const id of unfinished) for (const _ of removeUnfinishedDecision(db, id));
  });
  return unfinished.length;
}
