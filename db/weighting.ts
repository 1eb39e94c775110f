import type { WeightingMethod } from '../core/weighting';
import type { AhpJudgment } from '../core/weighting/ahp';
import type { WeightingInputs } from '../core/weighting/inputs';
import type { RankEntry, RankRule } from '../core/weighting/rank';
import type { Db } from './connection';

/** Repository for how a decision is weighed: its method and every method's inputs. Handle first. */

interface CriterionInputRow {
  id: number;
  points: number | null;
  rankPlace: number | null;
  swing: number | null;
}

export function readWeightingInputs(db: Db, decisionId: number): WeightingInputs {
  const decision = db.prepare('SELECT weighting_method AS method, rank_rule AS rule FROM decisions WHERE id = ?').get(decisionId) as { method: WeightingMethod; rule: RankRule };
  const rows = db
    .prepare('SELECT id, points, rank_place AS rankPlace, swing FROM criteria WHERE decision_id = ? ORDER BY position, id')
    .all(decisionId) as CriterionInputRow[];
  const points: Record<number, number> = {};
  const swing: Record<number, number> = {};
  const places = new Map<number, number[]>();
  for (const row of rows) {
    if (row.points !== null) points[row.id] = row.points;
    if (row.swing !== null) swing[row.id] = row.swing;
    if (row.rankPlace !== null) places.set(row.rankPlace, [...(places.get(row.rankPlace) ?? []), row.id]);
  }
  const order: RankEntry<number>[] = [...places.keys()].sort((a, b) => a - b).map((place) => {
    const ids = places.get(place)!;
    return ids.length === 1 ? ids[0] : ids;
  });
  const judgments = db
    .prepare('SELECT more_id AS more, less_id AS less, ratio FROM ahp_judgments WHERE decision_id = ? ORDER BY rowid')
    .all(decisionId) as AhpJudgment<number>[];
  return { method: decision.method, rule: decision.rule, points, order, swing, judgments };
}

/** What a change replaces: each part given replaces that method's inputs whole. */
export interface WeightingChange {
  method?: WeightingMethod;
  rule?: RankRule;
  points?: Record<number, number>;
  order?: RankEntry<number>[];
  swing?: Record<number, number>;
  judgments?: AhpJudgment<number>[];
}

/**
 * Writes what differs and nothing else: a statement that changes nothing would still be recorded
 * by the undo triggers (0008), making a step of a change that changed nothing and clearing redo.
 */
export function writeWeightingInputs(db: Db, decisionId: number, change: WeightingChange): void {
  if (change.method !== undefined) db.prepare('UPDATE decisions SET weighting_method = ? WHERE id = ? AND weighting_method IS NOT ?').run(change.method, decisionId, change.method);
  if (change.rule !== undefined) db.prepare('UPDATE decisions SET rank_rule = ? WHERE id = ? AND rank_rule IS NOT ?').run(change.rule, decisionId, change.rule);
  const column = (name: 'points' | 'rank_place' | 'swing', values: Map<number, number>) => {
    const current = db.prepare(`SELECT id, ${name} AS value FROM criteria WHERE decision_id = ?`).all(decisionId) as { id: number; value: number | null }[];
    const set = db.prepare(`UPDATE criteria SET ${name} = ? WHERE id = ? AND decision_id = ?`);
    for (const { id, value } of current) {
      const wanted = values.get(id) ?? null;
      if (wanted !== value) set.run(wanted, id, decisionId);
    }
  };
  if (change.points) column('points', new Map(Object.entries(change.points).map(([id, v]) => [Number(id), v])));
  if (change.swing) column('swing', new Map(Object.entries(change.swing).map(([id, v]) => [Number(id), v])));
  if (change.order) column('rank_place', new Map(change.order.flatMap((entry, place) => (Array.isArray(entry) ? entry : [entry]).map((id) => [id, place + 1] as const))));
  if (change.judgments) {
    const current = db.prepare('SELECT more_id AS more, less_id AS less, ratio FROM ahp_judgments WHERE decision_id = ? ORDER BY rowid').all(decisionId) as AhpJudgment<number>[];
    const same = current.length === change.judgments.length && current.every((j, i) => j.more === change.judgments![i].more && j.less === change.judgments![i].less && j.ratio === change.judgments![i].ratio);
    if (!same) {
      db.prepare('DELETE FROM ahp_judgments WHERE decision_id = ?').run(decisionId);
      const insert = db.prepare('INSERT INTO ahp_judgments (decision_id, more_id, less_id, ratio) VALUES (?, ?, ?, ?)');
      for (const { more, less, ratio } of change.judgments) insert.run(decisionId, more, less, ratio);
    }
  }
}
