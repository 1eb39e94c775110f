import type { Decision } from '../core/model';
import { decisionWeights } from '../core/weighting/inputs';
import { MATRIX_FIXED_COLUMNS } from './matrix-layout';
import { neutraliseFormula, roundForTyping, type SheetCell } from './sheet-cells';

/**
 * The weight column as exported: what the decision is scored with, in the form a person types it.
 * Direct: the slider values; 100 points: the points; rank order, swing and AHP, which a sheet
 * cannot express, the weights they produce, as percentages. Rounded to four significant digits.
 * A method that cannot give weights yet (AHP judgments that do not link every criterion) falls
 * back to the slider values, as the app does.
 */
export function exportedWeights(decision: Pick<Decision, 'criteria' | 'weighting'>): Map<number, number> {
  const { method, points } = decision.weighting;
  const shares = method === 'direct' || method === 'points' ? null : decisionWeights(decision.weighting, decision.criteria);
  const weight = (c: Decision['criteria'][number]): number => {
    if (method === 'direct') return c.weight;
    if (method === 'points') return Object.hasOwn(points, c.id) ? points[c.id] : 0;
    return shares?.ok ? shares.value.weights[c.id] * 100 : c.weight;
  };
  return new Map(decision.criteria.map((c) => [c.id, roundForTyping(weight(c))]));
}

/**
 * The decision as its Matrix sheet writes it: slider values (direct) or points rounded as
 * exportedWeights rounds them, so that figures computed beside the matrix (the workbook's Result
 * sheet) are the ones its own weights give, and come out the same once it is imported again.
 */
export function asExported(decision: Decision): Decision {
  const { method, points } = decision.weighting;
  if (method === 'direct') return { ...decision, criteria: decision.criteria.map((c) => ({ ...c, weight: roundForTyping(c.weight) })) };
  if (method === 'points') return { ...decision, weighting: { ...decision.weighting, points: Object.fromEntries(Object.entries(points).map(([id, p]) => [id, roundForTyping(p)])) } };
  return decision;
}

/**
 * The Matrix layout of a decision, row by row, numbers as numbers (the CSV writer turns them into
 * text, a workbook keeps them numeric). With `scoreText`, each option's rationales and sources
 * follow the options as `Rationale: <option>` and `Source: <option>` columns.
 */
export function matrixTable(decision: Decision, { scoreText }: { scoreText: boolean }): SheetCell[][] {
  const score = new Map(decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s]));
  const weights = exportedWeights(decision);
  const header: SheetCell[] = [...MATRIX_FIXED_COLUMNS, ...decision.options.map((o) => o.name)];
  // The option's name as its own column header writes it, so that the two read back the same.
  if (scoreText) header.push(...decision.options.flatMap((o) => [`Rationale: ${neutraliseFormula(o.name)}`, `Source: ${neutraliseFormula(o.name)}`]));
  const rows = decision.criteria.map((c) => {
    const cells = (o: Decision['options'][number]) => score.get(`${o.id}:${c.id}`);
    const row: SheetCell[] = [c.name, weights.get(c.id)!, c.direction, c.scale.min, c.scale.max, ...decision.options.map((o) => cells(o)?.value ?? null)];
    if (scoreText) row.push(...decision.options.flatMap((o) => [cells(o)?.rationale || null, cells(o)?.source || null]));
    return row;
  });
  return [header, ...rows];
}
