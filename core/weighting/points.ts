import { fail, ok, type Result } from '../result';
import { weightRecord, type CriterionKey, type WeighedCriterion } from './types';

/** The budget shared among the criteria. */
export const POINTS_TOTAL = 100;

/** Sums this close to 100 count as 100, so 33.3 + 33.3 + 33.4 leaves nothing over. */
const POINTS_TOLERANCE = 1e-9;

export interface PointsWeights<Id extends CriterionKey> {
  weights: Record<Id, number>;
  /** 100 minus the points given: what the editor shows as left (negative when too many are given). */
  pointsLeft: number;
}

/**
 * 100 points shared among the criteria (each criterion's `weight` is its points); weights are
 * points / sum. A sum other than 100 is still scored, because the proportions are what count and
 * refusing would leave a half-finished budget unscorable; `pointsLeft` says how far off it is.
 */
export function pointsWeights<Id extends CriterionKey>(criteria: readonly WeighedCriterion<Id>[]): Result<PointsWeights<Id>> {
  let sum = 0;
  for (const { name, weight } of criteria) {
    if (!Number.isFinite(weight) || weight < 0) return fail('invalid-input', `The points of "${name}" must be a finite number of zero or more (got ${weight}).`);
    sum += weight;
  }
  if (!(sum > 0)) return fail('invalid-input', `No points are given yet: share ${POINTS_TOTAL} points among the criteria.`);
  const left = POINTS_TOTAL - sum;
  return ok({ weights: weightRecord(criteria, (i) => criteria[i].weight / sum), pointsLeft: Math.abs(left) < POINTS_TOLERANCE ? 0 : left });
}
