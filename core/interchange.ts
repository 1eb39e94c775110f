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
import { checkWeightingReferences, weightingSchema } from './interchange-weighting';
import { checkHistoryReferences, documentRoundSchema, documentScenarioSchema, savedInputsSchema, type DocumentRound, type DocumentScenario, type SavedInputs } from './interchange-history';
import { fail, ok, type Result } from './result';
import { rekeyRoundSnapshot, type RoundSnapshot } from './round-snapshot';
import { DIRECT_WEIGHTING, translateWeightingIds, type Weighting } from './weighting';
import { activeWeighting, inputsFromWeighting } from './weighting/inputs';

/**
 * The interchange format for one whole decision: what the CLI scores, templates are written in,
 * and files are imported from and exported to. Options and criteria carry a string `id` that is
 * local to the file; scores and the weighting refer to them by it.
 *
 * v2 added `decision.weighting` (the method and its inputs). Exports write v2; a v1 file still
 * imports, read as weighted directly (its only method), and comes out of parsing as v2.
 */
export const INTERCHANGE_FORMAT = 'decision-matrix/v2';
export const INTERCHANGE_FORMAT_V1 = 'decision-matrix/v1';

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
    /** Left out: weighted directly. A parsed document always has it (see decisionDocumentSchema). */
    weighting: weightingSchema(keySchema).optional(),
    /** Every method's inputs, kept for a switch back (interchange-history.ts). */
    saved: savedInputsSchema.optional(),
    scenarios: z.array(documentScenarioSchema).max(1000, 'must list at most 1000 scenarios').optional(),
    rounds: z.array(documentRoundSchema).max(1000, 'must list at most 1000 rounds').optional(),
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
    if (draft.weighting) for (const issue of checkWeightingReferences(draft.weighting, draft.criteria)) ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of checkHistoryReferences(draft, draft.criteria, draft.options)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * A decision as a file holds it. `weighting` may be left out by drafts built in code (a CSV import
 * has only slider weights): read it with `draftWeighting`, which takes that as direct.
 */
export type DecisionDraft = z.output<typeof decisionDraftSchema>;
/** A weighting naming criteria by the file's ids. */
export type DocumentWeighting = Weighting<string>;

/** A decision nobody has decided yet. */
export const OPEN_OUTCOME: DecisionDraft['outcome'] = { status: 'open', chosenOption: null, reason: '' };

export const decisionDocumentSchema = z
  .strictObject({
    format: z.enum([INTERCHANGE_FORMAT, INTERCHANGE_FORMAT_V1], { error: `must be "${INTERCHANGE_FORMAT}" (or the older "${INTERCHANGE_FORMAT_V1}")` }),
    decision: decisionDraftSchema,
    // The export's robustness analysis (core/robustness-document.ts) is for the reader: an import
    // ignores it, whatever it holds, and the analysis is computed again from the decision.
    analysis: z.unknown().optional(),
  })
  .superRefine((document, ctx) => {
    if (document.format === INTERCHANGE_FORMAT_V1 && document.decision.weighting !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['decision', 'weighting'], message: `is new in ${INTERCHANGE_FORMAT}: write "format": "${INTERCHANGE_FORMAT}" to use it` });
    }
  })
  // Parsing upgrades: whatever came in, a v2 document with its method spelled out comes out, so
  // what the renderer parsed parses again at the service, and nothing downstream meets v1.
  .transform((document) => ({
    format: INTERCHANGE_FORMAT as typeof INTERCHANGE_FORMAT,
    decision: { ...document.decision, weighting: document.decision.weighting ?? DIRECT_WEIGHTING },
  }));

/** A document as written: by toDocument, a template, or code that generates one (which may leave the weighting out). */
export interface DecisionDocument {
  format: typeof INTERCHANGE_FORMAT;
  decision: DecisionDraft;
}

/** A document as parsed: always v2, with its weighting spelled out. */
export type ParsedDecisionDocument = z.output<typeof decisionDocumentSchema>;
/** What a file may contain before defaults are filled in. */
export type DecisionDocumentInput = z.input<typeof decisionDocumentSchema>;

