import type { Decision, Direction } from './model';
import { fail, ok, type Result } from './result';

/**
 * The weighted-sum model, on a dense matrix so that large decisions score in well under a
 * millisecond:
 *   1. weights are normalised to sum 1;
 *   2. each score x on a criterion with scale [min, max] maps to (x - min) / (max - min),
 *      or to (max - x) / (max - min) when the criterion is a cost;
 *   3. an option's total is the sum over criteria of weight × mapped score, so it lies in 0..1;
 *   4. options whose totals differ by less than TIE_TOLERANCE share a rank.
 * A missing score is never filled in: its option is marked incomplete, keeps the partial total
 * of the cells it has, and gets no rank until every cell is scored.
 */
export const TIE_TOLERANCE = 1e-9;

export const METHOD_NAME = 'Weighted sum of scores normalised to each criterion’s scale';

export interface MatrixCriterion {
  name: string;
  direction: Direction;
  min: number;
  max: number;
  weight: number;
}

export interface MatrixInput {
  criteria: readonly MatrixCriterion[];
  optionNames: readonly string[];
  /** Scores, row-major: values[option * criterionCount + criterion]. */
  values: Float64Array;
  /** scored[cell] is 1 where values[cell] holds a score and 0 where nobody has scored yet; omitted, every cell is scored. */
  scored?: Uint8Array;
}

export interface MatrixScores {
  /** Normalised weights, one per criterion, summing to 1. */
  weights: Float64Array;
  /** Weighted total per option, 0..1. */
  totals: Float64Array;
  /** That criterion's share of the option's total (computed on demand: a full table is 8 bytes × cells). */
  contribution(option: number, criterion: number): number;
  /** Criterion indices left unscored, per option (empty when complete). */
  missing: number[][];
  /** Competition ranks (1, 1, 3, …) among complete options; null for incomplete ones. */
  ranks: (number | null)[];
  /** Option indices, best first: complete options by total, then incomplete ones. */
  order: number[];
}

const NO_MISSING: number[] = [];

export function scoreMatrix(input: MatrixInput): Result<MatrixScores> {
  const { criteria, values, optionNames } = input;
  const criterionCount = criteria.length;
  if (criterionCount === 0) return fail('invalid-input', 'The decision has no criteria yet: add one to score the options.');

  const weights = new Float64Array(criterionCount);
  const mins = new Float64Array(criterionCount);
  const maxs = new Float64Array(criterionCount);
  const offsets = new Float64Array(criterionCount);
  const factors = new Float64Array(criterionCount);
  let weightSum = 0;
  for (let c = 0; c < criterionCount; c++) {
    const { name, weight, min, max } = criteria[c];
    if (!Number.isFinite(weight) || weight < 0) {
      return fail('invalid-input', `The weight of "${name}" must be a finite number of zero or more (got ${weight}).`);
    }
    if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
      return fail('invalid-input', `The scale of "${name}" must run from a finite minimum to a larger finite maximum (got ${min}–${max}).`);
    }
    weightSum += weight;
  }
  if (!(weightSum > 0) || !Number.isFinite(weightSum)) {
    return fail('invalid-input', 'All weights are zero: give at least one criterion a weight above zero.');
  }
  for (let c = 0; c < criterionCount; c++) {
    const { weight, min, max, direction } = criteria[c];
    const w = weight / weightSum;
    weights[c] = w;
    mins[c] = min;
    maxs[c] = max;
    // contribution = w * (x - min) / (max - min), written as x * factor + offset.
    const span = max - min;
    if (direction === 'benefit') {
      factors[c] = w / span;
      offsets[c] = (-min * w) / span;
    } else {
      factors[c] = -w / span;
      offsets[c] = (max * w) / span;
    }
  }

  const optionCount = optionNames.length;
  if (values.length !== optionCount * criterionCount || (input.scored && input.scored.length !== values.length)) {
    return fail('invalid-input', `Expected ${optionCount} × ${criterionCount} scores, got ${values.length}.`);
  }
  const scored = input.scored;
  const totals = new Float64Array(optionCount);
  const missing: number[][] = new Array(optionCount);
  const bad = sumRows(values, scored, mins, maxs, factors, offsets, criterionCount, totals, missing);
  if (bad >= 0) return badScore(input, Math.floor(bad / criterionCount), bad % criterionCount);

  const { ranks, order } = rankTotals(totals, missing);
  const contribution = (o: number, c: number): number => {
    const cell = o * criterionCount + c;
    return scored !== undefined && scored[cell] === 0 ? 0 : values[cell] * factors[c] + offsets[c];
  };
  return ok({ weights, totals, contribution, missing, ranks, order });
}

/**
 * The hot loop, kept in a function of its own: the closure below in scoreMatrix would otherwise
 * move these arrays into a heap context and slow every access. Returns the first cell out of
 * scale (or NaN), or -1.
 */
