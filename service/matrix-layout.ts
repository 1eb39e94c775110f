import { OPEN_OUTCOME, type DecisionDraft } from '../core/interchange';
import { DEFAULT_SCALE, directionSchema } from '../core/model';
import { isFilled, looksLikeNumber, readSheetNumber, readSheetText, restoreFormulaText, textProblem, type SheetCell } from './sheet-cells';

/**
 * The layout spreadsheet users already keep, read from a CSV file or a workbook's Matrix sheet:
 * one row per criterion, a weight, a direction, the scale's ends, and one column per option
 * holding that option's scores.
 *
 *   Criterion,Weight,Direction,Min,Max,PyTorch,TensorFlow,Notes
 *   Ease of use,25,benefit,1,5,5,3,checked by Ana
 *
 * Columns are found by their header, in any order. Any other column is an option, unless none
 * of its cells looks like a number: then it is notes (like "Notes" above), left out and named in
 * a note. An empty column is an option nobody has scored yet. `Rationale: <option>` and
 * `Source: <option>` columns hold the why and where-from of that option's scores.
 */
export const MATRIX_FIXED_COLUMNS = ['Criterion', 'Weight', 'Direction', 'Min', 'Max'] as const;
type FixedColumn = Lowercase<(typeof MATRIX_FIXED_COLUMNS)[number]>;
const REQUIRED_COLUMNS: readonly FixedColumn[] = ['criterion', 'weight', 'direction'];
const SCORE_TEXT_COLUMN = /^(rationale|source)\s*:\s*(.*)$/i;
/** As many as the decision format allows. */
const MAX_ENTRIES = 1000;
/** The most problems listed for one file; past that the list says how many more there were. */
const MAX_LISTED_PROBLEMS = 50;

export interface SheetRow {
  /** The row's number as the person sees it in their spreadsheet. */
  number: number;
  cells: SheetCell[];
}

export interface MatrixSheet {
  header: SheetRow;
  rows: SheetRow[];
  /** Whether "1,5" in a text cell is 1.5 (see readSheetNumber). */
  decimalComma: boolean;
  /** A cell's place in the words of its file; a null column is the whole row, a null row the whole column. */
  place(row: number | null, column: number | null): string;
  /** Rows the caller already refused and left out (a CSV row with too many cells): the sheet is not empty. */
  refusedRows?: number;
}

/** What an import brings: the decision, and what the person should know about how it was read. */
export interface SheetDraft {
  draft: DecisionDraft;
  notes: string[];
}

export type SheetReading = { ok: true; value: SheetDraft } | { ok: false; problems: string[] };

/** One message listing every problem (up to 50, then how many more), after a line saying what was refused. */
export function listProblems(refused: string, problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return `${refused}\n${listed.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`;
}

interface Columns {
  fixed: Map<FixedColumn, number>;
  options: { name: string; index: number }[];
  /** Per option (by position): the column of its rationales and of its sources. */
  scoreText: { rationale?: number; source?: number }[];
}

/**
 * Reads the whole sheet before anything is stored: either every row is valid and a draft comes
 * back (with notes on columns left out and scales not given), or every problem, each with its place.
 */
