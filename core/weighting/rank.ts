import { fail, ok, type Result } from '../result';
import { quotedNames, weightRecord, type CriterionKey, type WeighedCriterion } from './types';

/**
 * Rank-order weighting: the criteria in order of importance, most important first, turned into
 * weights by a rule. With n criteria and place k (1 = most important):
 *   roc         rank-order centroid (Barron & Barrett 1996): w_k = (1/n) Σ_{i=k..n} 1/i
 *   rank-sum    w_k = 2(n + 1 − k) / (n(n + 1))
 *   reciprocal  w_k = (1/k) / Σ_{i=1..n} 1/i
 * Each rule's weights sum to 1 and never increase down the order. Criteria tied at a place span
 * as many places as there are of them, and share the mean of those places' weights, so a tie
 * moves no weight to or from the criteria ranked around it.
 */
export const RANK_RULES = ['roc', 'rank-sum', 'reciprocal'] as const;
export type RankRule = (typeof RANK_RULES)[number];

export const RANK_RULE_NAMES: Readonly<Record<RankRule, string>> = {
  roc: 'rank-order centroid',
  'rank-sum': 'rank sum',
  reciprocal: 'rank reciprocal',
};

/** One place in the order: a criterion, or several tied. */
export type RankEntry<Id extends CriterionKey> = Id | Id[];

/** The weight of each place under a rule, most important first; they sum to 1. */
export function placeWeights(rule: RankRule, n: number): Float64Array {
  const weights = new Float64Array(n);
  if (rule === 'roc') {
    // Summed from the last place up, so each place adds one term to the one below it.
    let tail = 0;
    for (let k = n; k >= 1; k--) {
      tail += 1 / k;
      weights[k - 1] = tail / n;
    }
  } else if (rule === 'rank-sum') {
    for (let k = 1; k <= n; k++) weights[k - 1] = (2 * (n + 1 - k)) / (n * (n + 1));
  } else {
    let harmonic = 0;
    for (let k = 1; k <= n; k++) harmonic += 1 / k;
    for (let k = 1; k <= n; k++) weights[k - 1] = 1 / k / harmonic;
  }
  return weights;
}

/** Weights from an order that places every criterion exactly once (ties as arrays). */
export function rankWeights<Id extends CriterionKey>(order: readonly RankEntry<Id>[], rule: RankRule, criteria: readonly WeighedCriterion<Id>[]): Result<Record<Id, number>> {
  const indexOf = new Map(criteria.map((c, i) => [c.id, i]));
  const places = placeWeights(rule, criteria.length);
  const weights = new Float64Array(criteria.length).fill(Number.NaN);
  let place = 0;
  for (const entry of order) {
    const tied: readonly Id[] = Array.isArray(entry) ? entry : [entry as Id];
    if (tied.length === 0) return fail('invalid-input', 'A tie in the rank order names no criteria.');
    let sum = 0;
    for (let t = 0; t < tied.length; t++) sum += places[place + t] ?? 0;
    for (const id of tied) {
      const index = indexOf.get(id);
      if (index === undefined) return fail('invalid-input', 'The rank order names a criterion the decision does not have.');
      if (!Number.isNaN(weights[index])) return fail('invalid-input', `"${criteria[index].name}" is ranked twice.`);
      weights[index] = sum / tied.length;
    }
    place += tied.length;
  }
  const unranked = criteria.filter((_, i) => Number.isNaN(weights[i])).map((c) => c.name);
  if (unranked.length > 0) {
    return fail('invalid-input', `${quotedNames(unranked)} ${unranked.length === 1 ? 'is' : 'are'} not ranked yet: place every criterion in the order.`);
  }
  return ok(weightRecord(criteria, (i) => weights[i]));
}
