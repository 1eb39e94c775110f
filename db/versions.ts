import type { DecisionDocument } from '../core/interchange';
import type { VersionDecision, VersionReason } from '../core/versions';
import type { Db } from './connection';
import { nextRowId } from './row-ids';
import { writeWeightingInputs } from './weighting';

/** Repository for named versions of a decision (migration 0008; docs/history.md). Handle first. */

export interface StoredVersion {
  id: number;
  decisionId: number;
  name: string;
  reason: VersionReason;
  createdAt: string;
  document: DecisionDocument;
}

interface VersionRow {
  id: number;
  decisionId: number;
  name: string;
  reason: VersionReason;
  createdAt: string;
  document: string;
}

const COLUMNS = 'id, decision_id AS decisionId, name, reason, created_at AS createdAt, document';
const parsed = (row: VersionRow): StoredVersion => ({ ...row, document: JSON.parse(row.document) as DecisionDocument });

export function insertVersion(db: Db, decisionId: number, name: string, reason: VersionReason, document: DecisionDocument): number {
  return Number(
    db
      .prepare('INSERT INTO decision_versions (decision_id, name, reason, created_at, document) VALUES (?, ?, ?, ?, ?)')
      .run(decisionId, name, reason, new Date().toISOString(), JSON.stringify(document)).lastInsertRowid,
  );
}

/** A decision's versions, oldest first. */
export function listVersions(db: Db, decisionId: number): StoredVersion[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM decision_versions WHERE decision_id = ? ORDER BY id`).all(decisionId) as VersionRow[]).map(parsed);
}

export function findVersion(db: Db, versionId: number): StoredVersion | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM decision_versions WHERE id = ?`).get(versionId) as VersionRow | undefined;
  return row && parsed(row);
}

/**
 * Puts a decision back as a version has it, row by row: rows the version has are updated in place
 * (or come back under their own ids), rows it lacks are removed, and only what differs is written,
 * so the undo step a restore records is as small as the difference. Scenarios and workshop rounds
 * are not part of a version and stay as they are.
 */
export function restoreVersion(db: Db, decisionId: number, target: VersionDecision): void {
  const optionIds = new Map<number, number>();
  const criterionIds = new Map<number, number>();
  const owned = (table: 'options' | 'criteria') => new Set(db.prepare(`SELECT id FROM ${table} WHERE decision_id = ?`).pluck().all(decisionId) as number[]);
  const taken = (table: 'options' | 'criteria', id: number) => id <= 0 || db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

  const options = owned('options');
  const keepOptions = new Set(target.options.map((o) => o.id));
  for (const id of options) if (!keepOptions.has(id)) db.prepare('DELETE FROM options WHERE id = ?').run(id);
  target.options.forEach((o, position) => {
    if (options.has(o.id)) {
      db.prepare('UPDATE options SET name = ?, description = ?, position = ? WHERE id = ?').run(o.name, o.description, position, o.id);
      optionIds.set(o.id, o.id);
      return;
    }
    const id = taken('options', o.id) ? nextRowId(db, 'options') : o.id;
    const inserted = db.prepare('INSERT INTO options (id, decision_id, name, description, position) VALUES (?, ?, ?, ?, ?)').run(id, decisionId, o.name, o.description, position);
    optionIds.set(o.id, Number(inserted.lastInsertRowid));
  });

  const criteria = owned('criteria');
  const keepCriteria = new Set(target.criteria.map((c) => c.id));
  for (const id of criteria) if (!keepCriteria.has(id)) db.prepare('DELETE FROM criteria WHERE id = ?').run(id);
  target.criteria.forEach((c, position) => {
    const { min, max, minLabel, maxLabel } = c.scale;
    const values = [c.name, c.description, c.direction, min, max, minLabel, maxLabel, c.weight, position];
    if (criteria.has(c.id)) {
      db.prepare(
        `UPDATE criteria SET name = ?, description = ?, direction = ?, scale_min = ?, scale_max = ?, min_label = ?, max_label = ?, weight = ?, position = ?
          WHERE id = ?`,
      ).run(...values, c.id);
      criterionIds.set(c.id, c.id);
      return;
    }
    const id = taken('criteria', c.id) ? nextRowId(db, 'criteria') : c.id;
    const inserted = db
      .prepare(
        `INSERT INTO criteria (id, decision_id, name, description, direction, scale_min, scale_max, min_label, max_label, weight, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, decisionId, ...values);
    criterionIds.set(c.id, Number(inserted.lastInsertRowid));
  });

  const cell = (optionId: number, criterionId: number) => `${optionId}:${criterionId}`;
  const wanted = new Map(
    target.scores.flatMap((s) => {
      const optionId = optionIds.get(s.optionId);
      const criterionId = criterionIds.get(s.criterionId);
      return optionId === undefined || criterionId === undefined ? [] : [[cell(optionId, criterionId), { ...s, optionId, criterionId }] as const];
    }),
  );
  const stored = db
    .prepare('SELECT s.option_id AS optionId, s.criterion_id AS criterionId FROM scores s JOIN options o ON o.id = s.option_id WHERE o.decision_id = ?')
    .all(decisionId) as { optionId: number; criterionId: number }[];
  const drop = db.prepare('DELETE FROM scores WHERE option_id = ? AND criterion_id = ?');
  for (const s of stored) if (!wanted.has(cell(s.optionId, s.criterionId))) drop.run(s.optionId, s.criterionId);
  // An unchanged score is written with its own values: the triggers record nothing for it.
  const put = db.prepare(
    `INSERT INTO scores (option_id, criterion_id, value, rationale, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (option_id, criterion_id) DO UPDATE SET value = excluded.value, rationale = excluded.rationale, source = excluded.source`,
  );
  for (const s of wanted.values()) put.run(s.optionId, s.criterionId, s.value, s.rationale, s.source);

  const mapped = (id: number) => criterionIds.get(id);
  const record = (values: Readonly<Record<number, number>>) =>
    Object.fromEntries(Object.entries(values).flatMap(([id, value]) => (mapped(Number(id)) === undefined ? [] : [[mapped(Number(id))!, value]])));
  const { weighting } = target;
  writeWeightingInputs(db, decisionId, {
    method: weighting.method,
    rule: weighting.rule,
    points: record(weighting.points),
    swing: record(weighting.swing),
    order: weighting.order.flatMap((entry) => {
      const ids = (Array.isArray(entry) ? entry : [entry]).flatMap((id) => (mapped(id) === undefined ? [] : [mapped(id)!]));
      return ids.length === 0 ? [] : [Array.isArray(entry) ? ids : ids[0]];
    }),
    judgments: weighting.judgments.flatMap((j) => (mapped(j.more) === undefined || mapped(j.less) === undefined ? [] : [{ more: mapped(j.more)!, less: mapped(j.less)!, ratio: j.ratio }])),
  });

  const chosen = target.chosenOptionId === null ? null : (optionIds.get(target.chosenOptionId) ?? null);
  db.prepare('UPDATE decisions SET title = ?, context = ?, status = ?, chosen_option_id = ?, outcome_reason = ? WHERE id = ?').run(
    target.title,
    target.context,
    target.status,
    chosen,
    target.outcomeReason,
    decisionId,
  );
}
