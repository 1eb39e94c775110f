import type { Direction } from './model';
import { fail, ok, type Result } from './result';

/**
 * The weighted-sum model on a dense matrix:
 *   1. weights are normalised to sum 1;
 *   2. each score x on a criterion with scale [min, max] maps to (x - min) / (max - min),
 *      or to (max - x) / (max - min) when the criterion is a cost;
 *   3. an option's total is the sum over criteria of weight × mapped score, so it lies in 0..1;
 *   4. options whose totals differ by less than TIE_TOLERANCE share a rank.
 * A missing score is never filled in: its option is marked incomplete, keeps the partial total
 * of the cells it has, and gets no rank until every cell is scored.
 *
 * Scoring is split in two because scores and weights change at different speeds: a slider moves
 * sixty times a second while scores change when someone types one. `prepareMatrix` checks every
 * score against its scale and places it on 0..1 once; `weighMatrix` then applies weights to the
 * prepared matrix, which is a plain weighted sum with nothing left to check per cell.
 * `scoreMatrix` does both, for one-off scoring.
 */
export const TIE_TOLERANCE = 1e-9;

export const METHOD_NAME = 'Weighted sum of scores normalised to each criterion’s scale';

/**
 * How totals are computed, in words: the one text the app, the report and docs/scoring.md show
 * (a test checks the docs hold it word for word).
 */
export const HOW_TOTALS_ARE_COMPUTED: readonly string[] = [
  `Method: ${METHOD_NAME}.`,
  'Weights are divided by their sum, so they add up to 100 %.',
  'Each score x on a criterion with scale [min, max] becomes (x − min) / (max − min); on a cost criterion, (max − x) / (max − min).',
  'An option’s total is the sum over criteria of weight × that value, from 0 % to 100 %; each term is that criterion’s contribution.',
  'Totals closer than 10⁻⁹ share a rank. A missing score is never filled in: its option is marked incomplete and is not ranked.',
];

export interface MatrixScale {
  name: string;
  direction: Direction;
  min: number;
  max: number;
}

export interface MatrixCriterion extends MatrixScale {
  weight: number;
}

export interface MatrixInput<Criterion extends MatrixScale = MatrixCriterion> {
  criteria: readonly Criterion[];
  optionNames: readonly string[];
  /** Scores, row-major: values[option * criterionCount + criterion]. */
  values: Float64Array;
  /** scored[cell] is 1 where values[cell] holds a score and 0 where nobody has scored yet; omitted, every cell is scored. */
  scored?: Uint8Array;
}

/** Every score checked against its scale and placed on 0..1: ready to be weighed any number of times. */
export interface PreparedMatrix {
  readonly criterionNames: readonly string[];
  readonly optionNames: readonly string[];
  /** unit[option * criterionCount + criterion]: the score placed on 0..1 (cost criteria inverted); 0 where unscored. */
  readonly unit: Float64Array;
  /** Criterion indices left unscored, per option (empty when complete). */
  readonly missing: readonly (readonly number[])[];
}

export interface MatrixScores {
  /** Normalised weights, one per criterion, summing to 1. */
  weights: Float64Array;
  /** Weighted total per option, 0..1. */
  totals: Float64Array;
  /** That criterion's share of the option's total (computed on demand: a full table is 8 bytes × cells). */
  contribution(option: number, criterion: number): number;
  /** Criterion indices left unscored, per option (empty when complete). */
  missing: readonly (readonly number[])[];
  /** Competition ranks (1, 1, 3, …) among complete options; null for incomplete ones. */
  ranks: (number | null)[];
  /** Option indices, best first: complete options by total, then incomplete ones. */
  order: number[];
}

const NO_MISSING: readonly number[] = Object.freeze([]);

