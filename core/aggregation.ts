import type { Decision } from './model';
import { fail, ok, type Result } from './result';
import { scoreDecision, type DecisionScores } from './decision-scoring';

/**
 * Combining several people's weights into group weights (the workshop's maths). Each person's
 * weights are normalised first, so someone who drags every slider to 100 counts as much as
 * someone who keeps them low; then one rule combines them and the result is normalised again.
 */
export const AGGREGATION_RULES = ['mean', 'geometric-mean', 'median'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

/** What each rule is called on screen, in the order a facilitator is offered them. */
export const AGGREGATION_RULE_NAMES: Readonly<Record<AggregationRule, string>> = {
  'geometric-mean': 'Geometric mean',
  mean: 'Mean',
  median: 'Median',
};

export interface ParticipantWeights {
  participantId: string;
  /** Raw weight per criterion id, as given on the participant's sliders. */
  weights: Record<number, number>;
}

export interface Spread {
  /** Population standard deviation of the participants' normalised weights. */
  standardDeviation: number;
  /** Interquartile range (linear interpolation between order statistics). */
  interquartileRange: number;
}

export interface GroupWeights {
  rule: AggregationRule;
  /** Normalised group weight per criterion id. */
  weights: Record<number, number>;
  /** Each participant's normalised weights. */
  participants: Record<string, Record<number, number>>;
  spread: Record<number, Spread>;
  /** Criterion ids, the most disputed first (by standard deviation, then interquartile range). */
  discussionQueue: number[];
}

export function arithmeticMean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The geometric mean keeps reciprocity: the mean of 1/x is 1 over the mean of x. */
export function geometricMean(values: readonly number[]): number {
  if (values.some((v) => v === 0)) return 0;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/** Quantile by linear interpolation between order statistics (the common "type 7" definition). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

function standardDeviation(values: readonly number[]): number {
  const mean = arithmeticMean(values);
  return Math.sqrt(arithmeticMean(values.map((v) => (v - mean) ** 2)));
}

const COMBINE: Record<AggregationRule, (values: readonly number[]) => number> = {
  mean: arithmeticMean,
  'geometric-mean': geometricMean,
  median,
};

function normalise(criterionIds: readonly number[], weights: Record<number, number>, who: string): Result<Record<number, number>> {
  let sum = 0;
  for (const id of criterionIds) {
    const w = weights[id] ?? 0;
    if (!Number.isFinite(w) || w < 0) return fail('invalid-input', `${who}: the weight for criterion ${id} must be a finite number of zero or more (got ${w}).`);
    sum += w;
  }
  if (sum === 0) return fail('invalid-input', `${who}: every weight is zero.`);
  return ok(Object.fromEntries(criterionIds.map((id) => [id, (weights[id] ?? 0) / sum])));
}

export function aggregateWeights(criterionIds: readonly number[], participants: readonly ParticipantWeights[], rule: AggregationRule): Result<GroupWeights> {
  if (participants.length === 0) return fail('invalid-input', 'Nobody has submitted weights yet.');
  if (criterionIds.length === 0) return fail('invalid-input', 'The decision has no criteria to weigh.');
  const normalised: Record<string, Record<number, number>> = {};
  for (const p of participants) {
    const result = normalise(criterionIds, p.weights, `Participant ${p.participantId}`);
    if (!result.ok) return result;
    normalised[p.participantId] = result.value;
  }
  const combined: Record<number, number> = {};
  const spread: Record<number, Spread> = {};
  for (const id of criterionIds) {
    const values = participants.map((p) => normalised[p.participantId][id]);
    combined[id] = COMBINE[rule](values);
    spread[id] = { standardDeviation: standardDeviation(values), interquartileRange: quantile(values, 0.75) - quantile(values, 0.25) };
  }
  const group = normalise(criterionIds, combined, `The ${rule} of the group's weights`);
  if (!group.ok) return fail('invalid-input', `${group.error.message} Under the geometric mean one zero for a criterion makes its group weight zero; try the mean or the median.`);
  const discussionQueue = [...criterionIds].sort(
    (a, b) =>
      spread[b].standardDeviation - spread[a].standardDeviation ||
      spread[b].interquartileRange - spread[a].interquartileRange ||
      criterionIds.indexOf(a) - criterionIds.indexOf(b),
  );
  return ok({ rule, weights: group.value, participants: normalised, spread, discussionQueue });
}

/** Scores as plain data (no contribution function), so a result survives IPC and JSON unchanged. */
export type ScoreSummary = Omit<DecisionScores, 'contribution'>;

export interface GroupResult {
  weights: GroupWeights;
  /** The decision scored with the group's weights. */
  group: ScoreSummary;
  /** The decision scored with each participant's own weights. */
  participants: Record<string, ScoreSummary>;
}

/** Scores the decision under the group's weights and under each person's own. */
export function groupResult(decision: Pick<Decision, 'options' | 'criteria' | 'scores'>, participants: readonly ParticipantWeights[], rule: AggregationRule): Result<GroupResult> {
  const weights = aggregateWeights(
    decision.criteria.map((c) => c.id),
    participants,
    rule,
  );
  if (!weights.ok) return weights;
  const scoreWith = (w: Record<number, number>): Result<ScoreSummary> => {
    const scored = scoreDecision({ ...decision, criteria: decision.criteria.map((c) => ({ ...c, weight: w[c.id] })) });
    if (!scored.ok) return scored;
    const { contribution: _contribution, ...summary } = scored.value;
    return ok(summary);
  };
  const group = scoreWith(weights.value.weights);
  if (!group.ok) return group;
  const own: Record<string, ScoreSummary> = {};
  for (const [id, w] of Object.entries(weights.value.participants)) {
    const scored = scoreWith(w);
    if (!scored.ok) return scored;
    own[id] = scored.value;
  }
  return ok({ weights: weights.value, group: group.value, participants: own });
}
