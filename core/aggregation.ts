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

/**
 * Combining several people's scores of the options into one group score per cell (option ×
 * criterion). Scores are on the criterion's own scale, an interval scale whose zero may mean
 * nothing (a 0–10 cost, a 1–5 rating), so the geometric mean does not apply: a round combines its
 * scores by the mean or the median (SCORE_RULES; the median by default, since one outlier in a
 * small room cannot drag it). Each cell counts only the people who scored it, and only scores on
 * the criterion's scale as it is now (one whose scale changed since the round leaves out the scores
 * the new scale no longer holds).
 */
export const SCORE_RULES = ['median', 'mean'] as const;
export type ScoreRule = (typeof SCORE_RULES)[number];
export const SCORE_RULE_NAMES: Readonly<Record<ScoreRule, string>> = { median: 'Median', mean: 'Mean' };

/** How many of the most disputed cells join the discussion queue. */
export const DISPUTED_CELLS = 3;

export interface ParticipantScore {
  participantId: string;
  optionId: number;
  criterionId: number;
  value: number;
  /** Why, in the person's words ('' when they gave none). */
  reason: string;
}

export interface GroupScoreCell {
  optionId: number;
  criterionId: number;
  /** The mean or the median of the people's scores, exact (not rounded). */
  value: number;
  /** How many people scored this cell. */
  count: number;
  /** Population standard deviation of the people's scores, on the criterion's scale. */
  standardDeviation: number;
  interquartileRange: number;
  /** The standard deviation as a share of the scale's range (max − min): comparable across scales. */
  relativeSpread: number;
  /** Each person's score, in joining order. */
  scores: { participantId: string; value: number; reason: string }[];
}

export interface GroupScores {
  rule: ScoreRule;
  /** The criteria people were asked to score, in the decision's order. */
  criterionIds: number[];
  /** Every cell at least one person scored, in the decision's order (criterion, then option). */
  cells: GroupScoreCell[];
  /**
   * The most disputed cells, first the most: the largest spread relative to the scale's range
   * (then the interquartile range, then the decision's order); only cells two or more people
   * scored with some disagreement, at most DISPUTED_CELLS of them.
   */
  disputed: { optionId: number; criterionId: number }[];
}

/** The group score of each cell people scored, by the round's score rule, with its spread and what to discuss. */
export function aggregateScores(
  decision: Pick<Decision, 'options' | 'criteria'>,
  criterionIds: readonly number[],
  scores: readonly ParticipantScore[],
  rule: ScoreRule,
): GroupScores {
  const asked = decision.criteria.filter((c) => criterionIds.includes(c.id));
  const cells: GroupScoreCell[] = [];
  for (const criterion of asked) {
    const range = criterion.scale.max - criterion.scale.min;
    for (const option of decision.options) {
      const given = scores.filter(
        (s) => s.optionId === option.id && s.criterionId === criterion.id && s.value >= criterion.scale.min && s.value <= criterion.scale.max,
      );
      if (given.length === 0) continue;
      const values = given.map((s) => s.value);
      const sd = standardDeviation(values);
      cells.push({
        optionId: option.id,
        criterionId: criterion.id,
        value: rule === 'mean' ? arithmeticMean(values) : median(values),
        count: values.length,
        standardDeviation: sd,
        interquartileRange: quantile(values, 0.75) - quantile(values, 0.25),
        relativeSpread: range > 0 ? sd / range : 0,
        scores: given.map(({ participantId, value, reason }) => ({ participantId, value, reason })),
      });
    }
  }
  const disputed = cells
    .map((cell, order) => ({ cell, order }))
    .filter(({ cell }) => cell.count >= 2 && cell.standardDeviation > 0)
    .sort((a, b) => b.cell.relativeSpread - a.cell.relativeSpread || b.cell.interquartileRange - a.cell.interquartileRange || a.order - b.order)
    .slice(0, DISPUTED_CELLS)
    .map(({ cell }) => ({ optionId: cell.optionId, criterionId: cell.criterionId }));
  return { rule, criterionIds: asked.map((c) => c.id), cells, disputed };
}
