import { fail, ok, type Result } from '../result';
import { ownValue, quotedNames, weightRecord, type CriterionKey, type WeighedCriterion } from './types';

/** The points of the most important swing, which every other is judged against. */
export const SWING_TOP = 100;

export interface SwingWeights<Id extends CriterionKey> {
  weights: Record<Id, number>;
  /** The most points any swing got; below 100 the swings were not anchored as the method asks. */
  highest: number;
}

/**
 * Swing weighting: the swing from worst to best on the criterion that matters most gets 100, every
 * other swing 0–100 relative to it; weights = points / sum. Only the proportions count, so a set
 * with no swing at 100 is still scored (and `highest` says so); one with every swing at 0 says
 * nothing and is refused. Every criterion needs its points: a missing one is not taken as 0,
 * because a criterion nobody judged is not a criterion judged to be unimportant.
 */
export function swingWeights<Id extends CriterionKey>(points: Readonly<Record<Id, number>>, criteria: readonly WeighedCriterion<Id>[]): Result<SwingWeights<Id>> {
  const known = new Set<CriterionKey>(criteria.map((c) => String(c.id)));
  if (Object.keys(points).some((key) => !known.has(key))) return fail('invalid-input', 'The swing points name a criterion the decision does not have.');
  const given = criteria.map((c) => ownValue(points, c.id));
  const missing = criteria.filter((_, i) => given[i] === undefined).map((c) => c.name);
  if (missing.length > 0) return fail('invalid-input', `Give ${quotedNames(missing)} ${missing.length === 1 ? 'its' : 'their'} swing points from 0 to ${SWING_TOP}.`);
  let sum = 0;
  let highest = 0;
  for (let i = 0; i < criteria.length; i++) {
    const value = given[i]!;
    if (!(value >= 0 && value <= SWING_TOP)) return fail('invalid-input', `The swing points of "${criteria[i].name}" must be from 0 to ${SWING_TOP} (got ${value}).`);
    sum += value;
    highest = Math.max(highest, value);
  }
  if (sum === 0) return fail('invalid-input', `Every swing has 0 points: give the swing that matters most ${SWING_TOP}.`);
  return ok({ weights: weightRecord(criteria, (i) => given[i]! / sum), highest });
}
