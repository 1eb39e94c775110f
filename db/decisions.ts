import type { DecisionDraft } from '../core/interchange';
import type { Criterion, Decision, DecisionStatus, DecisionSummary, Direction, Option, Score } from '../core/model';
import type { Db } from './connection';
import { nextRowId } from './row-ids';
import { readWeightingInputs, writeWeightingInputs } from './weighting';
import { insertDraftHistory } from './decision-history';
import { draftWeighting } from '../core/interchange';
import { translateWeightingIds } from '../core/weighting';
import { inputsFromWeighting } from '../core/weighting/inputs';
import { whole } from './unfinished';

/** Repository for whole decisions. Every function takes the database handle first. */

const now = () => new Date().toISOString();

interface CriterionRow {
  id: number;
  name: string;
  description: string;
  direction: Direction;
  scale_min: number;
  scale_max: number;
  min_label: string;
  max_label: string;
  weight: number;
}

const SUMMARY = `SELECT d.id, d.title, d.updated_at AS updatedAt,
              (SELECT COUNT(*) FROM options o WHERE o.decision_id = d.id) AS optionCount,
              (SELECT COUNT(*) FROM criteria c WHERE c.decision_id = d.id) AS criterionCount
         FROM decisions d`;

/** A decision a big import or copy is still writing (migration 0014) is not there yet for anyone who reads. */
const WHOLE = whole('d.id');

export function listDecisions(db: Db): DecisionSummary[] {
  return db.prepare(`${SUMMARY} WHERE ${WHOLE} ORDER BY d.updated_at DESC, d.id DESC`).all() as DecisionSummary[];
}

/** One decision as the list shows it (cheap for any size, unlike getDecision). */
export function findDecisionSummary(db: Db, id: number): DecisionSummary | undefined {
  return db.prepare(`${SUMMARY} WHERE d.id = ? AND ${WHOLE}`).get(id) as DecisionSummary | undefined;
}

export function getDecision(db: Db, id: number): Decision | undefined {
  const row = db
    .prepare(
      `SELECT id, title, context, status, chosen_option_id AS chosenOptionId, outcome_reason AS outcomeReason,
              created_at AS createdAt, updated_at AS updatedAt
         FROM decisions d WHERE id = ? AND ${WHOLE}`,
    )
    .get(id) as
    | Omit<Decision, 'options' | 'criteria' | 'scores'>
    | undefined;
  if (!row) return undefined;
  const options = db.prepare('SELECT id, name, description FROM options WHERE decision_id = ? ORDER BY position, id').all(id) as Option[];
  const criteria = (db.prepare('SELECT * FROM criteria WHERE decision_id = ? ORDER BY position, id').all(id) as CriterionRow[]).map(
    (c): Criterion => ({
      id: c.id,
      name: c.name,
      description: c.description,
      direction: c.direction,
      scale: { min: c.scale_min, max: c.scale_max, minLabel: c.min_label, maxLabel: c.max_label },
      weight: c.weight,
    }),
  );
  const scores = db
    .prepare(
      `SELECT s.option_id AS optionId, s.criterion_id AS criterionId, s.value, s.rationale, s.source
         FROM scores s JOIN options o ON o.id = s.option_id
        WHERE o.decision_id = ?`,
    )
    .all(id) as Score[];
  return { ...row, options, criteria, scores, weighting: readWeightingInputs(db, id) };
}

/** How far the writing of a decision has got: its id, and how many of its rows are written, of how many. */
export interface WriteProgress {
  decisionId: number;
  written: number;
  total: number;
}

