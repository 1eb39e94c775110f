import type { Workbook } from 'exceljs';
import { fail, ok, type Result } from '../core/result';
import type { DecisionDraft } from '../core/interchange';
import { loadExcelJs } from './exceljs';
import { listProblems, readMatrixSheet, type SheetDraft } from './matrix-layout';
import { isFilled, readSheetNumber, readSheetText, textProblem, type SheetCell } from './sheet-cells';
import { readWorksheet, type ReadSheet } from './xlsx-cells';

/**
 * An .xlsx workbook, read as a person made it in Excel or LibreOffice: the Matrix sheet in the
 * spreadsheet layout (service/matrix-layout.ts), and beside it, each optional, a Rationale sheet
 * (Option, Criterion, Score, Rationale, Source), a Criteria sheet (Criterion, Description,
 * Min label, Max label) and an Options sheet (Option, Description). Rows name their option and
 * criterion as the Matrix sheet does. The Result sheet an export writes is for reading only.
 */
export const XLSX_SHEETS = { matrix: 'Matrix', rationale: 'Rationale', criteria: 'Criteria', options: 'Options', result: 'Result' } as const;
const REFUSED = 'The workbook was not imported:';

export async function xlsxToDraft(bytes: Buffer, title: string): Promise<Result<SheetDraft>> {
  const ExcelJs = await loadExcelJs();
  const workbook = new ExcelJs.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); at run time it takes Node's.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fail('invalid-input', 'The file is not an Excel workbook (.xlsx): save it from your spreadsheet as an Excel workbook (.xlsx), then import that.');
  }
  return readWorkbook(workbook, title);
}

/** Reads every sheet before anything is stored: a draft with its notes, or every problem. */
function readWorkbook(workbook: Workbook, title: string): Result<SheetDraft> {
  const notes: string[] = [];
  const sheet = (name: string) => workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
  let matrixSheet = sheet(XLSX_SHEETS.matrix);
  if (!matrixSheet) {
    matrixSheet = workbook.worksheets[0];
    if (!matrixSheet) return fail('invalid-input', `${REFUSED}\nthe workbook has no sheets`);
    notes.push(`no sheet is named "${XLSX_SHEETS.matrix}", so the first sheet, "${matrixSheet.name}", was read as the matrix`);
  }
  const sides = { rationale: sheet(XLSX_SHEETS.rationale), criteria: sheet(XLSX_SHEETS.criteria), options: sheet(XLSX_SHEETS.options) };
  const known = new Set([matrixSheet, sides.rationale, sides.criteria, sides.options, sheet(XLSX_SHEETS.result)]);
  for (const other of workbook.worksheets) if (!known.has(other)) notes.push(`sheet "${other.name}": not read`);

  const matrix = readWorksheet(matrixSheet, 'Criterion');
  const read = {
    rationale: sides.rationale && readWorksheet(sides.rationale, 'Option'),
    criteria: sides.criteria && readWorksheet(sides.criteria, 'Criterion'),
    options: sides.options && readWorksheet(sides.options, 'Option'),
  };
  const sheets = [matrix, read.rationale, read.criteria, read.options].filter((s): s is ReadSheet => Boolean(s));
  // Merged cells and formulas without a result come first: what the layout reads would be wrong.
  const unreadable = sheets.flatMap((s) => s.problems);
  if (unreadable.length > 0) return fail('invalid-input', listProblems(REFUSED, unreadable));
  for (const s of sheets) notes.push(...s.notes);

  const reading = readMatrixSheet({ header: matrix.header, rows: matrix.rows, decimalComma: true, place: matrix.place }, title);
  if (!reading.ok) return fail('invalid-input', listProblems(REFUSED, reading.problems));
  const { draft } = reading.value;
  notes.push(...reading.value.notes);
  const problems: string[] = [];
  const context = { draft, problems, notes };
  if (read.options) readOptions(read.options, context);
  if (read.criteria) readCriteria(read.criteria, context);
  if (read.rationale) readRationale(read.rationale, context);
  return problems.length > 0 ? fail('invalid-input', listProblems(REFUSED, problems)) : ok({ draft, notes });
}

interface Context {
  draft: DecisionDraft;
  problems: string[];
  notes: string[];
}

interface SideRow {
  number: number;
  cell(column: string): SheetCell;
  /** The column's index, for a place in a message (the key column when the column is absent). */
  index(column: string): number;
}

/**
 * The rows of a side sheet, its columns found by header; the first of `columns` (and any other
 * in `required`) must be there, unknown ones are named in a note.
 */
function sideRows(sheet: ReadSheet, columns: readonly string[], required: readonly string[], { problems, notes }: Context): SideRow[] {
  const found = new Map<string, number>();
  sheet.header.cells.forEach((cell, index) => {
    const header = readSheetText(cell).trim();
    const column = columns.find((c) => c.toLowerCase() === header.toLowerCase());
    if (column && !found.has(column)) found.set(column, index);
    else if (header !== '') notes.push(`${sheet.place(null, index)}: not read`);
  });
  const missing = required.filter((c) => !found.has(c));
  for (const column of missing) problems.push(`${sheet.place(sheet.header.number, null)}: there is no "${column}" column`);
  if (missing.length > 0) return [];
  return sheet.rows
    .filter((row) => row.cells.some(isFilled))
    .map((row) => ({
      number: row.number,
      cell: (column) => (found.has(column) ? (row.cells[found.get(column)!] ?? null) : null),
      index: (column) => found.get(column) ?? found.get(columns[0])!,
    }));
}

