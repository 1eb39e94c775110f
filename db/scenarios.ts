import type { Db } from './connection';
import { nextRowId } from './row-ids';

/** Repository for named weight sets. */
export interface Scenario {
  id: number;
  decisionId: number;
  name: string;
  createdAt: string;
  /** Weight per criterion id. */
  weights: Record<number, number>;
}

export function insertScenario(db: Db, decisionId: number, name: string, weights: { criterionId: number; weight: number }[]): number {
  const id = Number(db.prepare('INSERT INTO scenarios (id, decision_id, name, created_at) VALUES (?, ?, ?, ?)').run(nextRowId(db, 'scenarios'), decisionId, name, new Date().toISOString()).lastInsertRowid);
  const insert = db.prepare('INSERT INTO scenario_weights (scenario_id, criterion_id, weight) VALUES (?, ?, ?)');
  for (const w of weights) insert.run(id, w.criterionId, w.weight);
  return id;
}

export function listScenarios(db: Db, decisionId: number): Scenario[] {
  const scenarios = db.prepare('SELECT id, decision_id AS decisionId, name, created_at AS createdAt FROM scenarios WHERE decision_id = ? ORDER BY id').all(decisionId) as Omit<
    Scenario,
    'weights'
  >[];
  const weights = db.prepare('SELECT criterion_id AS criterionId, weight FROM scenario_weights WHERE scenario_id = ?');
  return scenarios.map((s) => ({
    ...s,
    weights: Object.fromEntries((weights.all(s.id) as { criterionId: number; weight: number }[]).map((w) => [w.criterionId, w.weight])),
  }));
}

export function findScenario(db: Db, scenarioId: number): Scenario | undefined {
  const row = db.prepare('SELECT decision_id AS decisionId FROM scenarios WHERE id = ?').get(scenarioId) as { decisionId: number } | undefined;
  return row && listScenarios(db, row.decisionId).find((s) => s.id === scenarioId);
}

export function deleteScenario(db: Db, scenarioId: number): void {
  db.prepare('DELETE FROM scenarios WHERE id = ?').run(scenarioId);
}
