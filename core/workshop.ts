import { z } from 'zod';
import { AGGREGATION_RULES, SCORE_RULES, type AggregationRule, type GroupResult, type GroupScores, type ScoreRule } from './aggregation';
import { finiteNumberSchema, nameKey, textSchema, weightSchema } from './model';
import { ROUND_WEIGHINGS, type RoundWeighing } from './round-weighing';

export { ROUND_WEIGHING_NAMES, ROUND_WEIGHINGS, type RoundWeighing } from './round-weighing';

/** What the workshop's participant endpoints accept, and what a round looks like to each side. */
export const RoundState = z.enum(['open', 'revealed', 'closed']);
export type RoundState = z.infer<typeof RoundState>;

export const aggregationRuleSchema = z.enum(AGGREGATION_RULES);

export const roundWeighingSchema = z.enum(ROUND_WEIGHINGS);

export const scoreRuleSchema = z.enum(SCORE_RULES);

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeSchema = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`), 'must be the 6-character code on the screen'));

export const MAX_DISPLAY_NAME = 60;
export const MAX_ROUND_NAME = 80;

/** A round's name, as the facilitator typed it (empty when they gave none). */
export const roundNameSchema = textSchema.max(MAX_ROUND_NAME, `must be at most ${MAX_ROUND_NAME} characters`);


/**
 * How each person is shown, in joining order: their name as typed, and a second "Ana" (in any
 * case or spacing) as "Ana (2)", a third as "Ana (3)". Everyone who joined counts, removed or
 * not, so a label never changes under the facilitator's eyes. Empty names stay empty.
 */
export function distinctNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    if (nameKey(name) === '') return name;
    let label = name;
    for (let n = 2; used.has(nameKey(label)); n++) label = `${name.trim()} (${n})`;
    used.add(nameKey(label));
    return label;
  });
}

/**
 * The smallest weight a phone may give in a round under this rule. Under the geometric mean one
 * person's 0 would make the criterion's group weight 0 — a veto nobody sees — so every weight
 * there is at least 1; under the mean and the median a 0 is only a low vote.
 */
export const minimumRoundWeight = (rule: AggregationRule): number => (rule === 'geometric-mean' ? 1 : 0);

export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  name: textSchema.max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`).default(''),
});

/** A criterion or option id as a key: a whole number as JSON writes it ("7", never "007" or "7.0"), so one row has one key. */
const ROW_KEY = /^[1-9]\d{0,14}$/;

/**
 * A record keyed by criterion (or option) id. The keys are checked on the object as sent, before
 * zod reads it: a record schema passes over keys such as "__proto__" without a word, and two
 * spellings of one id ("1" and "001") would reach the store as two entries for one row.
 */