const KIND_WORDS: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a group of named values (a JSON object)',
  null: 'must be empty',
};

/** What a string's or a list's size counts, one and many. */
const SIZE_WORDS: Readonly<Record<string, [string, string]>> = {
  string: ['character', 'characters'],
  array: ['entry', 'entries'],
};

/**
 * A schema's complaint in words, for the common kinds zod words for programmers ("Invalid input:
 * expected string, received undefined"): missing, of the wrong kind, too small or too large.
 * Messages the schemas write themselves ("must not be empty") pass through.
 */
export function issueInWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (/received undefined$/.test(issue.message)) return 'is missing';
    if (/^Invalid input: expected /.test(issue.message)) return KIND_WORDS[issue.expected] ?? 'is not of the right kind';
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too (small|big): /.test(issue.message)) {
    const small = issue.code === 'too_small';
    const bound = Number(small ? issue.minimum : issue.maximum);
    const inclusive = issue.inclusive !== false;
    const size = SIZE_WORDS[issue.origin];
    if (size) return `must have at ${small ? 'least' : 'most'} ${bound} ${bound === 1 ? size[0] : size[1]}`;
    return small ? `must be ${inclusive ? 'at least' : 'above'} ${bound}` : `must be ${inclusive ? 'at most' : 'below'} ${bound}`;
  }
  return issue.message;
}

/** Names the first problem with its path in the document, e.g. `decision.scores[3].value: …`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  let path = '';
  for (const part of issue.path) {
    path += typeof part === 'number' ? `[${part}]` : path ? `.${String(part)}` : String(part);
  }
  const words = issueInWords(issue);
  return path ? `${path}: ${words}` : words;
}

export function parseDecisionDocument(data: unknown): Result<ParsedDecisionDocument> {
  const parsed = decisionDocumentSchema.safeParse(data);
  if (!parsed.success) return fail('invalid-input', describeIssue(parsed.error.issues[0]));
  return ok(parsed.data);
}

export function parseDecisionDocumentText(text: string): Result<ParsedDecisionDocument> {
  let data: unknown;
  try {
    // A byte-order mark, as Windows editors write one, is not part of the JSON.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('invalid-input', `not valid JSON (${(error as Error).message})`);
  }
  return parseDecisionDocument(data);
}

/**
 * A stored decision in the interchange format, with its active weighting translated to the file's
 * ids. A file carries the active method's inputs only; under points, criteria[].weight holds the
 * points (as the format says), not the slider values.
 */
export function toDocument(decision: Decision, weighting: Weighting<number> = activeWeighting(decision.weighting, decision.criteria), history: DecisionHistory = NO_HISTORY): DecisionDocument {
  const pointsOf = (c: Decision['criteria'][number]) => (Object.hasOwn(decision.weighting.points, c.id) ? decision.weighting.points[c.id] : 0);
  const optionKey = new Map(decision.options.map((o) => [o.id, `o${o.id}`]));
  const criterionKey = new Map(decision.criteria.map((c) => [c.id, `c${c.id}`]));
  const keyed = (record: Readonly<Record<number, number>>) =>
    Object.fromEntries(Object.entries(record).flatMap(([id, value]) => (criterionKey.has(Number(id)) ? [[criterionKey.get(Number(id))!, value]] : [])));
  const extras = documentExtras(decision, history, criterionKey, optionKey, keyed);
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
        weight: weighting.method === 'points' ? pointsOf(c) : c.weight,
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
      weighting: translateWeightingIds(weighting, criterionKey),
      ...extras,
    },
  };
}

/**
 * Gives a draft the shape of a stored decision (ids by position) so that core's scoring can run
 * on a file without a database, as the CLI does.
 */
