import { z } from 'zod';
import { AGGREGATION_RULES, type AggregationRule, type GroupResult } from './aggregation';
import { textSchema, weightSchema } from './model';

/** What the workshop's participant endpoints accept, and what a round looks like to each side. */
export const RoundState = z.enum(['open', 'revealed', 'closed']);
export type RoundState = z.infer<typeof RoundState>;

export const aggregationRuleSchema = z.enum(AGGREGATION_RULES);

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeSchema = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`), 'must be the 6-character code on the screen'));

export const MAX_DISPLAY_NAME = 60;

export const joinRequestSchema = z.strictObject({
  code: joinCodeSchema,
  name: textSchema.max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`).default(''),
});

export const submitRequestSchema = z.strictObject({
  weights: z.record(z.string().regex(/^\d+$/, 'criterion ids are whole numbers'), weightSchema).refine((w) => Object.keys(w).length > 0, 'give at least one weight'),
});

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
  decisionTitle: string;
  anonymous: boolean;
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
  state: RoundState;
  anonymous: boolean;
  rule: AggregationRule;
  shareResult: boolean;
  endsAt: string | null;
  createdAt: string;
}

/** What the facilitator sees. The result is present only after reveal. */
export interface FacilitatorRoundView extends RoundSettings {
  participants: RoundParticipant[];
  result: GroupResult | null;
  /** Why there is no result after reveal (e.g. nobody submitted). */
  resultProblem: string | null;
}
