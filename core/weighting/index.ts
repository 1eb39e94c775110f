import { fail, ok, type Result } from '../result';
import { ahpWeights, CONSISTENCY_RATIO_LIMIT, type AhpConsistency, type AhpJudgment } from './ahp';
import { directWeights } from './direct';
import { pointsWeights, POINTS_TOTAL } from './points';
import { RANK_RULE_NAMES, rankWeights, type RankEntry, type RankRule } from './rank';
import { SWING_TOP, swingWeights } from './swing';
import { ownValue, type CriterionKey, type WeighedCriterion } from './types';

export type { AhpConsistency, AhpJudgment, InconsistentJudgment } from './ahp';
export { CONSISTENCY_RATIO_LIMIT, SAATY_MAX, SAATY_MIN, SAATY_RANDOM_INDEX } from './ahp';
export { POINTS_TOTAL } from './points';
export { RANK_RULE_NAMES, RANK_RULES, placeWeights, type RankEntry, type RankRule } from './rank';
export { SWING_TOP } from './swing';
export type { CriterionKey, WeighedCriterion } from './types';

/**
 * How a decision's weights are elicited: the chosen method with its own inputs. The effective
 * weights — what scores, charts and reports use — always come from `effectiveWeights`.
 * direct and points read each criterion's `weight` (slider value, or points out of 100); the
 * others carry their inputs here and leave `weight` alone, so the slider values survive a spell
 * on another method. (Keeping every method's inputs across a switch is the store's part.)
 */
export type Weighting<Id extends CriterionKey = number> =
  | { method: 'direct' }
  | { method: 'points' }
  | { method: 'rank'; rule: RankRule; order: RankEntry<Id>[] }
  | { method: 'swing'; points: Record<Id, number> }
  | { method: 'ahp'; judgments: AhpJudgment<Id>[] };

export const WEIGHTING_METHODS = ['direct', 'points', 'rank', 'swing', 'ahp'] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

/** What each method is called wherever a result is shown, in the order a picker offers them. */
export const WEIGHTING_METHOD_NAMES: Readonly<Record<WeightingMethod, string>> = {
  direct: 'Direct weights',
  points: `${POINTS_TOTAL} points`,
  rank: 'Rank order',
  swing: 'Swing weighting',
  ahp: 'AHP pairwise comparison',
};

/** Frozen, since it is shared: a caller that mutated it would change every default. */
export const DIRECT_WEIGHTING: { readonly method: 'direct' } = Object.freeze({ method: 'direct' });

/** The weights a method gives, with what it reports besides. Plain data: it crosses IPC and JSON. */
export interface EffectiveWeights<Id extends CriterionKey = number> {
  method: WeightingMethod;
  /** The method in words, with the rank rule: "Rank order (rank-order centroid)". */
  name: string;
  /** Normalised weight per criterion id, summing to 1. */
  weights: Record<Id, number>;
  /** rank only. */
  rule?: RankRule;
  /** ahp only. */
  consistency?: AhpConsistency<Id>;
  /** points only: 100 minus the points given (0 when they add up). */
  pointsLeft?: number;
  /** What a user should know about the inputs, in words (points not adding up, CR above 0.10, …). */
  warnings: string[];
}

export function weightingName(weighting: Pick<Weighting<CriterionKey>, 'method'> & { rule?: RankRule }): string {
  const name = WEIGHTING_METHOD_NAMES[weighting.method];
  return weighting.method === 'rank' && weighting.rule ? `${name} (${RANK_RULE_NAMES[weighting.rule]})` : name;
}

