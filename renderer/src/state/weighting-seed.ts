import type { Result } from '../../../core/result';
import { POINTS_TOTAL, SWING_TOP, type EffectiveWeights, type RankEntry, type WeightingMethod } from '../../../core/weighting';
import type { WeightingInputs } from '../../../core/weighting/inputs';

/**
 * Switching method without the ranking jumping to nonsense: a method that has no inputs yet
 * starts from the weights in use at the moment of the switch. A method that has inputs keeps
 * them, so a team can try AHP and come back to its points, rank order or swings as it left them.
 */

interface Criterion {
  id: number;
  /** The slider value. */
  weight: number;
}

/** Criteria whose weights differ by less than this (as shares) count as tied in a seeded rank order. */
const TIE = 1e-9;

/** Whether a method has inputs about any of these criteria. Direct always has: the sliders. */
export function hasInputs(inputs: WeightingInputs, method: WeightingMethod, criterionIds: readonly number[]): boolean {
  switch (method) {
    case 'direct':
      return true;
    case 'points':
      return criterionIds.some((id) => Object.hasOwn(inputs.points, id));
    case 'swing':
      return criterionIds.some((id) => Object.hasOwn(inputs.swing, id));
    case 'rank': {
      const ranked = new Set(inputs.order.flat());
      return criterionIds.some((id) => ranked.has(id));
    }
    case 'ahp':
      return inputs.judgments.some((j) => criterionIds.includes(j.more) && criterionIds.includes(j.less));
  }
}

/**
 * The share of each criterion (in criterion order) that a switch starts from: the active method's
 * weights; when it gives none (AHP judgments that do not connect, say), the sliders' proportions;
 * when those are all zero too, equal shares.
 */
export function currentShares(effective: Result<EffectiveWeights<number>>, criteria: readonly Criterion[]): number[] {
  if (effective.ok) return criteria.map((c) => effective.value.weights[c.id] ?? 0);
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  return criteria.map((c) => (sum > 0 ? c.weight / sum : 1 / criteria.length));
}

/**
 * Points out of 100 in proportion to the shares, whole numbers adding to exactly 100: each gets
 * its share rounded down, and the points still left go one each to the largest remainders (the
 * earlier criterion first on equal remainders).
 */
export function pointsFromShares(ids: readonly number[], shares: readonly number[]): Record<number, number> {
  const sum = shares.reduce((total, s) => total + s, 0);
  const exact = shares.map((s) => (sum > 0 ? (s / sum) * POINTS_TOTAL : POINTS_TOTAL / ids.length));
  const points = exact.map(Math.floor);
  let left = POINTS_TOTAL - points.reduce((total, p) => total + p, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - points[index] })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    points[index]++;
    left--;
  }
  return Object.fromEntries(ids.map((id, index) => [id, points[index]]));
}

/** The criteria ordered by share, heaviest first; equal shares are tied (in criterion order within the tie). */
export function orderFromShares(ids: readonly number[], shares: readonly number[]): RankEntry<number>[] {
  const sorted = ids.map((id, index) => ({ id, share: shares[index], index })).sort((a, b) => b.share - a.share || a.index - b.index);
  const groups: number[][] = [];
  let groupShare = Number.NaN;
  for (const { id, share } of sorted) {
    if (groups.length > 0 && Math.abs(share - groupShare) <= TIE) groups[groups.length - 1].push(id);
    else {
      groups.push([id]);
      groupShare = share;
    }
  }
  return groups.map((group) => (group.length === 1 ? group[0] : group));
}

/** Swing points: the heaviest criterion at 100, every other in proportion to it, rounded. */
export function swingFromShares(ids: readonly number[], shares: readonly number[]): Record<number, number> {
  const top = Math.max(0, ...shares);
  return Object.fromEntries(ids.map((id, index) => [id, top > 0 ? Math.round((shares[index] / top) * SWING_TOP) : SWING_TOP]));
}

/**
 * The change a switch to `method` makes: the method, and, when the method has no inputs yet,
 * inputs seeded from the current shares. AHP is never seeded: its judgments are the team's to
 * make, pair by pair.
 */
export function switchTo(
  method: WeightingMethod,
  inputs: WeightingInputs,
  criteria: readonly Criterion[],
  effective: Result<EffectiveWeights<number>>,
): Partial<WeightingInputs> {
  const ids = criteria.map((c) => c.id);
  if (method === 'direct' || method === 'ahp' || criteria.length === 0 || hasInputs(inputs, method, ids)) return { method };
  const shares = currentShares(effective, criteria);
  switch (method) {
    case 'points':
      return { method, points: pointsFromShares(ids, shares) };
    case 'rank':
      return { method, order: orderFromShares(ids, shares) };
    case 'swing':
      return { method, swing: swingFromShares(ids, shares) };
  }
}

/** 100 minus the points given to these criteria (negative when too many are given). */
export function pointsLeft(inputs: WeightingInputs, criterionIds: readonly number[]): number {
  const given = criterionIds.reduce((total, id) => total + (Object.hasOwn(inputs.points, id) ? inputs.points[id] : 0), 0);
  // Rounded for reading: 0.1 + 0.2 points given leave 99.7, not 99.69999999999999.
  return Math.round((POINTS_TOTAL - given) * 1e9) / 1e9;
}
