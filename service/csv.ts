import Papa from 'papaparse';
import type { Decision } from '../core/model';
import { fail, ok, type Result } from '../core/result';
import { listProblems, MATRIX_FIXED_COLUMNS, readMatrixSheet, type SheetDraft, type SheetRow } from './matrix-layout';
import { matrixTable } from './matrix-table';
import { neutraliseFormula } from './sheet-cells';

/**
 * The spreadsheet layout (service/matrix-layout.ts) as a CSV file, both ways. Export writes
 * commas, CRLF line ends, rationales and sources as `Rationale: <option>` and `Source: <option>`
 * columns, and neutralises formulas. Import reads what spreadsheets write: commas, semicolons or
 * tabs (found from the header, or an Excel `sep=` line), decimal commas where the separator is not
 * a comma, percentages, a byte-order mark.
 */
export { neutraliseFormula } from './sheet-cells';

export function decisionToCsv(decision: Decision): string {
  const table = matrixTable(decision, { scoreText: true }).map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormula(cell))));
  return `${Papa.unparse(table, { newline: '\r\n' })}\r\n`;
}

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];
const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
/** Excel's first line naming the separator (`sep=;`); Excel hides it, so rows count from the next line. */
const SEPARATOR_LINE = /^sep=([,;\t])\r?\n/i;

/**
 * The separator that splits the header into the most columns the layout knows (Criterion, Weight
 * …), then into the most columns; a comma when nothing tells them apart.
 */
function detectDelimiter(content: string): Delimiter {
  const known = new Set(MATRIX_FIXED_COLUMNS.map((c) => c.toLowerCase()));
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const header = Papa.parse<string[]>(content, { delimiter, preview: 1 }).data[0] ?? [];
    const score = header.filter((cell) => known.has(cell.trim().toLowerCase())).length * 10_000 + header.length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * Reads the whole file before anything is stored: either every row is valid and a draft comes
 * back with its notes, or every problem comes back with its row and column.
 */
export function csvToDraft(text: string, title: string): Result<SheetDraft> {
  let content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separatorLine = SEPARATOR_LINE.exec(content);
  if (separatorLine) content = content.slice(separatorLine[0].length);
  const delimiter = (separatorLine?.[1] as Delimiter | undefined) ?? detectDelimiter(content);
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: 'greedy', delimiter });
  const problems: string[] = [];
  for (const error of parsed.errors) {
    const row = `row ${(error.row ?? 0) + 1}`;
    if (error.code === 'MissingQuotes') problems.push(`${row}: a quoted cell is never closed (unterminated quote)`);
    else if (error.code === 'InvalidQuotes') problems.push(`${row}: a quote appears inside an unquoted cell`);
    else if (error.code !== 'UndetectableDelimiter') problems.push(`${row}: ${error.message}`);
  }
  const [header, ...records] = parsed.data;
  if (!header || header.length === 0) return fail('invalid-input', 'The file is empty: the first row must name the columns (Criterion, Weight, Direction, then one column per option).');
  // The layout needs at least Criterion, Weight and Direction: one column means the separator was not one of ours.
  if (header.length === 1) {
    return fail('invalid-input', listProblems('The CSV file was not imported:', ['row 1: the header has only one column: separate the columns with commas, semicolons or tabs']));
  }

  const rows: SheetRow[] = [];
  records.forEach((cells, r) => {
    const number = r + 2;
    if (cells.length === header.length) return void rows.push({ number, cells });
    const split = delimiter === ',' && cells.length > header.length ? ' (a decimal comma, like 1,5, splits a cell in two)' : '';
    problems.push(`row ${number}: has ${cells.length} cells but the header has ${header.length}${split}`);
  });
  const headerText = (column: number) => header[column]?.trim() ?? '';
  const reading = readMatrixSheet(
    {
      header: { number: 1, cells: header },
      rows,
      // Where the separator is not a comma, a comma is a decimal point, as in the spreadsheet that wrote it.
      decimalComma: delimiter !== ',',
      refusedRows: records.length - rows.length,
      place: (row, column) => {
        const name = column === null ? '' : headerText(column) ? `column "${headerText(column)}"` : `column ${column + 1}`;
        if (row === null) return name || 'the file';
        return name ? `row ${row}, ${name}` : `row ${row}`;
      },
    },
    title,
  );
  if (!reading.ok) problems.push(...reading.problems);
  if (problems.length > 0 || !reading.ok) return fail('invalid-input', listProblems(`The CSV file (separated by ${DELIMITER_NAMES[delimiter]}s) was not imported:`, problems));
  return ok(reading.value);
}
