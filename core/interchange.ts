import { z } from 'zod';
import {
  decisionStatusSchema,
  directionSchema,
  finiteNumberSchema,
  nameSchema,
  scaleSchema,
  textSchema,
  weightSchema,
  type Decision,
} from './model';
import { fail, ok, type Result } from './result';

/**
 * The interchange format for one whole decision: what the CLI scores, templates are written in,
 * and files are imported from and exported to. Options and criteria carry a string `id` that is
 * local to the file; scores refer to them by it.
 */
export const INTERCHANGE_FORMAT = 'decision-matrix/v1';

const keySchema = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const documentOptionSchema = z.strictObject({
  id: keySchema,
  name: nameSchema,
  description: textSchema.default(''),
});

const documentCriterionSchema = z.strictObject({
  id: keySchema,
  name: nameSchema,
  description: textSchema.default(''),
  direction: directionSchema.default('benefit'),
  scale: scaleSchema,
  weight: weightSchema,
});

const documentScoreSchema = z.strictObject({
  option: keySchema,
  criterion: keySchema,
  value: finiteNumberSchema.nullable(),
  rationale: textSchema.default(''),
  source: textSchema.default(''),
});

export const decisionDraftSchema = z
  .strictObject({
    title: nameSchema,
    context: textSchema.default(''),
    options: z.array(documentOptionSchema).max(1000, 'must list at most 1000 options'),
    criteria: z.array(documentCriterionSchema).max(1000, 'must list at most 1000 criteria'),
    scores: z.array(documentScoreSchema).default([]),
    outcome: z
      .strictObject({ status: decisionStatusSchema, chosenOption: keySchema.nullable().default(null), reason: textSchema.default('') })
      .default({ status: 'open', chosenOption: null, reason: '' }),
  })
  .superRefine((draft, ctx) => {
    const optionIds = new Set<string>();
    draft.options.forEach((option, i) => {
      if (optionIds.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `duplicate option id "${option.id}"` });
      optionIds.add(option.id);
    });
    const criteria = new Map<string, (typeof draft.criteria)[number]>();
    draft.criteria.forEach((criterion, i) => {
      if (criteria.has(criterion.id)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `duplicate criterion id "${criterion.id}"` });
      criteria.set(criterion.id, criterion);
    });
    if (draft.outcome.chosenOption !== null && !optionIds.has(draft.outcome.chosenOption)) {
      ctx.addIssue({ code: 'custom', path: ['outcome', 'chosenOption'], message: `no option has the id "${draft.outcome.chosenOption}"` });
    }
    const cells = new Set<string>();
    draft.scores.forEach((score, i) => {
      const criterion = criteria.get(score.criterion);
      if (!optionIds.has(score.option)) ctx.addIssue({ code: 'custom', path: ['scores', i, 'option'], message: `no option has the id "${score.option}"` });
      if (!criterion) ctx.addIssue({ code: 'custom', path: ['scores', i, 'criterion'], message: `no criterion has the id "${score.criterion}"` });
      const cell = JSON.stringify([score.option, score.criterion]);
      if (cells.has(cell)) ctx.addIssue({ code: 'custom', path: ['scores', i], message: `a second score for option "${score.option}" on criterion "${score.criterion}"` });
      cells.add(cell);
      if (criterion && score.value !== null && (score.value < criterion.scale.min || score.value > criterion.scale.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scores', i, 'value'],
          message: `${score.value} is outside the scale ${criterion.scale.min}–${criterion.scale.max} of criterion "${score.criterion}"`,
        });
      }
    });
  });

export type DecisionDraft = z.output<typeof decisionDraftSchema>;

/** A decision nobody has decided yet. */
export const OPEN_OUTCOME: DecisionDraft['outcome'] = { status: 'open', chosenOption: null, reason: '' };

export const decisionDocumentSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT, { error: `must be "${INTERCHANGE_FORMAT}"` }),
  decision: decisionDraftSchema,
});

export type DecisionDocument = z.output<typeof decisionDocumentSchema>;
/** What a file may contain before defaults are filled in. */
export type DecisionDocumentInput = z.input<typeof decisionDocumentSchema>;

/** Names the first problem with its path in the document, e.g. `decision.scores[3].value: …`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  let path = '';
  for (const part of issue.path) {
    path += typeof part === 'number' ? `[${part}]` : path ? `.${String(part)}` : String(part);
  }
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function parseDecisionDocument(data: unknown): Result<DecisionDocument> {
  const parsed = decisionDocumentSchema.safeParse(data);
  if (!parsed.success) return fail('invalid-input', describeIssue(parsed.error.issues[0]));
  return ok(parsed.data);
}

export function parseDecisionDocumentText(text: string): Result<DecisionDocument> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('invalid-input', `not valid JSON (${(error as Error).message})`);
  }
  return parseDecisionDocument(data);
}

export function toDocument(decision: Decision): DecisionDocument {
  const optionKey = new Map(decision.options.map((o) => [o.id, `o${o.id}`]));
  const criterionKey = new Map(decision.criteria.map((c) => [c.id, `c${c.id}`]));
  return {
    format: INTERCHANGE_FORMAT,
    decision: {
      title: decision.title,
      context: decision.context,
      options: decision.options.map((o) => ({ id: optionKey.get(o.id)!, name: o.name, description: o.description })),
      criteria: decision.criteria.map((c) => ({
        id: criterionKey.get(c.id)!,
        name: c.name,
        description: c.description,
        direction: c.direction,
        scale: { ...c.scale },
        weight: c.weight,
      })),
      scores: decision.scores
        .filter((s) => optionKey.has(s.optionId) && criterionKey.has(s.criterionId))
        .map((s) => ({
          option: optionKey.get(s.optionId)!,
          criterion: criterionKey.get(s.criterionId)!,
          value: s.value,
          rationale: s.rationale,
          source: s.source,
        })),
      outcome: {
        status: decision.status,
        chosenOption: decision.chosenOptionId === null ? null : (optionKey.get(decision.chosenOptionId) ?? null),
        reason: decision.outcomeReason,
      },
    },
  };
}

/**
 * Gives a draft the shape of a stored decision (ids by position) so that core's scoring can run
 * on a file without a database, as the CLI does.
 */
export function draftAsDecision(draft: DecisionDraft): Pick<Decision, 'title' | 'options' | 'criteria' | 'scores' | 'status' | 'chosenOptionId' | 'outcomeReason'> {
  const optionIds = new Map(draft.options.map((o, i) => [o.id, i + 1]));
  const criterionIds = new Map(draft.criteria.map((c, i) => [c.id, i + 1]));
  return {
    title: draft.title,
    status: draft.outcome.status,
    chosenOptionId: draft.outcome.chosenOption === null ? null : (optionIds.get(draft.outcome.chosenOption) ?? null),
    outcomeReason: draft.outcome.reason,
    options: draft.options.map((o, i) => ({ id: i + 1, name: o.name, description: o.description })),
    criteria: draft.criteria.map((c, i) => ({ id: i + 1, name: c.name, description: c.description, direction: c.direction, scale: c.scale, weight: c.weight })),
    scores: draft.scores.map((s) => ({
      optionId: optionIds.get(s.option)!,
      criterionId: criterionIds.get(s.criterion)!,
      value: s.value,
      rationale: s.rationale,
      source: s.source,
    })),
  };
}
