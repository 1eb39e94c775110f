import { fail, ok, type Result } from './result';
import { normaliseWeights, TIE_TOLERANCE } from './scoring';
import { FRAGILE_THRESHOLDS, flipReason, headlineText, marginReason, type FragileReason, type NearestFlip } from './sensitivity/headline';
import { fillRest, marginAt, rankingInterval, snap, winnerInterval, type WeightInterval, type WinnerInterval } from './sensitivity/intervals';
import type { ItemId, RobustnessMatrix } from './sensitivity/matrix';

/**
 * How robust the ranking is to one weight at a time (issue 16's definitions): winner and ranking
 * intervals per criterion, the headline, the fragile flag with its reasons, and the tornado. It is
 * cheap enough to run on every slider input (each criterion costs a few steps per option), and its
 * result is plain data, to cross IPC or a worker boundary by structured clone.
 */

export { FRAGILE_RULE, FRAGILE_THRESHOLDS, percentText, shownPercentText, type FragileReason, type NearestFlip } from './sensitivity/headline';
export type { WeightInterval, WinnerInterval } from './sensitivity/intervals';
export {
  robustnessMatrix,
  robustnessMatrixFromRows,
  robustnessMatrixOfDecision,
  type ItemId,
  type RobustnessItem,
  type RobustnessMatrix,
} from './sensitivity/matrix';

export interface CriterionSensitivity {
  criterion: ItemId;
  name: string;
  /** The current weight, as a share of 1. */
  weight: number;
  winner: WinnerInterval;
  ranking: WeightInterval;
}

export interface TornadoBar {
  criterion: ItemId;
  name: string;
  /** The leader's margin over the best other option with this weight at 0 … */
  low: number;
  /** … and at twice its share, capped at 1 (highWeight). Negative where another option leads. */
  high: number;
  highWeight: number;
}

export interface Sensitivity {
  leader: ItemId;
  runnerUp: ItemId;
  /** The leader's total minus the runner-up's, as a share of 1. */
  margin: number;
  /** The complete options, best first (equal totals in the decision's order, as scoring ranks). */
  ranking: ItemId[];
  headline: string;
  /** The smallest one-weight change that changes the leader; null when none does. */
  nearestFlip: NearestFlip | null;
  fragile: boolean;
  /** Why the leader is fragile: the margin first, then weights by their distance to a flip point. */
  fragileReasons: FragileReason[];
  /** In the decision's criterion order. */
  criteria: CriterionSensitivity[];
  /** Widest swing first. */
  tornado: TornadoBar[];
  /** Which options were left out for missing scores, or null. */
  note: string | null;
}

/**
 * Which end of a winner interval is the nearer flip point: 1 the upper, −1 the lower, 0 neither.
 * Flip points are the ends strictly inside (0, 1); an end at 0 or 1 is the edge of the range.
 * An equal distance goes to the rise.
 */
function flipSide(winner: WinnerInterval, weight: number): number {
  const rises = winner.to > 0 && winner.to < 1 && winner.above !== null;
  const falls = winner.from > 0 && winner.from < 1 && winner.below !== null;
  if (rises && falls) return winner.to - weight <= weight - winner.from ? 1 : -1;
  return rises ? 1 : falls ? -1 : 0;
}

/** Analyses the matrix under raw weights (one per criterion, in order; normalised here). */
export function analyseSensitivity(matrix: RobustnessMatrix, rawWeights: ArrayLike<number>): Result<Sensitivity> {
  const { options, criteria, unit } = matrix;
  if (options.length < 2 || unit.length !== options.length * criteria.length) {
    return fail('invalid-input', `Expected at least two options and ${options.length} × ${criteria.length} values, got ${unit.length}.`);
  }
  const normalised = normaliseWeights(
    rawWeights,
    criteria.map((c) => c.name),
  );
  if (!normalised.ok) return normalised;
  const weights = normalised.value;
  const n = options.length;
  const m = criteria.length;
  const optionIds = options.map((o) => o.id);

  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < m; j++) sum += unit[i * m + j] * weights[j];
    totals[i] = sum;
  }
  // As scoring orders options: higher total first, equal totals by index.
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => totals[q] - totals[p] || p - q);
  const leader = order[0];
  const margin = snap(totals[leader] - totals[order[1]]);

  const rest = new Float64Array(n);
  const rows: CriterionSensitivity[] = new Array(m);
  const tornado: TornadoBar[] = new Array(m);
  let nearest: NearestFlip | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  let nearestK = -1;
  /** Criteria within the fragile distance of a flip point. */
  const flips: number[] = [];
  for (let k = 0; k < m; k++) {
    const weight = weights[k];
    fillRest(unit, weights, totals, k, rest);
    const winner = winnerInterval(unit, m, k, rest, leader, weight, optionIds);
    rows[k] = { criterion: criteria[k].id, name: criteria[k].name, weight, winner, ranking: rankingInterval(unit, m, k, rest, order, weight) };
    const highWeight = Math.min(2 * weight, 1);
    tornado[k] = { criterion: criteria[k].id, name: criteria[k].name, low: marginAt(unit, m, k, rest, leader, 0), high: marginAt(unit, m, k, rest, leader, highWeight), highWeight };

    const side = flipSide(winner, weight);
    if (side === 0) continue;
    const flipPoint = side > 0 ? winner.to : winner.from;
    const distance = Math.abs(flipPoint - weight);
    if (distance <= FRAGILE_THRESHOLDS.flipDistance) flips.push(k);
    // Strictly smaller, so equal changes name the first criterion in the decision's order.
    if (distance < nearestDistance) {
      nearestDistance = distance;
      nearestK = k;
      nearest = { criterion: criteria[k].id, direction: side > 0 ? 'rises' : 'falls', from: weight, to: flipPoint, then: (side > 0 ? winner.above : winner.below)! };
    }
  }
  // Stable: equal swings keep the decision's criterion order.
  tornado.sort((x, y) => Math.abs(y.high - y.low) - Math.abs(x.high - x.low));

  const nameOf = (id: ItemId) => options.find((o) => o.id === id)!.name;
  const tied = order.slice(1).filter((i) => totals[leader] - totals[i] < TIE_TOLERANCE);
  const flip = nearest && { criterionName: criteria[nearestK].name, flip: nearest, thenName: nameOf(nearest.then) };
  const headline = headlineText(
    options[leader].name,
    tied.map((i) => options[i].name),
    flip,
  );

  const fragileReasons: FragileReason[] = [];
  if (margin < FRAGILE_THRESHOLDS.margin) fragileReasons.push(marginReason(margin, options[leader].name, options[order[1]].name));
  for (const k of flips) {
    const { winner, weight } = rows[k];
    const up = flipSide(winner, weight) > 0;
    const then = (up ? winner.above : winner.below)!;
    fragileReasons.push(flipReason(criteria[k].id, criteria[k].name, weight, up ? winner.to : winner.from, then, nameOf(then)));
  }
  // Nearest flip point first (stable, so equal distances keep the criterion order).
  fragileReasons.sort((x, y) => (x.kind === 'margin' ? -1 : y.kind === 'margin' ? 1 : x.distance - y.distance));

  return ok({
    leader: optionIds[leader],
    runnerUp: optionIds[order[1]],
    margin,
    ranking: order.map((i) => optionIds[i]),
    headline,
    nearestFlip: nearest,
    fragile: fragileReasons.length > 0,
    fragileReasons,
    criteria: rows,
    tornado,
    note: matrix.note,
  });
}