export function draftAsDecision(draft: DecisionDraft): Pick<Decision, 'title' | 'options' | 'criteria' | 'scores' | 'status' | 'chosenOptionId' | 'outcomeReason' | 'weighting'> {
  const optionIds = new Map(draft.options.map((o, i) => [o.id, i + 1]));
  const criterionIds = new Map(draft.criteria.map((c, i) => [c.id, i + 1]));
  return {
    weighting: inputsFromWeighting(draftWeighting(draft), draft.criteria.map((c, i) => ({ id: i + 1, name: c.name, weight: c.weight }))),
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

/** A draft's weighting with criteria keyed as draftAsDecision keys them (by position, from 1); left out, direct. */
export function draftWeighting(draft: Pick<DecisionDraft, 'criteria' | 'weighting'>): Weighting<number> {
  if (!draft.weighting) return DIRECT_WEIGHTING;
  return translateWeightingIds(draft.weighting, new Map(draft.criteria.map((c, i) => [c.id, i + 1])));
}

/** A stored decision's scenarios and workshop rounds, keyed by row ids, for its file. */
export interface DecisionHistory {
  scenarios: { name: string; createdAt: string; weights: Record<number, number> }[];
  rounds: (Omit<DocumentRound, 'participants' | 'scoreCriteria' | 'result'> & {
    createdAt: string;
    scoreCriteria: number[];
    participants: { name: string; weights: Record<number, number> | null; scores: { optionId: number; criterionId: number; value: number; reason: string }[]; removedAt: string | null }[];
    /** Keyed by row ids, except participants: by their place in `participants`, from "1". */
    result: RoundSnapshot | null;
  })[];
}
export const NO_HISTORY: DecisionHistory = Object.freeze({ scenarios: [], rounds: [] }) as DecisionHistory;

/** Every method's inputs, the scenarios and the rounds, in the file's ids; empty parts left out. */
function documentExtras(
  decision: Decision,
  history: DecisionHistory,
  criterionKey: ReadonlyMap<number, string>,
  optionKey: ReadonlyMap<number, string>,
  keyed: (record: Readonly<Record<number, number>>) => Record<string, number>,
): Pick<DecisionDraft, 'saved' | 'scenarios' | 'rounds'> {
  const inputs = decision.weighting;
  const saved: SavedInputs = {};
  if (inputs.method !== 'direct') saved.sliders = keyed(Object.fromEntries(decision.criteria.map((c) => [c.id, c.weight])));
  if (Object.keys(inputs.points).length > 0) saved.points = keyed(inputs.points);
  const rank = translateWeightingIds({ method: 'rank', rule: inputs.rule, order: inputs.order }, criterionKey);
  if (inputs.order.length > 0 && rank.method === 'rank') saved.rank = { rule: rank.rule, order: rank.order };
  if (Object.keys(inputs.swing).length > 0) saved.swing = keyed(inputs.swing);
  const ahp = translateWeightingIds({ method: 'ahp', judgments: inputs.judgments }, criterionKey);
  if (inputs.judgments.length > 0 && ahp.method === 'ahp') saved.judgments = ahp.judgments;
  const scenarios: DocumentScenario[] = history.scenarios.map((s) => ({ name: s.name, createdAt: s.createdAt, weights: keyed(s.weights) }));
  const fileKeys = { criterion: (id: string | number) => criterionKey.get(Number(id)), option: (id: string | number) => optionKey.get(Number(id)), participant: (id: string | number) => id };
  const rounds: DocumentRound[] = history.rounds.map((r) => ({
    ...r,
    scoreCriteria: r.scoreCriteria.flatMap((id) => (criterionKey.has(id) ? [criterionKey.get(id)!] : [])),
    participants: r.participants.map((p) => ({
      name: p.name,
      weights: p.weights && keyed(p.weights),
      scores: p.scores
        .filter((s) => optionKey.has(s.optionId) && criterionKey.has(s.criterionId))
        .map((s) => ({ option: optionKey.get(s.optionId)!, criterion: criterionKey.get(s.criterionId)!, value: s.value, reason: s.reason })),
      removedAt: p.removedAt,
    })),
    // A criterion or option removed since the reveal is left out of the file's copy.
    result: r.result && (rekeyRoundSnapshot(r.result, fileKeys) as unknown as DocumentRound['result']),
  }));
  return {
    ...(Object.keys(saved).length > 0 ? { saved } : {}),
    ...(scenarios.length > 0 ? { scenarios } : {}),
    ...(rounds.length > 0 ? { rounds } : {}),
  };
}
