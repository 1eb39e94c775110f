import { ok, type Result } from '../result';
import { normaliseWeights } from '../scoring';
import { weightRecord, type CriterionKey, type WeighedCriterion } from './types';

/**
 * Direct weighting, as the sliders give it: raw weights of zero or more divided by their sum.
 * It is the scoring's own normalisation, so a decision weighed directly scores exactly as before
 * there were other methods, with the same refusals (a negative weight, all zeros).
 */
export function directWeights<Id extends CriterionKey>(criteria: readonly WeighedCriterion<Id>[]): Result<Record<Id, number>> {
  const normalised = normaliseWeights(
    criteria.map((c) => c.weight),
    criteria.map((c) => c.name),
  );
  if (!normalised.ok) return normalised;
  return ok(weightRecord(criteria, (i) => normalised.value[i]));
}