/** The effective weights of a decision: its method applied to its inputs and criteria. */
export function effectiveWeights<Id extends CriterionKey>(weighting: Weighting<Id>, criteria: readonly WeighedCriterion<Id>[]): Result<EffectiveWeights<Id>> {
  if (criteria.length === 0) return fail('invalid-input', 'The decision has no criteria yet: add one to weigh it.');
  const base = { method: weighting.method, name: weightingName(weighting), warnings: [] as string[] };
  switch (weighting.method) {
    case 'direct': {
      const weights = directWeights(criteria);
      return weights.ok ? ok({ ...base, weights: weights.value }) : weights;
    }
    case 'points': {
      const result = pointsWeights(criteria);
      if (!result.ok) return result;
      const { weights, pointsLeft } = result.value;
      if (pointsLeft !== 0) {
        const given = roundForText(POINTS_TOTAL - pointsLeft);
        const off = roundForText(Math.abs(pointsLeft));
        base.warnings.push(`The points add up to ${given}, not ${POINTS_TOTAL} (${pointsLeft > 0 ? `${off} left to share` : `${off} too many`}); the weights use the proportions.`);
      }
      return ok({ ...base, weights, pointsLeft });
    }
    case 'rank': {
      const weights = rankWeights(weighting.order, weighting.rule, criteria);
      return weights.ok ? ok({ ...base, weights: weights.value, rule: weighting.rule }) : weights;
    }
    case 'swing': {
      const result = swingWeights(weighting.points, criteria);
      if (!result.ok) return result;
      if (result.value.highest < SWING_TOP) {
        base.warnings.push(`No swing has ${SWING_TOP} points: the swing that matters most should get ${SWING_TOP}, the others points relative to it.`);
      }
      return ok({ ...base, weights: result.value.weights });
    }
    case 'ahp': {
      const result = ahpWeights(weighting.judgments, criteria);
      if (!result.ok) return result;
      const { weights, consistency } = result.value;
      base.warnings.push(...consistencyWarnings(consistency, criteria));
      return ok({ ...base, weights, consistency });
    }
  }
}

function consistencyWarnings<Id extends CriterionKey>(consistency: AhpConsistency<Id>, criteria: readonly WeighedCriterion<Id>[]): string[] {
  const warnings: string[] = [];
  if (consistency.ratio === null) {
    warnings.push(`Saaty's random index is tabled for 3 to 10 criteria, so no consistency ratio is given for ${criteria.length}.`);
  }
  const worst = consistency.mostInconsistent;
  if (consistency.flagged && worst) {
    const name = (id: Id) => criteria.find((c) => c.id === id)!.name;
    warnings.push(
      `The judgments are inconsistent (consistency ratio ${consistency.ratio!.toFixed(3)}, above ${CONSISTENCY_RATIO_LIMIT.toFixed(2)}): reconsider "${name(worst.more)}" over "${name(worst.less)}", judged ${roundForText(worst.ratio)}; the other judgments suggest ${roundForText(worst.suggested)}.`,
    );
  }
  return warnings;
}

/** Two decimals at most, for sentences: 99.9 rather than 99.89999999999999 (the fields keep every digit). */
function roundForText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The same weighting with its criterion ids translated by a table, e.g. from a file's strings to
 * row ids and back. An id the table lacks is left out with its inputs (a judgment, a place in the
 * order, swing points): it names a criterion that is not there, so it cannot be weighed.
 */
export function translateWeightingIds<From extends CriterionKey, To extends CriterionKey>(weighting: Weighting<From>, table: ReadonlyMap<From, To>): Weighting<To> {
  switch (weighting.method) {
    case 'direct':
    case 'points':
      return { method: weighting.method };
    case 'rank': {
      const order: RankEntry<To>[] = [];
      for (const entry of weighting.order) {
        if (!Array.isArray(entry)) {
          const to = table.get(entry as From);
          if (to !== undefined) order.push(to);
          continue;
        }
        const tied = (entry as From[]).flatMap((id) => (table.has(id) ? [table.get(id)!] : []));
        if (tied.length > 0) order.push(tied);
      }
      return { method: 'rank', rule: weighting.rule, order };
    }
    case 'swing': {
      // Read through the table rather than Object.entries: record keys are always strings, and a
      // table keyed by numbers would not find them.
      const entries: [To, number][] = [];
      for (const [from, to] of table) {
        const points = ownValue(weighting.points, from);
        if (points !== undefined) entries.push([to, points]);
      }
      return { method: 'swing', points: Object.fromEntries(entries) as Record<To, number> };
    }
    case 'ahp':
      return {
        method: 'ahp',
        judgments: weighting.judgments.flatMap(({ more, less, ratio }) => (table.has(more) && table.has(less) ? [{ more: table.get(more)!, less: table.get(less)!, ratio }] : [])),
      };
  }
}
