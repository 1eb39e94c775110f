import { nextExponential, nextUint32, nextUnit, type RandomState } from './random';

/**
 * Weight vectors drawn at random for rank acceptability, one per call, into a caller's
 * Float64Array (nothing is allocated per draw). Each mode is uniform over its own region of the
 * simplex {w ≥ 0, Σw = 1}:
 *
 * - uniform: the whole simplex. Normalised independent Exp(1) variables are exactly uniform on it.
 * - ordinal: the weights that keep the current order of importance. A uniform draw, sorted and
 *   handed out by rank (largest to the most important criterion), is uniform over one order's
 *   cone. Criteria whose current weights are equal are equally important, so no order between
 *   them is kept: they get their slice of the sorted values in a random order, which is uniform
 *   over the union of the cones their orders allow. A criterion weighted 0 stays at 0 — it was
 *   left out of the decision on purpose, and ranking it "least important" would bring it back.
 * - interval: the simplex within ± `within` of each current weight, by rejection sampling. Drawing
 *   on the whole simplex and rejecting would keep almost nothing with many criteria, so one of
 *   two proposals, each uniform on a region holding the target, is used:
 *     box:     every weight but one uniform in its range, the last one 1 − the rest (uniform on
 *              the target: the map from the others to the point on Σw = 1 is linear); rejected
 *              when the last falls outside its range. Good when no range is cut off at 0.
 *     simplex: w = lower bounds + (1 − Σ lower bounds) × a uniform simplex draw (uniform on
 *              {w ≥ lower, Σw = 1}); rejected when some weight passes its upper bound. Good when
 *              many ranges are cut off at 0, where the box's sum drifts far from 1.
 *   Both give exactly the same distribution, so which is used (the one that accepts more of a
 *   trial of attempts at the start) changes only the speed, and the result stays seeded.
 */
export type AcceptabilityMode = 'uniform' | 'ordinal' | 'interval';

export interface WeightSampler {
  readonly mode: AcceptabilityMode;
  readonly m: number;
  /** ordinal: the positive-weight criteria, most important first. */
  readonly byImportance: Int32Array;
  /** ordinal: for each place in byImportance, the end of the group of equal weights it is in. */
  readonly groupEnd: Int32Array;
  /** ordinal: sorting room for the drawn values. */
  readonly sorted: Float64Array;
  /** interval: each weight's range. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** interval: the criterion the box proposal solves for (the widest range: fewest rejections). */
  readonly free: number;
  /** interval: 1 − Σ lower, what the simplex proposal spreads. */
  readonly spare: number;
  proposal: 'box' | 'simplex';
}

/** Equal current weights count as equally important (they come from equal slider values). */
const SAME_WEIGHT = 1e-12;

/** Attempts per proposal tried when an interval run starts, to pick the faster one. */
export const PROPOSAL_TRIAL = 256;

/** weights: the current weights, normalised; within: the interval's half-width (interval mode). */
export function weightSampler(mode: AcceptabilityMode, weights: Float64Array, within: number): WeightSampler {
  const m = weights.length;
  const byImportance = Int32Array.from(
    Array.from({ length: m }, (_, j) => j)
      .filter((j) => weights[j] > 0)
      .sort((a, b) => weights[b] - weights[a] || a - b),
  );
  const groupEnd = new Int32Array(byImportance.length);
  for (let end = byImportance.length, p = end - 1; p >= 0; p--) {
    if (p + 1 < byImportance.length && weights[byImportance[p]] - weights[byImportance[p + 1]] > SAME_WEIGHT) end = p + 1;
    groupEnd[p] = end;
  }
  const lower = Float64Array.from(weights, (w) => Math.max(0, w - within));
  const upper = Float64Array.from(weights, (w) => Math.min(1, w + within));
  let free = 0;
  for (let j = 1; j < m; j++) if (upper[j] - lower[j] > upper[free] - lower[free]) free = j;
  const spare = 1 - lower.reduce((a, b) => a + b, 0);
  return { mode, m, byImportance, groupEnd, sorted: new Float64Array(byImportance.length), lower, upper, free, spare, proposal: 'box' };
}

/** Tries both interval proposals on a trial of draws and keeps the one accepting more. */
export function chooseProposal(sampler: WeightSampler, random: RandomState, scratch: Float64Array): void {
  let box = 0;
  let simplex = 0;
  for (let i = 0; i < PROPOSAL_TRIAL; i++) if (boxDraw(sampler, random, scratch)) box++;
  for (let i = 0; i < PROPOSAL_TRIAL; i++) if (simplexDraw(sampler, random, scratch)) simplex++;
  sampler.proposal = simplex > box ? 'simplex' : 'box';
}

/** Writes one draw into out (normalised); false when interval mode rejected it. */
export function drawWeights(sampler: WeightSampler, random: RandomState, out: Float64Array): boolean {
  switch (sampler.mode) {
    case 'uniform':
      uniformDraw(random, out);
      return true;
    case 'ordinal':
      ordinalDraw(sampler, random, out);
      return true;
    case 'interval':
      return sampler.proposal === 'box' ? boxDraw(sampler, random, out) : simplexDraw(sampler, random, out);
  }
}

function uniformDraw(random: RandomState, out: Float64Array): void {
  let sum = 0;
  for (let j = 0; j < out.length; j++) sum += out[j] = nextExponential(random);
  const scale = 1 / sum;
  for (let j = 0; j < out.length; j++) out[j] *= scale;
}

function ordinalDraw(sampler: WeightSampler, random: RandomState, out: Float64Array): void {
  const { byImportance, groupEnd, sorted } = sampler;
  const count = byImportance.length;
  let sum = 0;
  // Insertion sort, largest first, as the values are drawn: for a few dozen criteria it is
  // quicker than calling the typed array's sort once per draw.
  for (let p = 0; p < count; p++) {
    const x = nextExponential(random);
    sum += x;
    let q = p;
    for (; q > 0 && sorted[q - 1] < x; q--) sorted[q] = sorted[q - 1];
    sorted[q] = x;
  }
  out.fill(0);
  for (let p = 0; p < count; p++) out[byImportance[p]] = sorted[p] / sum;
  // Equally important criteria: shuffle their values among them (Fisher–Yates).
  for (let start = 0; start < count; start = groupEnd[start]) {
    for (let end = groupEnd[start], p = end - 1; p > start; p--) {
      const q = start + (nextUint32(random) % (p - start + 1));
      const a = byImportance[p];
      const b = byImportance[q];
      const x = out[a];
      out[a] = out[b];
      out[b] = x;
    }
  }
}

function boxDraw(sampler: WeightSampler, random: RandomState, out: Float64Array): boolean {
  const { lower, upper, free, m } = sampler;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    if (j === free) continue;
    sum += out[j] = lower[j] + nextUnit(random) * (upper[j] - lower[j]);
  }
  const last = 1 - sum;
  out[free] = last;
  return last >= lower[free] && last <= upper[free];
}

function simplexDraw(sampler: WeightSampler, random: RandomState, out: Float64Array): boolean {
  const { lower, upper, spare, m } = sampler;
  let sum = 0;
  for (let j = 0; j < m; j++) sum += out[j] = nextExponential(random);
  const scale = spare / sum;
  let inside = true;
  for (let j = 0; j < m; j++) {
    out[j] = lower[j] + out[j] * scale;
    if (out[j] > upper[j]) inside = false;
  }
  return inside;
}
