import type { Criterion, Direction, Scale } from '../core/model';
import type { Db } from './connection';
import { whole } from './unfinished';
import { nextRowId } from './row-ids';

/** Repository for the parts of a matrix: options, criteria, weights and scores. */

export interface OwnedRow {
  id: number;
  decisionId: number;
}

export function findOption(db: Db, optionId: number): (OwnedRow & { name: string }) | undefined {
  return db.prepare(`SELECT id, decision_id AS decisionId, name FROM options WHERE id = ? AND ${whole('decision_id')}`).get(optionId) as (OwnedRow & { name: string }) | undefined;
}

export function findCriterion(db: Db, criterionId: number): (OwnedRow & Pick<Criterion, 'name' | 'scale'>) | undefined {
  const row = db
    .prepare(`SELECT id, decision_id AS decisionId, name, scale_min, scale_max, min_label, max_label FROM criteria WHERE id = ? AND ${whole('decision_id')}`)
    .get(criterionId) as (OwnedRow & { name: string; scale_min: number; scale_max: number; min_label: string; max_label: string }) | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    decisionId: row.decisionId,
    name: row.name,
    scale: { min: row.scale_min, max: row.scale_max, minLabel: row.min_label, maxLabel: row.max_label },
  };
}

function nextPosition(db: Db, table: 'options' | 'criteria', decisionId: number): number {
  const row = db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) AS next FROM ${table} WHERE decision_id = ?`).get(decisionId) as { next: number };
  return row.next;
}

export function insertOption(db: Db, decisionId: number, name: string, description = ''): number {
  return Number(
    db
      .prepare('INSERT INTO options (id, decision_id, name, description, position) VALUES (?, ?, ?, ?, ?)')
      .run(nextRowId(db, 'options'), decisionId, name, description, nextPosition(db, 'options', decisionId)).lastInsertRowid,
  );
}

export function updateOption(db: Db, optionId: number, fields: { name?: string; description?: string }): void {
  db.prepare('UPDATE options SET name = COALESCE(?, name), description = COALESCE(?, description) WHERE id = ?').run(
    fields.name ?? null,
    fields.description ?? null,
    optionId,
  );
}

export function deleteOption(db: Db, optionId: number): void {
  db.prepare('DELETE FROM options WHERE id = ?').run(optionId);
}

export interface NewCriterion {
  name: string;
  description: string;
  direction: Direction;
  scale: Scale;
  weight: number;
}

export function insertCriterion(db: Db, decisionId: number, c: NewCriterion): number {
  return Number(
    db
      .prepare(
        `INSERT INTO criteria (id, decision_id, name, description, direction, scale_min, scale_max, min_label, max_label, weight, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(nextRowId(db, 'criteria'), decisionId, c.name, c.description, c.direction, c.scale.min, c.scale.max, c.scale.minLabel, c.scale.maxLabel, c.weight, nextPosition(db, 'criteria', decisionId))
      .lastInsertRowid,
  );
}

export function updateCriterion(db: Db, criterionId: number, fields: Partial<Omit<NewCriterion, 'weight'>>): void {
  const { scale } = fields;
  db.prepare(
    `UPDATE criteria SET name = COALESCE(?, name), description = COALESCE(?, description), direction = COALESCE(?, direction),
            scale_min = COALESCE(?, scale_min), scale_max = COALESCE(?, scale_max),
            min_label = COALESCE(?, min_label), max_label = COALESCE(?, max_label)
      WHERE id = ?`,
  ).run(
    fields.name ?? null,
    fields.description ?? null,
    fields.direction ?? null,
    scale?.min ?? null,
    scale?.max ?? null,
    scale?.minLabel ?? null,
    scale?.maxLabel ?? null,
    criterionId,
  );
}

export function deleteCriterion(db: Db, criterionId: number): void {
  db.prepare('DELETE FROM criteria WHERE id = ?').run(criterionId);
}

export function setWeight(db: Db, criterionId: number, weight: number): void {
  db.prepare('UPDATE criteria SET weight = ? WHERE id = ?').run(weight, criterionId);
}

/** Scores on a criterion that fall outside a proposed scale. */
export function scoresOutside(db: Db, criterionId: number, min: number, max: number): number {
  const row = db.prepare('SELECT COUNT(*) AS n FROM scores WHERE criterion_id = ? AND value IS NOT NULL AND (value < ? OR value > ?)').get(criterionId, min, max) as {
    n: number;
  };
  return row.n;
}

/** Moves one row of a decision's options or criteria to a new index, renumbering the rest. */
export function moveRow(db: Db, table: 'options' | 'criteria', decisionId: number, rowId: number, toIndex: number): void {
  const ids = (db.prepare(`SELECT id FROM ${table} WHERE decision_id = ? ORDER BY position, id`).all(decisionId) as { id: number }[]).map((r) => r.id);
  const from = ids.indexOf(rowId);
  if (from < 0) return;
  ids.splice(from, 1);
  ids.splice(Math.min(toIndex, ids.length), 0, rowId);
  const update = db.prepare(`UPDATE ${table} SET position = ? WHERE id = ?`);
  ids.forEach((id, position) => update.run(position, id));
}

export interface ScoreFields {
  value?: number | null;
  rationale?: string;
  source?: string;
}

export function findScore(db: Db, optionId: number, criterionId: number): { value: number | null; rationale: string; source: string } | undefined {
  return db.prepare('SELECT value, rationale, source FROM scores WHERE option_id = ? AND criterion_id = ?').get(optionId, criterionId) as
    | { value: number | null; rationale: string; source: string }
    | undefined;
}

export function upsertScore(db: Db, optionId: number, criterionId: number, fields: ScoreFields): void {
  const current = db.prepare('SELECT value, rationale, source FROM scores WHERE option_id = ? AND criterion_id = ?').get(optionId, criterionId) as
    | { value: number | null; rationale: string; source: string }
    | undefined;
  const next = {
    value: fields.value === undefined ? (current?.value ?? null) : fields.value,
    rationale: fields.rationale ?? current?.rationale ?? '',
    source: fields.source ?? current?.source ?? '',
  };
  if (next.value === null && next.rationale === '' && next.source === '') {
    db.prepare('DELETE FROM scores WHERE option_id = ? AND criterion_id = ?').run(optionId, criterionId);
    return;
  }
  db.prepare(
    `INSERT INTO scores (option_id, criterion_id, value, rationale, source) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (option_id, criterion_id) DO UPDATE SET value = excluded.value, rationale = excluded.rationale, source = excluded.source`,
  ).run(optionId, criterionId, next.value, next.rationale, next.source);
}