const byRowId = <T extends z.ZodType>(values: T, what: { set: string; row: string; empty?: string }) =>
  z
    .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), what.set)
    .superRefine((record, ctx) => {
      const keys = Object.keys(record);
      const bad = keys.find((key) => !ROW_KEY.test(key));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(bad.slice(0, 40))} names none of the ${what.row}`, path: [bad.slice(0, 40)] });
      if (keys.length === 0 && what.empty) ctx.addIssue({ code: 'custom', message: what.empty });
    })
    .pipe(z.record(z.string(), values));

/** Weights by criterion id. */
const weightsByCriterion = byRowId(weightSchema, { set: 'must be a set of weights, one per criterion', row: 'criteria', empty: 'give at least one weight' });

export const MAX_SCORE_REASON = 500;

/** One person's score of one option on one criterion: a number on the criterion's scale (checked against it when sent), and why. */
export const participantScoreSchema = z.strictObject({
  value: finiteNumberSchema,
  reason: textSchema.max(MAX_SCORE_REASON, `must be at most ${MAX_SCORE_REASON} characters`).default(''),
});

/** Scores by criterion id, then option id: `{ "3": { "10": { "value": 4, "reason": "…" } } }`. A cell left out is unscored. */
const scoresByCriterion = byRowId(byRowId(participantScoreSchema, { set: 'must be a set of scores, one per option', row: 'options' }), {
  set: 'must be a set of scores by criterion',
  row: 'criteria',
});

export const submitRequestSchema = z.strictObject({ weights: weightsByCriterion, scores: scoresByCriterion.optional() });

/** A participant's scores as they come back: criterion id → option id → score. */
export type ParticipantScores = Record<number, Record<number, { value: number; reason: string }>>;

export interface RoundCriterion {
  id: number;
  name: string;
  description: string;
  /** The criterion's scale: people score on it, where the round asks for scores. */
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
}

/** What a participant sees: never other people's names or weights. */
export interface ParticipantRoundView {
  state: RoundState;
  /** The round's name, as the facilitator gave it ('' when none). */
  roundName: string;
  /** True once the facilitator has removed this participant: their weights no longer count. */
  removed: boolean;
  /** Open, its time not run out, and this participant not removed: sending is possible. */
  accepting: boolean;
  /** Whole seconds left on the round's timer when the server answered (null without a timebox). */
  secondsLeft: number | null;
  /** How this participant is shown to the facilitator ("Ana (2)" for a second Ana; '' when anonymous or unnamed). */
  myName: string;
  /** The smallest weight the round takes (1 under the geometric mean, else 0). */
  minWeight: number;
  decisionTitle: string;
  anonymous: boolean;
  weighing: RoundWeighing;
  endsAt: string | null;
  criteria: RoundCriterion[];
  /** This participant's last submission (criterion id → weight), if any. */
  myWeights: Record<number, number> | null;
  /** The criteria this round asks people to score the options on (empty: weights only), in the decision's order. */
  scoreCriteria: number[];
  /** The options to score (empty when the round asks for no scores). */
  options: { id: number; name: string }[];
  /** This participant's scores as last sent; empty when none. */
  myScores: ParticipantScores;
  /** The group's weights, once revealed and shared by the facilitator. */
  groupWeights: Record<number, number> | null;
  /**
   * The group's score of each cell people scored (by the round's score rule) and how many scored
   * it, once revealed and shared, in a round that asks for scores; null otherwise. Never who gave
   * which score, nor their reasons.
   */
  groupScores: { optionId: number; criterionId: number; value: number; count: number }[] | null;
}

export interface RoundParticipant {
  id: number;
  /** Their number in the round, given at join (1 for the first) and never changed: "Participant n" when anonymous or unnamed. */
  number: number;
  /** Empty in anonymous rounds (and when the person gave no name). */
  name: string;
  submitted: boolean;
}

/** A round's own settings, as stored. */
export interface RoundSettings {
  id: number;
  decisionId: number;
  code: string;
  /** The facilitator's name for the round ('' when none). */
  name: string;
  state: RoundState;
  anonymous: boolean;
  rule: AggregationRule;
  weighing: RoundWeighing;
  /** How the people's scores of a cell are combined (when the round asks for scores). */
  scoreRule: ScoreRule;
  /** The criteria people score the options on, in the decision's order; empty for a weights-only round. */
  scoreCriteria: number[];
  shareResult: boolean;
  endsAt: string | null;
  createdAt: string;
  /** When the round was closed; null while it is open or revealed. */
  closedAt: string | null;
}

/** What became of a round's group weights: applied to the decision, or kept as a scenario (under this name); or its group scores applied to the matrix. */
export const ROUND_OUTCOME_KINDS = ['applied', 'scenario', 'scores-applied'] as const;
export interface RoundOutcome {
  kind: (typeof ROUND_OUTCOME_KINDS)[number];
  /** The scenario's name as it was kept ('' when applied). */
  scenarioName: string;
  at: string;
}

/** What the facilitator sees. The result is present only after reveal. */
export interface FacilitatorRoundView extends RoundSettings {
  participants: RoundParticipant[];
  /** Each time its group weights were applied or kept, oldest first; empty when neither. */
  outcomes: RoundOutcome[];
  result: GroupResult | null;
  /** The group scores, after reveal, of a round that asks for scores (null otherwise). */
  scores: GroupScores | null;
  /** Why there is no result after reveal (e.g. nobody submitted). */
  resultProblem: string | null;
  /**
   * When the result is the one kept at the reveal (core/round-snapshot.ts): when it was kept, and
   * the criteria and options (ids, names, order) as they were then. Null while open, and for a
   * round revealed before snapshots were kept, whose result is computed from today's decision.
   */
  asRevealed: { at: string; criteria: { id: number; name: string }[]; options: { id: number; name: string }[] } | null;
}
