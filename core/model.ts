import { z } from 'zod';
import type { WeightingInputs } from './weighting/inputs';

/** Whether a higher score is better (benefit) or worse (cost) on a criterion. */
export const directionSchema = z.enum(['benefit', 'cost']);
export type Direction = z.infer<typeof directionSchema>;

/** Longest text accepted for any single field; keeps files and reports bounded. */
export const MAX_TEXT_LENGTH = 20_000;

const hasVisibleCharacter = (text: string) => text.trim().length > 0;

/**
 * Half of a UTF-16 surrogate pair on its own is not a character: SQLite would store it as U+FFFD,
 * so what was typed would not come back. Such text is refused rather than changed.
 */
export const hasLoneSurrogate = (text: string) => /[\uD800-\uDFFF]/u.test(text);
const LONE_SURROGATE_MESSAGE = 'contains half of a character (a lone UTF-16 surrogate); retype or paste it again';

export const textSchema = z
  .string()
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  .refine((text) => !hasLoneSurrogate(text), LONE_SURROGATE_MESSAGE);

/** A name is stored exactly as typed, but it must contain something besides spaces. */
export const nameSchema = textSchema.refine(hasVisibleCharacter, 'must not be empty');

/**
 * Scores, scale ends and weights stay within ±10^15: then every difference (max − min), every share
 * (x − min) / (max − min) and every sum of up to a thousand weights is finite, so no total can be
 * NaN or Infinity (−1e308..1e308 once ranked a NaN total first).
 */
export const MAX_MAGNITUDE = 1e15;
export const isWithinMagnitude = (value: number) => Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;

export const finiteNumberSchema = z
  .number()
  .refine(Number.isFinite, 'must be a finite number')
  .refine((value) => !Number.isFinite(value) || Math.abs(value) <= MAX_MAGNITUDE, 'must be between −10^15 and 10^15');

export const weightSchema = finiteNumberSchema.refine((w) => w >= 0, 'must be zero or more');

export const scaleSchema = z
  .strictObject({
    min: finiteNumberSchema,
    max: finiteNumberSchema,
    minLabel: textSchema.default(''),
    maxLabel: textSchema.default(''),
  })
  .refine((scale) => scale.min < scale.max, { message: 'must be above the scale’s minimum', path: ['max'] });
export type Scale = z.output<typeof scaleSchema>;

export const DEFAULT_SCALE: Scale = { min: 1, max: 5, minLabel: '', maxLabel: '' };
export { DEFAULT_WEIGHT, MAX_SLIDER_WEIGHT } from './weight-range';

export interface Option {
  id: number;
  name: string;
  description: string;
}

export interface Criterion {
  id: number;
  name: string;
  description: string;
  direction: Direction;
  scale: Scale;
  /** Raw, non-negative importance; scoring normalises the weights to sum 1. */
  weight: number;
}

export interface Score {
  optionId: number;
  criterionId: number;
  /** null while the cell has a rationale but no value yet. */
  value: number | null;
  rationale: string;
  source: string;
}

export const decisionStatusSchema = z.enum(['open', 'decided']);
export type DecisionStatus = z.infer<typeof decisionStatusSchema>;

export interface Decision {
  id: number;
  title: string;
  context: string;
  status: DecisionStatus;
  /** The option the team chose, once decided (null while open, or if that option was removed). */
  chosenOptionId: number | null;
  /** Why the team chose it, in their words. */
  outcomeReason: string;
  createdAt: string;
  updatedAt: string;
  options: Option[];
  criteria: Criterion[];
  scores: Score[];
  /** How the weights are elicited, with every method's inputs (the sliders are criteria[].weight). */
  weighting: WeightingInputs;
}

export interface DecisionSummary {
  id: number;
  title: string;
  optionCount: number;
  criterionCount: number;
  updatedAt: string;
}

/** Why a value cannot be a score on this criterion, or null when it can. */
export function scoreProblem(criterion: Pick<Criterion, 'name' | 'scale'>, value: number): string | null {
  if (!Number.isFinite(value)) return `The score on "${criterion.name}" must be a finite number.`;
  const { min, max } = criterion.scale;
  if (value < min || value > max) {
    return `The score ${value} on "${criterion.name}" is outside its scale ${min}–${max}.`;
  }
  return null;
}

/** How two names compare for "the same name": spaces at the ends, case and Unicode composition aside. */
export const nameKey = (name: string): string => name.trim().normalize('NFC').toLocaleLowerCase('en');
