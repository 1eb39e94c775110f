import Papa from 'papaparse';
import { OPEN_OUTCOME, type DecisionDraft } from '../core/interchange';
import { DEFAULT_SCALE, directionSchema, hasLoneSurrogate, isWithinMagnitude, MAX_TEXT_LENGTH, type Decision } from '../core/model';
import { fail, ok, type Result } from '../core/result';

/**
 * The layout spreadsheet users already keep: one row per criterion, then a weight column, a
 * direction column, the scale's ends, and one column per option holding that option's scores.
 *
 *   Criterion,Weight,Direction,Min,Max,PyTorch,TensorFlow
 *   Ease of use,25,benefit,1,5,5,3
 *
 * Min and Max may be left out (the scale is then 1–5); an empty score cell imports as unscored.
 */
export const CSV_FIXED_COLUMNS = ['Criterion', 'Weight', 'Direction', 'Min', 'Max'] as const;
const REQUIRED_COLUMNS = ['Criterion', 'Weight', 'Direction'];
/** The most problems listed for one file; past that the list says how many more there were. */
const MAX_LISTED_PROBLEMS = 50;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function decisionToCsv(decision: Decision): string {
  const score = new Map(decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s.value]));
  const header = [...CSV_FIXED_COLUMNS, ...decision.options.map((o) => neutraliseFormula(o.name))];
  const rows = decision.criteria.map((c) => [
    neutraliseFormula(c.name),
    String(c.weight),
    c.direction,
    String(c.scale.min),
    String(c.scale.max),
    ...decision.options.map((o) => {
      const value = score.get(`${o.id}:${c.id}`);
      return value === null || value === undefined ? '' : String(value);
    }),
  ]);
  return `${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  return isWithinMagnitude(value) ? value : null;
}

function numberProblem(text: string): string {
  if (/^\s*[-+]?\d+,\d+\s*$/.test(text)) return `"${text}" is not a number (write decimals with a dot: ${text.trim().replace(',', '.')})`;
  return NUMBER.test(text.trim()) ? `"${text}" is too large: numbers here stay within ±10^15` : `"${text}" is not a number`;
}

/**
 * Reads the whole file before anything is stored: either every row is valid and a draft comes
 * back, or every problem comes back with its row and column.
 */
export function csvToDraft(text: string, title: string): Result<DecisionDraft> {
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: 'greedy', delimiter: ',' });
  const problems: string[] = [];
  const problem = (row: number, column: string | null, message: string) =>
    problems.push(column === null ? `row ${row}: ${message}` : `row ${row}, column "${column}": ${message}`);

  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1;
    if (error.code === 'MissingQuotes') problem(row, null, 'a quoted cell is never closed (unterminated quote)');
    else if (error.code === 'InvalidQuotes') problem(row, null, 'a quote appears inside an unquoted cell');
    else if (error.code !== 'UndetectableDelimiter') problem(row, null, error.message);
  }
  const [header, ...rows] = parsed.data;
  if (!header || header.length === 0) return fail('invalid-input', 'The file is empty: the first row must name the columns (Criterion, Weight, Direction, then one column per option).');

  const columns = header.map((h) => h.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === '') problem(1, `column ${i + 1}`, 'the header is empty');
    else if (hasLoneSurrogate(name)) problem(1, `column ${i + 1}`, 'the header holds half of a character (a lone UTF-16 surrogate)');
    else if (seen.has(name.toLowerCase())) problem(1, name, 'this header appears twice');
    seen.add(name.toLowerCase());
  });
  const indexOf = (name: string) => columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  for (const required of REQUIRED_COLUMNS) if (indexOf(required) < 0) problem(1, required, 'this column is missing');
  const fixed = new Set(CSV_FIXED_COLUMNS.map((c) => indexOf(c)).filter((i) => i >= 0));
  const optionColumns = columns.map((name, i) => ({ name: header[i], index: i })).filter((c) => !fixed.has(c.index) && c.name.trim() !== '');
  if (optionColumns.length === 0) problem(1, null, 'there is no option column after Criterion, Weight and Direction');

  // Rows cannot be read against a broken header; its problems are the ones to fix first.
  if (problems.length > 0) return refusal(problems);

  const draft: DecisionDraft = {
    title,
    context: '',
    options: optionColumns.map((c, i) => ({ id: `o${i}`, name: c.name, description: '' })),
    criteria: [],
    scores: [],
    outcome: OPEN_OUTCOME,
  };
  rows.forEach((cells, r) => {
    const row = r + 2;
    if (cells.length !== header.length) {
      problem(row, null, `has ${cells.length} cells but the header has ${header.length} (a decimal comma, like 1,5, splits a cell in two)`);
      return;
    }
    const cell = (name: string) => (indexOf(name) >= 0 ? cells[indexOf(name)] : undefined);
    const name = cell('Criterion') ?? '';
    if (name.trim() === '') problem(row, 'Criterion', 'the criterion name is empty');
    if (name.length > MAX_TEXT_LENGTH) problem(row, 'Criterion', `the name is longer than ${MAX_TEXT_LENGTH} characters`);
    if (hasLoneSurrogate(name)) problem(row, 'Criterion', 'the name holds half of a character (a lone UTF-16 surrogate)');
    const weightText = cell('Weight') ?? '';
    const weight = parseNumber(weightText);
    if (weightText.trim() === '') problem(row, 'Weight', 'the weight is empty');
    else if (weight === null) problem(row, 'Weight', numberProblem(weightText));
    else if (weight < 0) problem(row, 'Weight', 'a weight must be zero or more');
    const directionText = (cell('Direction') ?? '').trim().toLowerCase();
    const direction = directionSchema.safeParse(directionText);
    if (!direction.success) problem(row, 'Direction', `"${cell('Direction') ?? ''}" must be benefit or cost`);
    const bound = (column: 'Min' | 'Max', fallback: number) => {
      const text = cell(column);
      if (text === undefined || text.trim() === '') return fallback;
      const value = parseNumber(text);
      if (value === null) problem(row, column, numberProblem(text));
      return value ?? fallback;
    };
    const min = bound('Min', DEFAULT_SCALE.min);
    const max = bound('Max', DEFAULT_SCALE.max);
    if (!(min < max)) problem(row, 'Max', `the scale must run upwards (${min}–${max})`);
    const criterionId = `c${r}`;
    optionColumns.forEach((option, o) => {
      const text = cells[option.index];
      if (text.trim() === '') return;
      const value = parseNumber(text);
      if (value === null) problem(row, option.name, numberProblem(text));
      else if (value < min || value > max) problem(row, option.name, `${value} is outside the scale ${min}–${max}`);
      else draft.scores.push({ option: `o${o}`, criterion: criterionId, value, rationale: '', source: '' });
    });
    draft.criteria.push({
      id: criterionId,
      name,
      description: '',
      direction: direction.success ? direction.data : 'benefit',
      scale: { min, max, minLabel: '', maxLabel: '' },
      weight: weight ?? 0,
    });
  });
  if (rows.length === 0) problem(2, null, 'there are no criteria rows under the header');

  return problems.length > 0 ? refusal(problems) : ok(draft);
}

function refusal(problems: string[]): Result<never> {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return fail('invalid-input', `The CSV file was not imported:\n${listed.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`);
}