function sumRows(
  values: Float64Array,
  scored: Uint8Array | undefined,
  mins: Float64Array,
  maxs: Float64Array,
  factors: Float64Array,
  offsets: Float64Array,
  criterionCount: number,
  totals: Float64Array,
  missing: number[][],
): number {
  for (let o = 0; o < totals.length; o++) {
    const base = o * criterionCount;
    let total = 0;
    let missingHere = NO_MISSING;
    for (let c = 0; c < criterionCount; c++) {
      const cell = base + c;
      if (scored !== undefined && scored[cell] === 0) {
        if (missingHere === NO_MISSING) missingHere = [];
        missingHere.push(c);
        continue;
      }
      const x = values[cell];
      // One range test also refuses NaN.
      if (!(x >= mins[c] && x <= maxs[c])) return cell;
      total += x * factors[c] + offsets[c];
    }
    totals[o] = total;
    missing[o] = missingHere;
  }
  return -1;
}

function badScore(input: MatrixInput, o: number, c: number): Result<never> {
  const x = input.values[o * input.criteria.length + c];
  const { min, max, name } = input.criteria[c];
  const what = Number.isFinite(x) ? `${x} is outside its scale ${min}–${max}` : `${x} is not a finite number`;
  return fail('invalid-input', `The score of "${input.optionNames[o] ?? `option ${o + 1}`}" on "${name}": ${what}.`);
}

function rankTotals(totals: Float64Array, missing: number[][]): { ranks: (number | null)[]; order: number[] } {
  const complete: number[] = [];
  const incomplete: number[] = [];
  for (let o = 0; o < totals.length; o++) (missing[o].length === 0 ? complete : incomplete).push(o);
  const byTotal = (a: number, b: number) => totals[b] - totals[a] || a - b;
  complete.sort(byTotal);
  incomplete.sort(byTotal);

  const ranks: (number | null)[] = new Array(totals.length).fill(null);
  let groupTotal = Number.NaN;
  let groupRank = 0;
  complete.forEach((o, position) => {
    // Ties are measured against the first total of the group, so a chain of tiny steps cannot
    // merge two clearly different totals into one rank.
    if (!(Math.abs(totals[o] - groupTotal) < TIE_TOLERANCE)) {
      groupTotal = totals[o];
      groupRank = position + 1;
    }
    ranks[o] = groupRank;
  });
  return { ranks, order: [...complete, ...incomplete] };
}

export interface OptionScore {
  optionId: number;
  name: string;
  total: number;
  rank: number | null;
  complete: boolean;
  missingCriterionIds: number[];
  /** Each criterion's share of the total, keyed by criterion id. */
  contributions: Record<number, number>;
}

export interface DecisionScores {
  method: string;
  /** Normalised weight per criterion id. */
  weights: Record<number, number>;
  /** In the decision's option order. */
  options: OptionScore[];
  /** Option ids, best first. */
  ranking: number[];
}

/** Scores a stored decision and keys the result by ids, for the UI, the CLI and reports. */
export function scoreDecision(decision: Pick<Decision, 'options' | 'criteria' | 'scores'>): Result<DecisionScores> {
  const { options, criteria } = decision;
  const optionIndex = new Map(options.map((o, i) => [o.id, i]));
  const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
  const values = new Float64Array(options.length * criteria.length);
  const scored = new Uint8Array(values.length);
  for (const score of decision.scores) {
    const o = optionIndex.get(score.optionId);
    const c = criterionIndex.get(score.criterionId);
    if (o === undefined || c === undefined || score.value === null) continue;
    values[o * criteria.length + c] = score.value;
    scored[o * criteria.length + c] = 1;
  }
  const matrix = scoreMatrix({
    criteria: criteria.map((c) => ({ name: c.name, direction: c.direction, min: c.scale.min, max: c.scale.max, weight: c.weight })),
    optionNames: options.map((o) => o.name),
    values,
    scored,
  });
  if (!matrix.ok) return matrix;
  const result = matrix.value;
  const weights: Record<number, number> = {};
  criteria.forEach((c, i) => (weights[c.id] = result.weights[i]));
  const optionScores: OptionScore[] = options.map((option, o) => {
    const contributions: Record<number, number> = {};
    criteria.forEach((c, i) => (contributions[c.id] = result.contribution(o, i)));
    return {
      optionId: option.id,
      name: option.name,
      total: result.totals[o],
      rank: result.ranks[o],
      complete: result.missing[o].length === 0,
      missingCriterionIds: result.missing[o].map((i) => criteria[i].id),
      contributions,
    };
  });
  return ok({ method: METHOD_NAME, weights, options: optionScores, ranking: result.order.map((o) => options[o].id) });
}
