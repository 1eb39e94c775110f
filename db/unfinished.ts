import { inTransaction, type Db } from './connection';
import { abandonedBy } from './leftovers';

/**
 * Decisions a big import or copy began and never finished (migration 0014): hidden from every
 * read, and removed here — at the next start for a writer that died, by the bulk writer itself
 * for one that failed or was stopped.
 */

/** Removes a hidden decision one option (and its scores) at a time, pausing after each, like writeDecision. */
export function* removeUnfinishedDecision(db: Db, decisionId: number): Generator<void, void, void> {
  const options = db.prepare('SELECT id FROM options WHERE decision_id = ?').pluck().all(decisionId) as number[];
  const removeOption = db.prepare('DELETE FROM options WHERE id = ?');
  for (const id of options) {
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
