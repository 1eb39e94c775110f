import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { SheetRow } from './matrix-layout';
import { isFilled, readSheetText, type SheetCell } from './sheet-cells';

/**
 * A worksheet as the importers read it: each cell as the person sees it (a formula by its saved
 * result, a percentage by the number shown), rows numbered as in the spreadsheet, and problems
 * for what cannot be read (merged cells, a formula never calculated, an error value).
 */
export interface ReadSheet {
  name: string;
  header: SheetRow;
  rows: SheetRow[];
  place(row: number | null, column: number | null): string;
  problems: string[];
  notes: string[];
}

/** A column's letters as the spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const asPercentage = (cell: Cell) => typeof cell.numFmt === 'string' && cell.numFmt.replace(/"[^"]*"/g, '').includes('%');

/**
 * A cell shown as a percentage holds a fraction (19.8 % is 0.198) but the person typed and sees
 * 19.8, so it is read as 19.8, as "19.8%" typed as text is. Rounded to 15 digits so that 0.07
 * reads as 7, not 7.000000000000001.
 */
const shownNumber = (cell: Cell, value: number) => (asPercentage(cell) ? Number((value * 100).toPrecision(15)) : value);

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** A cell's value as a SheetCell, or why it cannot be read. */
function readValue(cell: Cell, value: CellValue): { cell: SheetCell } | { problem: string } {
  if (value === null || value === undefined) return { cell: null };
  if (typeof value === 'number') return { cell: shownNumber(cell, value) };
  if (typeof value === 'string') return { cell: value };
  if (typeof value === 'boolean') return { cell: value ? 'TRUE' : 'FALSE' };
  // A date is text here: in a score it is then "not a number", and the person sees what the spreadsheet made of what they typed.
  if (value instanceof Date) return { cell: dateText(value) };
  if ('error' in value) return { problem: `the cell shows the error ${value.error}` };
  if ('richText' in value) return { cell: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) return { cell: value.text };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    // The result a spreadsheet saved is what the person saw; a formula nobody calculated has none.
    // exceljs's value leaves out a result that is falsy (a score of 0, an empty text): the cell has it.
    const saved = value.result ?? (cell.result as CellValue | undefined);
    if (saved === undefined || saved === null) {
      return { problem: `the formula =${formula} has no saved result: open the file in a spreadsheet and save it, or type the value` };
    }
    const result = readValue(cell, saved as CellValue);
    return 'problem' in result ? { problem: `the formula =${formula} gives an error (${result.problem.replace(/^the cell shows the error /, '')})` } : result;
  }
  return { problem: 'the cell holds something other than a number or text' };
}

/**
 * Reads a worksheet into rows. The header is the first row holding `key` (e.g. "Criterion"), so
 * a title above the table is skipped (and named in a note); without one, the first row with
 * anything in it. Merged cells are refused: a merged header leaves columns without a name, and a
 * merged score would count for several cells.
 */
export function readWorksheet(worksheet: Worksheet, key: string): ReadSheet {
  const name = worksheet.name;
  const cellProblems: { row: number; column: number; message: string }[] = [];
  const notes: string[] = [];
  const grid: SheetRow[] = [];
  // Only rows and cells with values are visited: a sheet formatted down to row 1,048,576 stays quick.
  worksheet.eachRow((row, r) => {
    const cells: SheetCell[] = [];
    row.eachCell((cell, c) => {
      // Merged cells are refused below (at or under the header); a merged title above the table is not read.
      // Only the first cell of a merge holds its value: the others would repeat it.
      const read = cell.isMerged && cell.master.address !== cell.address ? { cell: null } : readValue(cell, cell.value);
      if ('problem' in read) cellProblems.push({ row: r, column: c - 1, message: read.problem });
      cells[c - 1] = 'cell' in read ? read.cell : null;
    });
    grid.push({ number: r, cells });
  });
  // Every row as wide as the widest, so a value in a column without a header is seen (and refused).
  const width = Math.max(0, ...grid.map((row) => row.cells.length));
  for (const row of grid) row.cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? null);
  const keyed = grid.findIndex((row) => row.cells.some((cell) => typeof cell === 'string' && cell.trim().toLowerCase() === key.toLowerCase()));
  const start = keyed >= 0 ? keyed : Math.max(0, grid.findIndex((row) => row.cells.some(isFilled)));
  const header = grid[start] ?? { number: 1, cells: [] };
  if (grid.slice(0, start).some((row) => row.cells.some(isFilled))) {
    const above = header.number - 1;
    notes.push(`sheet "${name}", ${above === 1 ? 'row 1' : `rows 1–${above}`}: above the header, not read`);
  }
  const problems: string[] = [];
  for (const range of (worksheet.model as { merges?: string[] }).merges ?? []) {
    const [top, bottom = top] = (range.match(/\d+/g) ?? []).map(Number);
    const fix = top <= header.number ? 'unmerge them so that each column has its own header' : 'unmerge them and fill in each cell';
    if (bottom >= header.number) problems.push(`sheet "${name}", cells ${range}: the cells are merged; ${fix}`);
  }
  const headerText = (column: number) => readSheetText(header.cells[column]).trim();
  const place = (row: number | null, column: number | null) => {
    const where = column === null ? '' : `column ${columnLetters(column)}${headerText(column) ? ` ("${headerText(column)}")` : ''}`;
    return [`sheet "${name}"`, row === null ? '' : `row ${row}`, where].filter(Boolean).join(', ');
  };
  // What cannot be read above the header (a title's formula) does not matter: it is not read.
  problems.push(...cellProblems.filter((p) => p.row >= header.number).map((p) => `${place(p.row, p.column)}: ${p.message}`));
  return { name, header, rows: grid.slice(start + 1), problems, notes, place };
}
