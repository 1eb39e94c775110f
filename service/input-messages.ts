import type { z } from 'zod';
import { describeIssue } from '../core/interchange';

/**
 * A refused input in a person's words. The contract's schemas speak of fields ("name",
 * "scale.max", "weights[2].weight"); a person reads "The name must not be empty." A decision file's
 * own problems keep their path inside the file (decision.scores[3].value), which is how its author
 * finds the place.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'The title',
  context: 'The context',
  name: 'The name',
  description: 'The description',
  direction: 'The direction',
  scale: 'The scale',
  min: 'The lowest score',
  max: 'The highest score',
  minLabel: 'The label of the lowest score',
  maxLabel: 'The label of the highest score',
  value: 'The score',
  rationale: 'The rationale',
  source: 'The source',
  weights: 'The weights',
  weight: 'A weight',
  outcomeReason: 'The reason for the choice',
  status: 'The status',
  text: 'The spreadsheet',
  minutes: 'The time limit',
  addMinutes: 'The extra time',
  rule: 'The rule',
  method: 'The weighting method',
  points: 'The points',
  order: 'The rank order',
  swing: 'The swing points',
  judgments: 'The judgments',
  ratio: 'A judgment’s ratio',
  weighing: 'How people weigh',
  toIndex: 'The new position',
  code: 'The code',
};

export function describeInputProblem(issue: z.core.$ZodIssue): string {
  if (issue.path[0] === 'document') return `The file: ${describeIssue({ ...issue, path: issue.path.slice(1) })}`;
  const named = [...issue.path].reverse().find((part): part is string => typeof part === 'string' && Object.hasOwn(FIELD_WORDS, part));
  if (issue.code === 'unrecognized_keys') return 'The request carried something the app does not know; reload the page and try again.';
  if (!named) return 'The request was not understood; reload the page and try again.';
  // Our own schema messages continue the sentence ("must not be empty"); zod's own start one.
  const message = issue.message.replace(/[.\s]+$/, '');
  return /^[a-z]/.test(message) ? `${FIELD_WORDS[named]} ${message}.` : `${FIELD_WORDS[named]} is not valid (${message.replace(/^Invalid input: /, '')}).`;
}
