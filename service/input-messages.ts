import type { z } from 'zod';
import { describeIssue, issueInWords } from '../core/interchange';

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

/** Fields named in the plural ("The weights are missing"). */
const PLURAL_FIELDS: ReadonlySet<string> = new Set(['weights', 'points', 'swing', 'judgments']);

export function describeInputProblem(issue: z.core.$ZodIssue): string {
  if (issue.path[0] === 'document') return `The file: ${describeIssue({ ...issue, path: issue.path.slice(1) })}`;
  const named = [...issue.path].reverse().find((part): part is string => typeof part === 'string' && Object.hasOwn(FIELD_WORDS, part));
  if (issue.code === 'unrecognized_keys') return 'The request carried something the app does not know; reload the page and try again.';
  // A reference the page made (an option's id, a judgment's criteria) is the page's mistake, not the person's.
  const innermost = [...issue.path].reverse().find((part) => typeof part === 'string');
  if (!named || (typeof innermost === 'string' && (/Id$/.test(innermost) || innermost === 'more' || innermost === 'less'))) return 'The request was not understood; reload the page and try again.';
  // Our own schema messages continue the sentence ("must not be empty"), as issueInWords' do;
  // what is left of zod's own starts one.
  const message = issueInWords(issue).replace(/[.\s]+$/, '');
  const subject = FIELD_WORDS[named];
  const verb = PLURAL_FIELDS.has(named) ? message.replace(/^is /, 'are ') : message;
  return /^[a-z]/.test(message) ? `${subject} ${verb}.` : `${subject} ${PLURAL_FIELDS.has(named) ? 'are' : 'is'} not valid (${message.replace(/^Invalid input: /, '')}).`;
}
