import { z } from 'zod';
import { AGGREGATION_RULES, type AggregationRule, type GroupResult } from './aggregation';
import { nameKey, textSchema, weightSchema } from './model';
import { ROUND_WEIGHINGS, type RoundWeighing } from './round-weighing';

export { ROUND_WEIGHING_NAMES, ROUND_WEIGHINGS, type RoundWeighing } from './round-weighing';

/** What the workshop's participant endpoints accept, and what a round looks like to each side. */
export const RoundState = z.enum(['open', 'revealed', 'closed']);
export type RoundState = z.infer<typeof RoundState>;

export const aggregationRuleSchema = z.enum(AGGREGATION_RULES);

export const roundWeighingSchema = z.enum(ROUND_WEIGHINGS);

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

/** A criterion id as a key: a whole number as JSON writes it ("7", never "007" or "7.0"), so one criterion has one key. */
const CRITERION_KEY = /^[1-9]\d{0,14}$/;

/**
 * Weights by criterion id. The keys are checked on the object as sent, before zod reads it: a
 * record schema passes over keys such as "__proto__" without a word, and two spellings of one id
 * ("1" and "001") would reach the store as two weights for one criterion.
 */
const weightsByCriterion = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be a set of weights, one per criterion')
  .superRefine((weights, ctx) => {
    const keys = Object.keys(weights);
    const bad = keys.find((key) => !CRITERION_KEY.test(key));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(bad.slice(0, 40))} names none of the criteria`, path: [bad.slice(0, 40)] });
    if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one weight' });
  })
  .pipe(z.record(z.string(), weightSchema));

export const submitRequestSchema = z.strictObject({ weights: weightsByCriterion });

export interface RoundCriterion {
  id: number;
  name: string;
  description: string;
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
  /** The group's weights, once revealed and shared by the facilitator. */
  groupWeights: Record<number, number> | null;
}

export interface RoundParticipant {
  id: number;
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
  shareResult: boolean;
  endsAt: string | null;
  createdAt: string;
  /** When the round was closed; null while it is open or revealed. */
  closedAt: string | null;
}

/** What became of a round's group weights: applied to the decision, or kept as a scenario (under this name). */
export const ROUND_OUTCOME_KINDS = ['applied', 'scenario'] as const;
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
  /** Why there is no result after reveal (e.g. nobody submitted). */
  resultProblem: string | null;
}
