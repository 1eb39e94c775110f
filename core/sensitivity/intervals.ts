import { TIE_TOLERANCE } from '../scoring';
import type { ItemId } from './matrix';

/**
 * Moving one weight: criterion k's weight goes to t ∈ [0, 1] and the others share 1 − t in their
 * current ratios, so option i's total is T_i(t) = (1 − t)·rest_i + t·v_ik, where rest_i is its
 * total over the other criteria with their weights rescaled to sum 1. The lead of p over q is then
 * the line D(t) = (1 − t)·a + t·b with a = rest_p − rest_q and b = v_pk − v_qk, so every interval
 * is found exactly from where these lines cross zero — nothing is sampled.
 */

/** An interval of criterion k's weight, as shares of 1. */
export interface WeightInterval {
  from: number;
  to: number;
}

/** Where the leader stays first, and who leads just past each end (null at an edge of [0, 1]). */
export interface WinnerInterval extends WeightInterval {
  below: ItemId | null;
  above: ItemId | null;
}

/** Crossings closer than this share an end; the option overtaking fastest is named. */
const SAME_CROSSING = 1e-12;

/**
 * Differences below scoring's tie tolerance count as zero. Without this, a lead that is exactly
 * zero at t = 0 but comes out as −1e-17 in floating point would put a "flip point" at 0.0 %.
 */
export function snap(x: number): number {
  return Math.abs(x) < TIE_TOLERANCE ? 0 : x;
}

/**
 * Fills rest[i]: option i's total over the criteria other than k, their weights rescaled to sum
 * 1. Subtracting k's term from the total costs one step per option; when k holds nearly all the
 * weight that would lose digits (dividing by a small 1 − w_k), so the others are summed afresh.
 * When they all weigh zero they have no ratios to keep, and share 1 − t equally.
 */
export function fillRest(unit: Float64Array, weights: Float64Array, totals: Float64Array, k: number, rest: Float64Array): void {
  const m = weights.length;
  const share = 1 - weights[k];
  if (share >= 0.01) {
    for (let i = 0; i < rest.length; i++) rest[i] = (totals[i] - weights[k] * unit[i * m + k]) / share;
    return;
  }
  let others = 0;
  for (let j = 0; j < m; j++) if (j !== k) others += weights[j];
  for (let i = 0; i < rest.length; i++) {
    let sum = 0;
    for (let j = 0; j < m; j++) if (j !== k) sum += (others > 0 ? weights[j] : 1) * unit[i * m + j];
    // One criterion alone has no others: every rest is 0 and t must be 1 for any total to count.
    rest[i] = m === 1 ? 0 : sum / (others > 0 ? others : m - 1);
  }
}

/**
 * The winner interval of criterion k for the leader, given rest (from fillRest) and k's current
 * weight. A tie counts as holding, so each end is where some option's total equals the leader's.
 */
export function winnerInterval(
  unit: Float64Array,
  m: number,
  k: number,
  rest: Float64Array,
  leader: number,
  current: number,
  ids: readonly ItemId[],
): WinnerInterval {
  let from = 0;
  let to = 1;
  let below = -1;
  let above = -1;
  // The slope of the binding lead line, to pick who leads just past a crossing several share.
  let belowSlope = 0;
  let aboveSlope = 0;
  const leadRest = rest[leader];
  const leadHere = unit[leader * m + k];
  for (let i = 0; i < rest.length; i++) {
    if (i === leader) continue;
    const a = snap(leadRest - rest[i]);
    const b = snap(leadHere - unit[i * m + k]);
    const slope = b - a;
    if (a >= 0 && b < 0) {
      // The lead shrinks as k's weight rises and is gone past t; the steepest fall overtakes first.
      const t = a / (a - b);
      if (t < to - SAME_CROSSING || (t <= to + SAME_CROSSING && slope < aboveSlope)) {
        to = t;
        above = i;
        aboveSlope = slope;
      }
    } else if (a < 0 && b >= 0) {
      // The lead shrinks as k's weight falls and is gone below t.
      const t = a / (a - b);
      if (t > from + SAME_CROSSING || (t >= from - SAME_CROSSING && slope > belowSlope)) {
        from = t;
        below = i;
        belowSlope = slope;
      }
    }
    // a < 0 and b < 0 would mean i leads at every t, the current weight included: not the leader.
  }
  // Rounding in a crossing that sits on the current weight (the leader tied now) must not leave
  // the current weight outside its own interval.
  return {
    from: Math.min(from, current),
    to: Math.max(to, current),
    below: below < 0 ? null : ids[below],
    above: above < 0 ? null : ids[above],
  };
}

/**
 * The ranking interval of criterion k: where every adjacent pair of the current order keeps its
 * order (a tie counts as holding). order lists option indices, best first, as scoring places them
 * (equal totals by index), so two options tied now hold only on the side where the first of them
 * stays ahead.
 */
export function rankingInterval(unit: Float64Array, m: number, k: number, rest: Float64Array, order: readonly number[], current: number): WeightInterval {
  let from = 0;
  let to = 1;
  for (let r = 0; r + 1 < order.length; r++) {
    const p = order[r];
    const q = order[r + 1];
    const a = snap(rest[p] - rest[q]);
    const b = snap(unit[p * m + k] - unit[q * m + k]);
    if (a >= 0 && b < 0) to = Math.min(to, a / (a - b));
    else if (a < 0 && b >= 0) from = Math.max(from, a / (a - b));
  }
  return { from: Math.min(from, current), to: Math.max(to, current) };
}

/**
 * The leader's margin over the best of the other options when criterion k's weight is t
 * (negative once another option leads). The tornado reads it at t = 0 and at twice k's share.
 */
export function marginAt(unit: Float64Array, m: number, k: number, rest: Float64Array, leader: number, t: number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rest.length; i++) {
    if (i === leader) continue;
    const total = (1 - t) * rest[i] + t * unit[i * m + k];
    if (total > best) best = total;
  }
  return snap((1 - t) * rest[leader] + t * unit[leader * m + k] - best);
}
