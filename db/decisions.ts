import type { DecisionDraft } from '../core/interchange';
import type { Criterion, Decision, DecisionStatus, DecisionSummary, Direction, Option, Score } from '../core/model';
import type { Db } from './connection';
import { nextRowId } from './row-ids';
import { readWeightingInputs, writeWeightingInputs } from './weighting';
import { insertDraftHistory } from './decision-history';
import { draftWeighting } from '../core/interchange';
import { translateWeightingIds } from '../core/weighting';
import { inputsFromWeighting } from '../core/weighting/inputs';

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

export function listDecisions(db: Db): DecisionSummary[] {
  return db.prepare(`${SUMMARY} ORDER BY d.updated_at DESC, d.id DESC`).all() as DecisionSummary[];
}

/** One decision as the list shows it (cheap for any size, unlike getDecision). */
export function findDecisionSummary(db: Db, id: number): DecisionSummary | undefined {
  return db.prepare(`${SUMMARY} WHERE d.id = ?`).get(id) as DecisionSummary | undefined;
}

export function getDecision(db: Db, id: number): Decision | undefined {
  const row = db
    .prepare(
      `SELECT id, title, context, status, chosen_option_id AS chosenOptionId, outcome_reason AS outcomeReason,
              created_at AS createdAt, updated_at AS updatedAt
         FROM decisions WHERE id = ?`,
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

/** How many rows of a decision are written, of how many, told every PROGRESS_ROWS rows (a big import's progress). */
export type InsertProgress = (written: number, total: number) => void;
const PROGRESS_ROWS = 5000;

/** Inserts a whole decision (from a template, an import or a duplicate) and returns its id. */
export function insertDecision(db: Db, draft: DecisionDraft, onProgress?: InsertProgress): number {
  const total = draft.options.length + draft.criteria.length + draft.scores.length;
  let written = 0;
  const wrote = () => {
    written++;
    if (onProgress && written % PROGRESS_ROWS === 0) onProgress(written, total);
  };
  const stamp = now();
  const decisionId = Number(
    db.prepare('INSERT INTO decisions (title, context, created_at, updated_at) VALUES (?, ?, ?, ?)').run(draft.title, draft.context, stamp, stamp)
      .lastInsertRowid,
  );
  const optionIds = new Map<string, number>();
  const insertOption = db.prepare('INSERT INTO options (id, decision_id, name, description, position) VALUES (?, ?, ?, ?, ?)');
  draft.options.forEach((o, position) => {
    optionIds.set(o.id, Number(insertOption.run(nextRowId(db, 'options'), decisionId, o.name, o.description, position).lastInsertRowid));
    wrote();
  });
  const criterionIds = new Map<string, number>();
  const insertCriterion = db.prepare(
    `INSERT INTO criteria (id, decision_id, name, description, direction, scale_min, scale_max, min_label, max_label, weight, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  draft.criteria.forEach((c, position) => {
    const { min, max, minLabel, maxLabel } = c.scale;
    criterionIds.set(c.id, Number(insertCriterion.run(nextRowId(db, 'criteria'), decisionId, c.name, c.description, c.direction, min, max, minLabel, maxLabel, c.weight, position).lastInsertRowid));
    wrote();
  });
  const insertScore = db.prepare('INSERT INTO scores (option_id, criterion_id, value, rationale, source) VALUES (?, ?, ?, ?, ?)');
  for (const s of draft.scores) {
    insertScore.run(optionIds.get(s.option), criterionIds.get(s.criterion), s.value, s.rationale, s.source);
    wrote();
  }
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
  return db.prepare('UPDATE decisions SET updated_at = ? WHERE id = ?').run(time, id).changes > 0 ? time : null;
}

export function deleteDecision(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM decisions WHERE id = ?').run(id).changes > 0;
}