/** Writes a whole decision in the caller's transaction; answers its id. */
export function insertDecision(db: Db, draft: DecisionDraft): number {
  const steps = writeDecision(db, draft);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Writes a decision one row at a time, pausing (yielding how far it got) after each row, so the
 * caller chooses where transactions end: insertDecision runs it in one; a big import or copy in
 * many short ones (service/bulk/jobs.ts), with `writerPid` given. The decision is then hidden from
 * every read from the first transaction until the last one, which shows it; a decision left
 * hidden by a writer that died is removed at the next start (db/unfinished.ts).
 */
export function* writeDecision(db: Db, draft: DecisionDraft, writerPid?: number): Generator<WriteProgress, number, void> {
  const total = draft.options.length + draft.criteria.length + draft.scores.length;
  const stamp = now();
  const decisionId = Number(
    db.prepare('INSERT INTO decisions (title, context, created_at, updated_at) VALUES (?, ?, ?, ?)').run(draft.title, draft.context, stamp, stamp)
      .lastInsertRowid,
  );
  if (writerPid !== undefined) db.prepare('INSERT INTO decisions_being_written (decision_id, writer_pid) VALUES (?, ?)').run(decisionId, writerPid);
  let written = 0;
  const progress = (): WriteProgress => ({ decisionId, written: ++written, total });
  const optionIds = new Map<string, number>();
  const insertOption = db.prepare('INSERT INTO options (id, decision_id, name, description, position) VALUES (?, ?, ?, ?, ?)');
  for (const [position, o] of draft.options.entries()) {
    optionIds.set(o.id, Number(insertOption.run(nextRowId(db, 'options'), decisionId, o.name, o.description, position).lastInsertRowid));
    yield progress();
  }
  const criterionIds = new Map<string, number>();
  const insertCriterion = db.prepare(
    `INSERT INTO criteria (id, decision_id, name, description, direction, scale_min, scale_max, min_label, max_label, weight, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [position, c] of draft.criteria.entries()) {
    const { min, max, minLabel, maxLabel } = c.scale;
    criterionIds.set(c.id, Number(insertCriterion.run(nextRowId(db, 'criteria'), decisionId, c.name, c.description, c.direction, min, max, minLabel, maxLabel, c.weight, position).lastInsertRowid));
    yield progress();
  }
  const insertScore = db.prepare('INSERT INTO scores (option_id, criterion_id, value, rationale, source) VALUES (?, ?, ?, ?, ?)');
  for (const s of draft.scores) {
    insertScore.run(optionIds.get(s.option), criterionIds.get(s.criterion), s.value, s.rationale, s.source);
    yield progress();
  }
  // The rest is written with the last row, in the transaction that shows the decision.
  // The file's weighting names criteria by position (draftWeighting); here they become row ids.
  const rowIds = new Map(draft.criteria.map((c, i) => [i + 1, criterionIds.get(c.id)!]));
  const weighting = draftWeighting(draft);
  const inputs = inputsFromWeighting(translateWeightingIds(weighting, rowIds), draft.criteria.map((c, i) => ({ id: rowIds.get(i + 1)!, name: c.name, weight: c.weight })));
  writeWeightingInputs(db, decisionId, inputs);
  insertDraftHistory(db, decisionId, draft, criterionIds, optionIds);
  const { outcome } = draft;
  db.prepare('UPDATE decisions SET status = ?, chosen_option_id = ?, outcome_reason = ? WHERE id = ?').run(
    outcome.status,
    outcome.chosenOption === null ? null : (optionIds.get(outcome.chosenOption) ?? null),
    outcome.reason,
    decisionId,
  );
  if (writerPid !== undefined) db.prepare('DELETE FROM decisions_being_written WHERE decision_id = ?').run(decisionId);
  return decisionId;
}

export interface DecisionFields {
  title?: string;
  context?: string;
  status?: DecisionStatus;
  chosenOptionId?: number | null;
  outcomeReason?: string;
}

export function updateDecision(db: Db, id: number, fields: DecisionFields): boolean {
  const current = db.prepare('SELECT title, context, status, chosen_option_id AS chosenOptionId, outcome_reason AS outcomeReason FROM decisions WHERE id = ?').get(id) as
    | Required<DecisionFields>
    | undefined;
  if (!current) return false;
  db.prepare('UPDATE decisions SET title = ?, context = ?, status = ?, chosen_option_id = ?, outcome_reason = ?, updated_at = ? WHERE id = ?').run(
    fields.title ?? current.title,
    fields.context ?? current.context,
    fields.status ?? current.status,
    fields.chosenOptionId === undefined ? current.chosenOptionId : fields.chosenOptionId,
    fields.outcomeReason ?? current.outcomeReason,
    now(),
    id,
  );
  return true;
}

/** Marks a decision as changed now, so the list shows the most recently edited first; the time set, or null when there is no such decision. */
export function touchDecision(db: Db, id: number): string | null {
  const time = now();
  return db.prepare(`UPDATE decisions SET updated_at = ? WHERE id = ? AND ${whole('id')}`).run(time, id).changes > 0 ? time : null;
}

/** Deletes a decision; not one a big import or copy is still writing (there is none yet, for anyone). */
export function deleteDecision(db: Db, id: number): boolean {
  return db.prepare(`DELETE FROM decisions WHERE id = ? AND ${whole('id')}`).run(id).changes > 0;
}