/** Checks scales and scores (not weights) and places every score on 0..1. */
export function prepareMatrix(input: MatrixInput<MatrixScale>): Result<PreparedMatrix> {
  const { criteria, values, optionNames, scored } = input;
  const criterionCount = criteria.length;
  if (criterionCount === 0) return fail('invalid-input', 'The decision has no criteria yet: add one to score the options.');

  const mins = new Float64Array(criterionCount);
  const maxs = new Float64Array(criterionCount);
  // unit = (x - origin) / span: origin = min and span = max - min for a benefit; origin = max and
  // span = min - max for a cost, which gives (max - x) / (max - min) without a branch per cell.
  const origins = new Float64Array(criterionCount);
  const spans = new Float64Array(criterionCount);
  for (let c = 0; c < criterionCount; c++) {
    const { name, min, max, direction } = criteria[c];
    if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
      return fail('invalid-input', `The scale of "${name}" must run from a finite minimum to a larger finite maximum (got ${min}–${max}).`);
    }
    mins[c] = min;
    maxs[c] = max;
    origins[c] = direction === 'cost' ? max : min;
    spans[c] = direction === 'cost' ? min - max : max - min;
  }

  const optionCount = optionNames.length;
  if (values.length !== optionCount * criterionCount || (scored && scored.length !== values.length)) {
    return fail('invalid-input', `Expected ${optionCount} × ${criterionCount} scores, got ${values.length}.`);
  }
  const unit = new Float64Array(values.length);
  const missing: (readonly number[])[] = new Array(optionCount).fill(NO_MISSING);
  const bad = scored
    ? placePartlyScored(values, scored, mins, maxs, origins, spans, criterionCount, unit, missing)
    : placeFullyScored(values, mins, maxs, origins, spans, criterionCount, unit);
  if (bad >= 0) return badScore(input, Math.floor(bad / criterionCount), bad % criterionCount);
  return ok({ criterionNames: criteria.map((c) => c.name), optionNames, unit, missing });
}

// The loops below live in functions of their own, taking every array as an argument, so that V8
// keeps them in registers rather than in a closure's heap context. Each returns the first cell
// whose score is out of scale (or NaN), or -1.

function placeFullyScored(
  values: Float64Array,
  mins: Float64Array,
  maxs: Float64Array,
  origins: Float64Array,
  spans: Float64Array,
  criterionCount: number,
  unit: Float64Array,
): number {
  for (let base = 0; base < values.length; base += criterionCount) {
    for (let c = 0; c < criterionCount; c++) {
      const placed = placeOnScale(values[base + c], mins[c], maxs[c], origins[c], spans[c]);
      if (placed < 0) return base + c;
      unit[base + c] = placed;
    }
  }
  return -1;
}

function placePartlyScored(
  values: Float64Array,
  scored: Uint8Array,
  mins: Float64Array,
  maxs: Float64Array,
  origins: Float64Array,
  spans: Float64Array,
  criterionCount: number,
  unit: Float64Array,
  missing: (readonly number[])[],
): number {
  for (let o = 0, base = 0; base < values.length; o++, base += criterionCount) {
    let missingHere: number[] | undefined;
    for (let c = 0; c < criterionCount; c++) {
      const cell = base + c;
      if (scored[cell] === 0) {
        (missingHere ??= []).push(c);
        continue; // unit[cell] stays 0: an unscored cell adds nothing to the partial total.
      }
      const placed = placeOnScale(values[cell], mins[c], maxs[c], origins[c], spans[c]);
      if (placed < 0) return cell;
      unit[cell] = placed;
    }
    if (missingHere) missing[o] = missingHere;
  }
  return -1;
}

/**
 * The score placed on 0..1, or -1 when it is outside [min, max] or not a number (NaN fails every
 * comparison). A division rather than a multiplication by 1 / span, so that the ends of the scale
 * land exactly on 0 and 1 (x - origin is then exactly ±span).
 */
function placeOnScale(x: number, min: number, max: number, origin: number, span: number): number {
  // + 0 turns the -0 of a cost criterion's top score (0 / -span) into 0.
  return x >= min && x <= max ? (x - origin) / span + 0 : -1;
}

function badScore(input: MatrixInput<MatrixScale>, o: number, c: number): Result<never> {
  const x = input.values[o * input.criteria.length + c];
  const { min, max, name } = input.criteria[c];
  const what = Number.isFinite(x) ? `${x} is outside its scale ${min}–${max}` : `${x} is not a finite number`;
  return fail('invalid-input', `The score of "${input.optionNames[o] ?? `option ${o + 1}`}" on "${name}": ${what}.`);
}

