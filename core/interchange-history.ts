import { z } from 'zod';
import { checkWeightingReferences } from './interchange-weighting';
import { AGGREGATION_RULES, SCORE_RULES } from './aggregation';
import { finiteNumberSchema, nameSchema, textSchema, weightSchema } from './model';
import { roundSnapshotSchema } from './round-snapshot';
import { ROUND_WEIGHINGS } from './round-weighing';
import { MAX_SCORE_REASON, ROUND_OUTCOME_KINDS, roundNameSchema } from './workshop';
import { RANK_RULES, SWING_TOP } from './weighting';

/**
 * What a decision file carries besides the matrix, so that a decision exported and imported
 * elsewhere is the same decision: every weighting method's inputs (not only the active one's),
 * the named scenarios and the workshop rounds. All optional: a file without them is a decision
 * without them. Criteria are named by the file's own ids.
 */
const key = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const byCriterion = z.record(key, weightSchema);
const stamp = z.string().max(40, 'must be a date and time');

export const savedInputsSchema = z.strictObject({
  /** The slider values (criteria[].weight holds the points while the method is points). */
  sliders: byCriterion.optional(),
  points: byCriterion.optional(),
  rank: z.strictObject({ rule: z.enum(RANK_RULES), order: z.array(z.union([key, z.array(key).min(1)])).max(1000) }).optional(),
  swing: z.record(key, weightSchema.refine((p) => p <= SWING_TOP, `must be from 0 to ${SWING_TOP}`)).optional(),
  judgments: z.array(z.strictObject({ more: key, less: key, ratio: weightSchema })).max(50_000).optional(),
});

export const documentScenarioSchema = z.strictObject({ name: nameSchema, createdAt: stamp.optional(), weights: byCriterion });

export const documentRoundSchema = z.strictObject({
  code: z.string().max(6).default(''),
  /** The name the facilitator gave the round; empty for none. */
  name: roundNameSchema.default(''),
  state: z.enum(['open', 'revealed', 'closed']),
  anonymous: z.boolean().default(false),
  rule: z.enum(AGGREGATION_RULES).default('geometric-mean'),
  weighing: z.enum(ROUND_WEIGHINGS).default('sliders'),
  /** How each cell's scores combine, and the criteria people scored the options on (none: a round of weights only). */
  scoreRule: z.enum(SCORE_RULES).default('median'),
  scoreCriteria: z.array(key).max(1000, 'must list at most 1000 criteria').default([]),
  shareResult: z.boolean().default(false),
  createdAt: stamp.optional(),
  endsAt: stamp.nullable().default(null),
  closedAt: stamp.nullable().default(null),
  /** What became of the group weights: applied to the decision, kept as a scenario (under scenarioName); empty for neither. */
  outcomes: z
    .array(z.strictObject({ kind: z.enum(ROUND_OUTCOME_KINDS), scenarioName: textSchema.max(200).default(''), at: stamp }))
    .max(1000)
    .default([]),
  /** Everyone who joined, in joining order; a person the facilitator removed has `removedAt` (their weights are kept and do not count). */
  participants: z
    .array(
      z.strictObject({
        name: textSchema.max(60).default(''),
        weights: byCriterion.nullable().default(null),
        /** Their scores of the options on the round's score criteria, each with the reason they gave. */
        scores: z
          .array(z.strictObject({ option: key, criterion: key, value: finiteNumberSchema, reason: textSchema.max(MAX_SCORE_REASON).default('') }))
          .max(100_000)
          .default([]),
        removedAt: stamp.nullable().default(null),
      }),
    )
    .max(10_000)
    .default([]),
  /**
   * The result as it was at the reveal (core/round-snapshot.ts), in the file's ids; participants
   * are keyed by their place in `participants`, from "1". Null for an open round or one revealed
   * before results were kept: its result is computed from the weights.
   */
  result: roundSnapshotSchema.nullable().default(null),
});

export type SavedInputs = z.output<typeof savedInputsSchema>;
export type DocumentScenario = z.output<typeof documentScenarioSchema>;
export type DocumentRound = z.output<typeof documentRoundSchema>;

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Ids in the saved inputs, scenarios and rounds that name no criterion of the file, and AHP ratios outside Saaty's scale. */
export function checkHistoryReferences(
  draft: { saved?: SavedInputs; scenarios?: DocumentScenario[]; rounds?: DocumentRound[] },
  criteria: readonly { id: string; name: string; scale?: { min: number; max: number } }[],
  options: readonly { id: string }[] = [],
): Issue[] {
  const known = new Set(criteria.map((c) => c.id));
  const optionIds = new Set(options.map((o) => o.id));
  const issues: Issue[] = [];
  const records = (path: (string | number)[], record: Record<string, number> | null | undefined) => {
    for (const id of Object.keys(record ?? {})) if (!known.has(id)) issues.push({ path: [...path, id], message: `no criterion has the id "${id}"` });
  };
  const { saved } = draft;
  records(['saved', 'sliders'], saved?.sliders);
  records(['saved', 'points'], saved?.points);
  records(['saved', 'swing'], saved?.swing);
  const relative = (found: Issue[], to: (string | number)[]) => found.map((issue) => ({ ...issue, path: [...to, ...issue.path.slice(2)] }));
  if (saved?.rank) {
    // A saved order may predate criteria added since: only unknown or repeated ids are problems.
    const placed = saved.rank.order.flat();
    placed.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: ['saved', 'rank', 'order'], message: `no criterion has the id "${id}"` });
      else if (placed.indexOf(id) !== i) issues.push({ path: ['saved', 'rank', 'order'], message: `criterion "${id}" is ranked twice` });
    });
  }
  if (saved?.judgments) {
    const found = checkWeightingReferences({ method: 'ahp', judgments: saved.judgments }, criteria);
    issues.push(...relative(found, ['saved', 'judgments']));
  }
  draft.scenarios?.forEach((s, i) => records(['scenarios', i, 'weights'], s.weights));
  draft.rounds?.forEach((r, i) => r.participants.forEach((p, k) => records(['rounds', i, 'participants', k, 'weights'], p.weights)));
  draft.rounds?.forEach((r, i) => {
    r.scoreCriteria.forEach((id, k) => {
      if (!known.has(id)) issues.push({ path: ['rounds', i, 'scoreCriteria', k], message: `no criterion has the id "${id}"` });
    });
    r.participants.forEach((p, k) =>
      p.scores.forEach((score, n) => {
        const at = ['rounds', i, 'participants', k, 'scores', n];
        const criterion = criteria.find((c) => c.id === score.criterion);
        if (!optionIds.has(score.option)) issues.push({ path: [...at, 'option'], message: `no option has the id "${score.option}"` });
        if (!r.scoreCriteria.includes(score.criterion)) issues.push({ path: [...at, 'criterion'], message: `criterion "${score.criterion}" is not one this round scored` });
        else if (criterion?.scale && (score.value < criterion.scale.min || score.value > criterion.scale.max))
          issues.push({ path: [...at, 'value'], message: `${score.value} is outside the scale ${criterion.scale.min}–${criterion.scale.max} of criterion "${score.criterion}"` });
      }),
    );
  });
  return issues;
}
