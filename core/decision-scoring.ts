import type { Decision } from './model';
import { ok, type Result } from './result';
import { METHOD_NAME, prepareMatrix, weighMatrix, type PreparedMatrix } from './scoring';

/** Scoring keyed by ids, for the UI, the CLI and reports; the arithmetic is in scoring.ts. */

export interface OptionScore {
  optionId: number;
  name: string;
  total: number;
  rank: number | null;
  complete: boolean;
  missingCriterionIds: readonly number[];
}

export interface DecisionScores {
  method: string;
  /** Normalised weight per criterion id. */
  weights: Record<number, number>;
  /** In the decision's option order. */
  options: OptionScore[];
  /** Option ids, best first. */
  ranking: number[];
  /**
   * The points a criterion adds to an option's total (0 where unscored; NaN for an id the decision
   * lacks). Computed on demand, as in scoring.ts: a table of every option × criterion would be
   * rebuilt on every slider input, and the charts read only the criteria they draw.
   */
  contribution(optionId: number, criterionId: number): number;
}

type ScoredParts = Pick<Decision, 'options' | 'criteria' | 'scores'>;

/** A decision's scores checked and placed on 0..1, waiting for weights (see prepareMatrix). */
export interface PreparedDecision {
  readonly options: ScoredParts['options'];
  readonly criterionIds: readonly number[];
  readonly matrix: PreparedMatrix;
  readonly optionIndex: ReadonlyMap<number, number>;
  readonly criterionIndex: ReadonlyMap<number, number>;
  /** Per option, in option order: the ids of the criteria it has no score on. */
  readonly missingIds: readonly (readonly number[])[];
}

export function prepareDecision(decision: ScoredParts): Result<PreparedDecision> {
  const { options, criteria } = decision;
  const optionIndex = new Map(options.map((o, i) => [o.id, i]));
  const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
  const values = new Float64Array(options.length * criteria.length);
  const scored = new Uint8Array(values.length);
  let scoredCount = 0;
  for (const score of decision.scores) {
    const o = optionIndex.get(score.optionId);
    const c = criterionIndex.get(score.criterionId);
    if (o === undefined || c === undefined || score.value === null) continue;
    const cell = o * criteria.length + c;
    values[cell] = score.value;
    scoredCount += 1 - scored[cell];
    scored[cell] = 1;
  }
  const matrix = prepareMatrix({
    criteria: criteria.map((c) => ({ name: c.name, direction: c.direction, min: c.scale.min, max: c.scale.max })),
    optionNames: options.map((o) => o.name),
    values,
    // A full matrix takes the loop without the per-cell test.
    scored: scoredCount === values.length ? undefined : scored,
  });
  if (!matrix.ok) return matrix;
  const criterionIds = criteria.map((c) => c.id);
  const missingIds = matrix.value.missing.map((cells) => cells.map((c) => criterionIds[c]));
  return ok({ options, criterionIds, matrix: matrix.value, optionIndex, criterionIndex, missingIds });
}

/** Weighs a prepared decision with a weight per criterion id (the live sliders, or the stored weights). */
export function weighDecision(prepared: PreparedDecision, weightOf: (criterionId: number) => number): Result<DecisionScores> {
  const { options, criterionIds, optionIndex, criterionIndex, missingIds } = prepared;
  const matrix = weighMatrix(prepared.matrix, criterionIds.map(weightOf));
  if (!matrix.ok) return matrix;
  const result = matrix.value;
  const weights: Record<number, number> = {};
  criterionIds.forEach((id, i) => (weights[id] = result.weights[i]));
  const optionScores: OptionScore[] = options.map((option, o) => ({
    optionId: option.id,
    name: option.name,
    total: result.totals[o],
    rank: result.ranks[o],
    complete: missingIds[o].length === 0,
    missingCriterionIds: missingIds[o],
  }));
  const contribution = (optionId: number, criterionId: number): number => {
    const o = optionIndex.get(optionId);
    const c = criterionIndex.get(criterionId);
    return o === undefined || c === undefined ? Number.NaN : result.contribution(o, c);
  };
  return ok({ method: METHOD_NAME, weights, options: optionScores, ranking: result.order.map((o) => options[o].id), contribution });
}

/** Scores a stored decision with its own weights. */
export function scoreDecision(decision: ScoredParts): Result<DecisionScores> {
  const prepared = prepareDecision(decision);
  if (!prepared.ok) return prepared;
  const weights = new Map(decision.criteria.map((c) => [c.id, c.weight]));
  return weighDecision(prepared.value, (id) => weights.get(id)!);
}