export function readMatrixSheet(sheet: MatrixSheet, title: string): SheetReading {
  const problems: string[] = [];
  const notes: string[] = [];
  const say = (to: string[]) => (row: number | null, column: number | null, message: string) => {
    to.push(`${sheet.place(row, column)}: ${message}`);
  };
  const problem = say(problems);
  const note = say(notes);

  const columns = readHeader(sheet, problem, note);
  // Rows cannot be read against a broken header; its problems are the ones to fix first.
  if (problems.length > 0 || !columns) return { ok: false, problems };
  const { fixed, options, scoreText } = columns;
  const cellAt = (row: SheetRow, index: number | undefined): SheetCell => (index === undefined ? null : (row.cells[index] ?? null));

  const draft: DecisionDraft = {
    title,
    context: '',
    options: options.map((o, i) => ({ id: `o${i}`, name: o.name, description: '' })),
    criteria: [],
    scores: [],
    outcome: OPEN_OUTCOME,
  };
  for (const row of sheet.rows) {
    // A blank row is spacing, as a workbook often has; it is not a criterion.
    if (!row.cells.some(isFilled)) continue;
    const at = row.number;
    const cell = (name: FixedColumn) => cellAt(row, fixed.get(name));
    const name = readSheetText(cell('criterion'));
    const nameProblem = textProblem(name, 'name');
    if (nameProblem) problem(at, fixed.get('criterion')!, nameProblem === 'the name is empty' ? 'the criterion name is empty' : nameProblem);

    const weightCell = cell('weight');
    const weight = readSheetNumber(weightCell, sheet.decimalComma);
    if (!isFilled(weightCell)) problem(at, fixed.get('weight')!, 'the weight is empty');
    else if (!weight.ok) problem(at, fixed.get('weight')!, weight.error.message);
    else if (weight.value! < 0) problem(at, fixed.get('weight')!, 'a weight must be zero or more');

    const directionText = readSheetText(cell('direction'));
    const direction = directionSchema.safeParse(directionText.trim().toLowerCase());
    if (!direction.success) problem(at, fixed.get('direction')!, `"${directionText}" must be benefit or cost`);

    const bound = (end: 'min' | 'max', fallback: number) => {
      const index = fixed.get(end);
      const text = cellAt(row, index);
      if (index === undefined) return fallback;
      if (!isFilled(text)) {
        note(at, index, `empty, so the scale of "${name}" ${end === 'min' ? 'starts' : 'ends'} at ${fallback}`);
        return fallback;
      }
      const value = readSheetNumber(text, sheet.decimalComma);
      if (!value.ok) problem(at, index, value.error.message);
      return value.ok ? value.value! : fallback;
    };
    const min = bound('min', DEFAULT_SCALE.min);
    const max = bound('max', DEFAULT_SCALE.max);
    if (!(min < max)) problem(at, fixed.get('max') ?? fixed.get('min') ?? null, `the scale must run upwards (${min}–${max})`);

    const criterionId = `c${draft.criteria.length}`;
    options.forEach((option, o) => {
      const typed = cellAt(row, option.index);
      const read = readSheetNumber(typed, sheet.decimalComma);
      let value: number | null = null;
      if (!read.ok) problem(at, option.index, read.error.message);
      else if (read.value !== null && (read.value < min || read.value > max)) problem(at, option.index, `${typedAs(typed, read.value)} is outside the scale ${min}–${max}`);
      else value = read.value;
      const text = (index: number | undefined) => {
        const written = readSheetText(cellAt(row, index));
        const trouble = textProblem(written, 'text');
        if (trouble) problem(at, index!, trouble);
        return written;
      };
      const rationale = text(scoreText[o].rationale);
      const source = text(scoreText[o].source);
      // A rationale may come before its score, as in the app: the cell is kept, unscored.
      if (value !== null || rationale !== '' || source !== '') draft.scores.push({ option: `o${o}`, criterion: criterionId, value, rationale, source });
    });
    draft.criteria.push({
      id: criterionId,
      name,
      description: '',
      direction: direction.success ? direction.data : 'benefit',
      scale: { min, max, minLabel: '', maxLabel: '' },
      weight: weight.ok ? (weight.value ?? 0) : 0,
    });
  }
  const headerRow = sheet.header.number;
  if (draft.criteria.length === 0 && !sheet.refusedRows) problem(headerRow + 1, null, 'there are no criteria rows under the header');
  if (draft.criteria.length > MAX_ENTRIES) problem(null, null, `there are ${draft.criteria.length} criteria rows; at most ${MAX_ENTRIES} can be imported`);
  if (!fixed.has('min') && !fixed.has('max')) note(headerRow, null, `there are no Min and Max columns, so every criterion is scored from ${DEFAULT_SCALE.min} to ${DEFAULT_SCALE.max}`);
  else if (!fixed.has('min')) note(headerRow, null, `there is no Min column, so every scale starts at ${DEFAULT_SCALE.min}`);
  else if (!fixed.has('max')) note(headerRow, null, `there is no Max column, so every scale ends at ${DEFAULT_SCALE.max}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { draft, notes } };
}

/** A refused value as typed when that says more than the number read from it ("80%" (80)). */
function typedAs(typed: SheetCell, value: number): string {
  return typeof typed === 'string' && typed.trim() !== String(value) ? `"${typed.trim()}" (${value})` : String(value);
}

type Say = (row: number | null, column: number | null, message: string) => void;

/** Which column is which; null when a required column is missing (already reported). */
function readHeader(sheet: MatrixSheet, problem: Say, note: Say): Columns | null {
  const headerRow = sheet.header.number;
  const fixed = new Map<FixedColumn, number>();
  const candidates: { name: string; index: number }[] = [];
  const texts: { field: 'rationale' | 'source'; option: string; index: number }[] = [];
  const seen = new Set<string>();
  const columnIsEmpty = (index: number) => sheet.rows.every((row) => !isFilled(row.cells[index]));
  sheet.header.cells.forEach((cell, index) => {
    const name = readSheetText(cell);
    const key = name.trim().toLowerCase();
    if (key === '') {
      // Spreadsheets often save a few empty columns past the table; only one with content needs a header.
      if (!columnIsEmpty(index)) problem(headerRow, index, 'the header is empty');
      return;
    }
    const trouble = textProblem(name, 'name');
    if (trouble) return problem(headerRow, index, trouble.replace('the name', 'the header'));
    if (seen.has(key)) return problem(headerRow, index, 'this header appears twice');
    seen.add(key);
    const fixedName = MATRIX_FIXED_COLUMNS.find((c) => c.toLowerCase() === key);
    const scoreText = SCORE_TEXT_COLUMN.exec(name.trim());
    if (fixedName) fixed.set(fixedName.toLowerCase() as FixedColumn, index);
    else if (scoreText) texts.push({ field: scoreText[1].toLowerCase() as 'rationale' | 'source', option: restoreFormulaText(scoreText[2].trim()), index });
    else candidates.push({ name, index });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!fixed.has(required)) problem(headerRow, null, `there is no "${MATRIX_FIXED_COLUMNS.find((c) => c.toLowerCase() === required)}" column`);
  }
  const options = candidates.filter((column) => {
    const filled = sheet.rows.map((row) => row.cells[column.index] ?? null).filter(isFilled);
    if (filled.length === 0 || filled.some(looksLikeNumber)) return true;
    note(null, column.index, 'not read: its cells are text, not scores, so it is not taken as an option');
    return false;
  });
  if (options.length === 0 && fixed.has('criterion')) problem(headerRow, null, 'there is no option column: after Criterion, Weight and Direction, give each option a column of scores');
  if (options.length > MAX_ENTRIES) problem(headerRow, null, `there are ${options.length} option columns; at most ${MAX_ENTRIES} can be imported`);
  const scoreText = options.map(() => ({}) as Columns['scoreText'][number]);
  for (const text of texts) {
    const o = options.findIndex((option) => option.name.trim().toLowerCase() === text.option.toLowerCase());
    if (o < 0) problem(headerRow, text.index, `there is no option column named "${text.option}" for these ${text.field === 'rationale' ? 'rationales' : 'sources'}`);
    else scoreText[o][text.field] = text.index;
  }
  return REQUIRED_COLUMNS.every((c) => fixed.has(c)) ? { fixed, options, scoreText } : null;
}