/** Divides weights by their sum; refuses NaN, infinities, negatives and all zeros, naming the criterion. */
export function normaliseWeights(weights: ArrayLike<number>, criterionNames: readonly string[]): Result<Float64Array> {
  if (weights.length !== criterionNames.length) {
    return fail('invalid-input', `Expected ${criterionNames.length} weights, got ${weights.length}.`);
  }
  let sum = 0;
  for (let c = 0; c < weights.length; c++) {
    const weight = weights[c];
    if (!Number.isFinite(weight) || weight < 0) {
      return fail('invalid-input', `The weight of "${criterionNames[c]}" must be a finite number of zero or more (got ${weight}).`);
    }
    sum += weight;
  }
  if (!Number.isFinite(sum)) return fail('invalid-input', 'The weights are too large to add up: keep each within 10^15.');
  if (!(sum > 0)) return fail('invalid-input', 'All weights are zero: give at least one criterion a weight above zero.');
  const normalised = new Float64Array(weights.length);
  for (let c = 0; c < weights.length; c++) normalised[c] = weights[c] / sum;
  return ok(normalised);
}

/** Applies raw weights (one per criterion, in order) to a prepared matrix: totals, ranks and order. */
export function weighMatrix(prepared: PreparedMatrix, rawWeights: ArrayLike<number>): Result<MatrixScores> {
  const weights = normaliseWeights(rawWeights, prepared.criterionNames);
  return weights.ok ? ok(weighNormalised(prepared, weights.value)) : weights;
}

function weighNormalised(prepared: PreparedMatrix, weights: Float64Array): MatrixScores {
  const { unit, missing } = prepared;
  const criterionCount = weights.length;
  const totals = new Float64Array(prepared.optionNames.length);
  weightedSums(unit, weights, criterionCount, totals);
  const { ranks, order } = rankTotals(prepared, totals);
  const contribution = (o: number, c: number): number => unit[o * criterionCount + c] * weights[c];
  return { weights, totals, contribution, missing, ranks, order };
}

/**
 * totals[o] = Σc unit[o, c] × weights[c]. Four rows at a time: a single running sum waits on the
 * previous addition every step, four independent ones keep the processor busy, and each row is
 * still summed in criterion order, so the totals are bit-for-bit those of the plain loop.
 */
function weightedSums(unit: Float64Array, weights: Float64Array, criterionCount: number, totals: Float64Array): void {
  const optionCount = totals.length;
  let o = 0;
  for (; o + 3 < optionCount; o += 4) {
    const row0 = o * criterionCount;
    const row1 = row0 + criterionCount;
    const row2 = row1 + criterionCount;
    const row3 = row2 + criterionCount;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    for (let c = 0; c < criterionCount; c++) {
      const weight = weights[c];
      sum0 += unit[row0 + c] * weight;
      sum1 += unit[row1 + c] * weight;
      sum2 += unit[row2 + c] * weight;
      sum3 += unit[row3 + c] * weight;
    }
    totals[o] = sum0;
    totals[o + 1] = sum1;
    totals[o + 2] = sum2;
    totals[o + 3] = sum3;
  }
  for (; o < optionCount; o++) {
    const row = o * criterionCount;
    let sum = 0;
    for (let c = 0; c < criterionCount; c++) sum += unit[row + c] * weights[c];
    totals[o] = sum;
  }
}

/** Scores a matrix once: weights checked first, then scales and scores, then weighed. */
export function scoreMatrix(input: MatrixInput): Result<MatrixScores> {
  const names = input.criteria.map((c) => c.name);
  const weights = normaliseWeights(
    input.criteria.map((c) => c.weight),
    names,
  );
  // A decision without criteria has no weights to check; prepareMatrix says what is wrong.
  if (!weights.ok && names.length > 0) return weights;
  const prepared = prepareMatrix(input);
  if (!prepared.ok) return prepared;
  return weights.ok ? ok(weighNormalised(prepared.value, weights.value)) : weights;
}

/**
 * What ranking keeps per prepared matrix: which options are incomplete (fixed once prepared) and
 * the order they were last ranked in. A slider moves one weight a step at a time, so the next
 * order is nearly always the last one with some neighbours swapped, and insertion sort from there
 * costs a few comparisons per option instead of a full sort. It changes only the time taken:
 * options are placed by a strict total order (complete before incomplete, then higher total, then
 * lower index), so any correct sort gives the same order.
 */
interface RankingState {
  readonly incomplete: Uint8Array;
  readonly completeCount: number;
  last: Int32Array | null;
}
const rankingStates = new WeakMap<PreparedMatrix, RankingState>();