/** Finds the option or criterion a row names: as typed, else ignoring case; refused when none or several match. */
function finder(sheet: ReadSheet, kind: 'option' | 'criterion', names: readonly string[], problems: string[]) {
  return (row: SideRow, column: string): number | null => {
    const wanted = readSheetText(row.cell(column)).trim();
    const place = sheet.place(row.number, row.index(column));
    const matching = (same: (name: string) => boolean) => names.flatMap((name, i) => (same(name.trim()) ? [i] : []));
    let found = matching((name) => name === wanted);
    if (found.length === 0) found = matching((name) => name.toLowerCase() === wanted.toLowerCase());
    if (wanted === '') problems.push(`${place}: the ${kind} is empty`);
    else if (found.length === 0) problems.push(`${place}: the ${XLSX_SHEETS.matrix} sheet has no ${kind} named "${wanted}"`);
    else if (found.length > 1) problems.push(`${place}: ${found.length} ${kind === 'option' ? 'options' : 'criteria'} are named "${wanted}"; rename them so that each row names one`);
    return found.length === 1 ? found[0] : null;
  };
}

/** Text for the draft, with its problem (too long, half a character) reported at its place. */
function textOf(sheet: ReadSheet, row: SideRow, column: string, problems: string[]): string {
  const text = readSheetText(row.cell(column));
  const trouble = textProblem(text, 'text');
  if (trouble) problems.push(`${sheet.place(row.number, row.index(column))}: ${trouble}`);
  return text;
}

/** Each entry once: a second row for the same option, criterion or pair is refused. */
function once(sheet: ReadSheet, problems: string[]) {
  const seen = new Map<string, number>();
  return (key: string, row: SideRow, what: string): boolean => {
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`${sheet.place(row.number, null)}: ${what} is already in row ${earlier}`);
    else seen.set(key, row.number);
    return earlier === undefined;
  };
}

function readOptions(sheet: ReadSheet, context: Context): void {
  const { draft, problems } = context;
  const option = finder(sheet, 'option', draft.options.map((o) => o.name), problems);
  const first = once(sheet, problems);
  for (const row of sideRows(sheet, ['Option', 'Description'], ['Option'], context)) {
    const o = option(row, 'Option');
    if (o !== null && first(String(o), row, `the option "${draft.options[o].name}"`)) draft.options[o].description = textOf(sheet, row, 'Description', problems);
  }
}

function readCriteria(sheet: ReadSheet, context: Context): void {
  const { draft, problems } = context;
  const criterion = finder(sheet, 'criterion', draft.criteria.map((c) => c.name), problems);
  const first = once(sheet, problems);
  for (const row of sideRows(sheet, ['Criterion', 'Description', 'Min label', 'Max label'], ['Criterion'], context)) {
    const c = criterion(row, 'Criterion');
    if (c === null || !first(String(c), row, `the criterion "${draft.criteria[c].name}"`)) continue;
    const target = draft.criteria[c];
    target.description = textOf(sheet, row, 'Description', problems);
    target.scale = { ...target.scale, minLabel: textOf(sheet, row, 'Min label', problems), maxLabel: textOf(sheet, row, 'Max label', problems) };
  }
}

/**
 * Rationales and sources, cell by cell. The Score column is there to read beside them (an export
 * writes it as formulas showing the Matrix sheet's cells); the Matrix sheet holds the scores, so
 * a score here that differs is named in a note, not imported.
 */
function readRationale(sheet: ReadSheet, context: Context): void {
  const { draft, problems, notes } = context;
  const option = finder(sheet, 'option', draft.options.map((o) => o.name), problems);
  const criterion = finder(sheet, 'criterion', draft.criteria.map((c) => c.name), problems);
  const first = once(sheet, problems);
  for (const row of sideRows(sheet, ['Option', 'Criterion', 'Score', 'Rationale', 'Source'], ['Option', 'Criterion'], context)) {
    const o = option(row, 'Option');
    const c = criterion(row, 'Criterion');
    if (o === null || c === null) continue;
    const [optionId, criterionId] = [draft.options[o].id, draft.criteria[c].id];
    if (!first(`${o}:${c}`, row, `"${draft.options[o].name}" on "${draft.criteria[c].name}"`)) continue;
    let score = draft.scores.find((s) => s.option === optionId && s.criterion === criterionId);
    const typed = row.cell('Score');
    const value = readSheetNumber(typed, true);
    if (isFilled(typed) && !(value.ok && value.value === (score?.value ?? null))) {
      const shown = value.ok && value.value !== null ? String(value.value) : `"${readSheetText(typed)}"`;
      notes.push(`${sheet.place(row.number, row.index('Score'))}: ${shown} is not the ${XLSX_SHEETS.matrix} sheet's score (${score?.value ?? 'none'}); the ${XLSX_SHEETS.matrix} sheet's is the one imported`);
    }
    const rationale = textOf(sheet, row, 'Rationale', problems);
    const source = textOf(sheet, row, 'Source', problems);
    if (rationale === '' && source === '') continue;
    if (!score) draft.scores.push((score = { option: optionId, criterion: criterionId, value: null, rationale: '', source: '' }));
    score.rationale = rationale;
    score.source = source;
  }
}
