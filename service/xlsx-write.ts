import type { Workbook, Worksheet } from 'exceljs';
import type { Decision } from '../core/model';
import { buildReport } from '../core/report';
import { loadExcelJs } from './exceljs';
import { MATRIX_FIXED_COLUMNS } from './matrix-layout';
import { asExported, matrixTable } from './matrix-table';
import { neutraliseFormula, type SheetCell } from './sheet-cells';
import { columnLetters } from './xlsx-cells';
import { XLSX_SHEETS } from './xlsx-read';

/**
 * A decision as an .xlsx workbook: the sheets xlsx-read.ts reads back (Matrix, Rationale,
 * Criteria, Options) and a Result sheet with the method, the ranking and the totals, computed by
 * core/report.ts as every other export is. Text a spreadsheet would run as a formula gets a
 * leading apostrophe, as in the CSV, so a cell edited and re-entered stays text.
 */
export async function decisionToXlsx(decision: Decision): Promise<Buffer> {
  const ExcelJs = await loadExcelJs();
  const workbook = new ExcelJs.Workbook();
  workbook.creator = 'Decision Matrix';
  // The decision's own time, not the export's: the same decision gives the same workbook.
  const changed = new Date(decision.updatedAt);
  if (!Number.isNaN(changed.getTime())) workbook.created = workbook.modified = changed;

  const matrix = addSheet(workbook, XLSX_SHEETS.matrix, matrixTable(decision, { scoreText: false }), [32, 10, 10, 8, 8]);
  matrix.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  const score = new Map(decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s]));
  const rationale = addSheet(
    workbook,
    XLSX_SHEETS.rationale,
    [
      ['Option', 'Criterion', 'Score', 'Rationale', 'Source'],
      ...decision.criteria.flatMap((c) =>
        decision.options.map((o) => {
          const cell = score.get(`${o.id}:${c.id}`);
          return [o.name, c.name, null, cell?.rationale || null, cell?.source || null];
        }),
      ),
    ],
    [24, 32, 8, 60, 40],
  );
  // Each score here is the Matrix sheet's cell, so a spreadsheet keeps the two in step as scores change.
  decision.criteria.forEach((c, i) =>
    decision.options.forEach((o, j) => {
      const value = score.get(`${o.id}:${c.id}`)?.value ?? null;
      const matrixCell = `${XLSX_SHEETS.matrix}!${columnLetters(MATRIX_FIXED_COLUMNS.length + j)}${i + 2}`;
      rationale.getCell(2 + i * decision.options.length + j, 3).value = value === null ? null : { formula: matrixCell, result: value };
    }),
  );
  addSheet(
    workbook,
    XLSX_SHEETS.criteria,
    [['Criterion', 'Description', 'Min label', 'Max label'], ...decision.criteria.map((c) => [c.name, c.description || null, c.scale.minLabel || null, c.scale.maxLabel || null])],
    [32, 60, 28, 28],
  );
  addSheet(workbook, XLSX_SHEETS.options, [['Option', 'Description'], ...decision.options.map((o) => [o.name, o.description || null])], [24, 60]);
  addResult(workbook, decision);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: Workbook, name: string, rows: SheetCell[][], widths: number[]): Worksheet {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const columns = Math.max(widths.length, rows[0]?.length ?? 0);
  for (let c = 1; c <= columns; c++) sheet.getColumn(c).width = widths[c - 1] ?? 14;
  return sheet;
}

const PERCENT = '0.0%';

/**
 * The outcome as computed when exported, with the weights as the Matrix sheet writes them; import
 * does not read it (the other sheets hold the decision).
 */
function addResult(workbook: Workbook, decision: Decision): void {
  const sheet = workbook.addWorksheet(XLSX_SHEETS.result);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 32;
  for (const c of [3, 4, 5]) sheet.getColumn(c).width = 14;
  const line = (...cells: SheetCell[]) => sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  const heading = (...cells: string[]) => (line(...cells).font = { bold: true });
  line('Decision', decision.title);
  line('Written by Decision Matrix for reading: importing reads the other sheets, and this one does not change when they do.');
  line();
  const report = buildReport(asExported(decision));
  if (!report.ok) {
    line('Result', report.error.message);
    return;
  }
  const { status, chosenOption, outcomeReason, weighting, ranking, criteria, method } = report.value;
  line('Status', status === 'decided' ? `decided${chosenOption ? `: ${chosenOption}` : ''}` : 'open');
  if (outcomeReason) line('Reason', outcomeReason);
  weighting.forEach((text, i) => line(i === 0 ? 'Weighting' : null, text));
  line();
  heading('Rank', 'Option', 'Total', 'Complete', 'Missing scores');
  for (const row of ranking) {
    const added = line(row.rank, row.name, row.total, row.complete ? 'yes' : 'no', row.missingCriterionNames.join(', ') || null);
    added.getCell(3).numFmt = PERCENT;
  }
  line();
  heading('Criterion', 'Weight', 'Direction');
  for (const c of criteria) line(c.name, c.share, c.direction).getCell(2).numFmt = PERCENT;
  line();
  method.forEach((text, i) => line(i === 0 ? 'How totals are computed' : null, text));
}