function rankingState(prepared: PreparedMatrix): RankingState {
  let state = rankingStates.get(prepared);
  if (!state) {
    const { missing } = prepared;
    const incomplete = new Uint8Array(missing.length);
    let completeCount = 0;
    for (let o = 0; o < missing.length; o++) {
      if (missing[o].length === 0) completeCount++;
      else incomplete[o] = 1;
    }
    state = { incomplete, completeCount, last: null };
    rankingStates.set(prepared, state);
  }
  return state;
}

function rankTotals(prepared: PreparedMatrix, totals: Float64Array): { ranks: (number | null)[]; order: number[] } {
  const state = rankingState(prepared);
  const { incomplete, completeCount } = state;
  const count = totals.length;
  const placed = (state.last && resort(state.last, totals, incomplete)) || sortAfresh(totals, incomplete, completeCount);
  state.last = placed;

  const ranks: (number | null)[] = new Array(count).fill(null);
  const order = new Array<number>(count);
  let groupTotal = Number.NaN;
  let groupRank = 0;
  for (let position = 0; position < count; position++) {
    const o = placed[position];
    order[position] = o;
    if (position >= completeCount) continue;
    // Ties are measured against the first total of the group, so a chain of tiny steps cannot
    // merge two clearly different totals into one rank.
    if (!(Math.abs(totals[o] - groupTotal) < TIE_TOLERANCE)) {
      groupTotal = totals[o];
      groupRank = position + 1;
    }
    ranks[o] = groupRank;
  }
  return { ranks, order };
}

/**
 * Insertion sort starting from the last order, in place. Gives up (null) — after a new set of
 * weights rather than a slider step — when more than a quarter of neighbours are out of order to
 * begin with, or once it has moved options more times than there are options, so the worst case
 * stays close to a full sort instead of growing with the square of the options.
 */
function resort(order: Int32Array, totals: Float64Array, incomplete: Uint8Array): Int32Array | null {
  const count = order.length;
  let descents = 0;
  for (let i = 1; i < count; i++) if (!ahead(order[i - 1], order[i], totals, incomplete)) descents++;
  if (descents > count >> 2) return null;
  let budget = count;
  for (let i = 1; i < count; i++) {
    const o = order[i];
    let j = i - 1;
    for (; j >= 0; j--) {
      const p = order[j];
      if (ahead(p, o, totals, incomplete)) break;
      order[j + 1] = p;
      if (--budget < 0) return null;
    }
    order[j + 1] = o;
  }
  return order;
}

/** Does option p come before option o? Complete first, then the higher total, then the lower index. */
function ahead(p: number, o: number, totals: Float64Array, incomplete: Uint8Array): boolean {
  return incomplete[p] !== incomplete[o] ? incomplete[p] < incomplete[o] : totals[p] > totals[o] || (totals[p] === totals[o] && p < o);
}

function sortAfresh(totals: Float64Array, incomplete: Uint8Array, completeCount: number): Int32Array {
  const order = new Int32Array(totals.length);
  if (completeCount === totals.length) {
    orderByTotal(totals, null, order, 0);
    return order;
  }
  const complete: number[] = [];
  const rest: number[] = [];
  for (let o = 0; o < totals.length; o++) (incomplete[o] ? rest : complete).push(o);
  orderByTotal(totals, complete, order, 0);
  orderByTotal(totals, rest, order, completeCount);
  return order;
}

/**
 * Writes options (given in index order; null for all of them) into order[offset…], sorted by
 * total, highest first, equal totals by index. Sorting the totals as a typed array and placing
 * each option by binary search avoids calling a comparator n·log n times, which took as long as
 * the weighted sums themselves at 1000 options.
 */
function orderByTotal(totals: Float64Array, members: readonly number[] | null, order: Int32Array, offset: number): void {
  const count = members ? members.length : totals.length;
  // Negated, so that the typed array's ascending sort puts the highest total first.
  const sorted = new Float64Array(count);
  for (let i = 0; i < count; i++) sorted[i] = -totals[members ? members[i] : i];
  sorted.sort();
  const placed = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const member = members ? members[i] : i;
    const key = -totals[member];
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < key) low = middle + 1;
      else high = middle;
    }
    // Members come in index order, so equal totals fill their run of places by index.
    order[offset + low + placed[low]++] = member;
  }
}
