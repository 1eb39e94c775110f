import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { draftAsDecision } from '../core/interchange';
import type { Decision } from '../core/model';
import { pytorchVsTensorflow } from '../core/templates/pytorch-vs-tensorflow';
import { xlsxToDraft } from './xlsx-read';
import { decisionToXlsx } from './xlsx-write';

const seeded = (): Decision => ({ id: 1, context: '', createdAt: '', updatedAt: '2026-01-01T00:00:00.000Z', ...draftAsDecision(pytorchVsTensorflow.decision) });

const asDecision = (draft: Parameters<typeof draftAsDecision>[0]): Decision => ({ id: 2, context: '', createdAt: '', updatedAt: '2026-01-01T00:00:00.000Z', ...draftAsDecision(draft) });

async function load(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

/** Every sheet's cell values, row by row: what "the same workbook" means here. */
async function cellValues(bytes: Buffer): Promise<Record<string, unknown[]>> {
  const workbook = await load(bytes);
  return Object.fromEntries(workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues().map((row) => (Array.isArray(row) ? [...row] : row))]));
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function imported(bytes: Buffer, title = 'Imported') {
  const result = await xlsxToDraft(bytes, title);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function problemsOf(bytes: Buffer): Promise<string[]> {
  const result = await xlsxToDraft(bytes, 'Imported');
  if (result.ok) throw new Error('expected the workbook to be refused');
  const [first, ...problems] = result.error.message.split('\n');
  expect(first).toBe('The workbook was not imported:');
  return problems;
}

/** A Matrix sheet written by hand: a header row, then the rows given. */
function handMade(rows: ExcelJS.CellValue[][], header: string[] = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', 'Kafka', 'RabbitMQ']) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Matrix');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return { workbook, sheet };
}

describe('decisionToXlsx', () => {
  it('writes the Matrix, Rationale, Criteria, Options and Result sheets', async () => {
    const values = await cellValues(await decisionToXlsx(seeded()));
    expect(Object.keys(values)).toEqual(['Matrix', 'Rationale', 'Criteria', 'Options', 'Result']);
    expect(values.Matrix[1]).toEqual([undefined, 'Criterion', 'Weight', 'Direction', 'Min', 'Max', 'PyTorch', 'TensorFlow']);
    expect(values.Matrix[2]).toEqual([undefined, 'Ease of use', 25, 'benefit', 1, 5, 5, 3]);
    expect(values.Rationale[1]).toEqual([undefined, 'Option', 'Criterion', 'Score', 'Rationale', 'Source']);
    expect((values.Rationale[2] as unknown[]).slice(1, 4)).toEqual(['PyTorch', 'Ease of use', { formula: 'Matrix!F2', result: 5 }]);
    expect((values.Rationale[3] as unknown[]).slice(1, 4)).toEqual(['TensorFlow', 'Ease of use', { formula: 'Matrix!G2', result: 3 }]);
    expect(values.Criteria[2]).toEqual([undefined, 'Ease of use', expect.stringContaining('productive'), 'steep learning curve, hard to debug', 'plain Python, debug with pdb']);
    const result = (values.Result as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(result).toContainEqual(['Rank', 'Option', 'Total', 'Complete', 'Missing scores']);
    const pytorch = result.find((row) => row[1] === 'PyTorch')!;
    expect(pytorch[0]).toBe(1);
    expect(pytorch[2]).toBeCloseTo(0.8375, 4);
    expect(result).toContainEqual(['Weighting', 'Weighting method: Direct weights.']);
  });

  it('neutralises formula-like text and reads it back without the apostrophe', async () => {
    const decision = seeded();
    decision.options[0].name = '=SUM(1)';
    decision.options[1].name = "'=SUM(2)";
    decision.scores[0].rationale = '+cmd';
    const bytes = await decisionToXlsx(decision);
    const values = await cellValues(bytes);
    expect((values.Matrix[1] as unknown[]).slice(6)).toEqual(["'=SUM(1)", "''=SUM(2)"]);
    const { draft } = await imported(bytes);
    expect(draft.options.map((o) => o.name)).toEqual(['=SUM(1)', "'=SUM(2)"]);
    expect(draft.scores.find((s) => s.option === 'o0' && s.criterion === 'c0')?.rationale).toBe('+cmd');
  });

  it('round-trips: export → import → export gives the same cells, with every rationale, source, description and label', async () => {
    const decision = seeded();
    decision.criteria[0].weight = 19.757520785401336;
    decision.scores = decision.scores.filter((s) => !(s.optionId === 2 && s.criterionId === 3));
    decision.scores.push({ optionId: 2, criterionId: 3, value: null, rationale: 'Not measured yet', source: '' });
    const first = await decisionToXlsx(decision);
    const { draft, notes } = await imported(first, decision.title);
    expect(notes).toEqual([]);
    const again = asDecision(draft);
    expect(again.options.map((o) => [o.name, o.description])).toEqual(decision.options.map((o) => [o.name, o.description]));
    expect(again.criteria.map((c) => [c.name, c.description, c.scale])).toEqual(decision.criteria.map((c) => [c.name, c.description, c.scale]));
    expect(await cellValues(await decisionToXlsx(again))).toEqual(await cellValues(first));
  });

  it('round-trips a score of 0, which the Rationale sheet shows through a formula', async () => {
    const decision = seeded();
    for (const c of decision.criteria) c.scale = { ...c.scale, min: 0 };
    decision.scores[0].value = 0;
    const { draft, notes } = await imported(await decisionToXlsx(decision), decision.title);
    expect(notes).toEqual([]);
    expect(draft.scores.filter((s) => s.value === 0)).toHaveLength(1);
  });
});

describe('xlsxToDraft', () => {
  it('reads a workbook typed by hand: a title above, numbers stored as text, decimal commas, percentages, a formula, a Notes column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Matrix');
    sheet.addRow(['Queue choice, spring 2026']);
    sheet.mergeCells('A1:C1');
    sheet.addRow([]);
    sheet.addRow(['Criterion', 'Weight', 'Direction', 'Min', 'Max', 'Kafka', 'RabbitMQ', 'Notes']);
    sheet.addRow(['Throughput', '19,8%', 'Benefit', '1', '5', '4,5', 3, 'checked by Ana']);
    const cost = sheet.addRow(['Cost', 0.802, 'cost', 0, 10, { formula: 'D5+7', result: 7 }, '2,25']);
    cost.getCell(2).numFmt = '0.0%';
    const rationale = workbook.addWorksheet('Rationale');
    rationale.addRow(['Option', 'Criterion', 'Score', 'Rationale', 'Source']);
    rationale.addRow(['Kafka', 'Throughput', 4.5, 'Benchmarked at 1M msg/s', 'https://example.org/bench']);
    rationale.addRow(['rabbitmq', 'cost', null, 'Licence to be checked']);
    const criteria = workbook.addWorksheet('Criteria');
    criteria.addRow(['Criterion', 'Description', 'Min label', 'Max label']);
    criteria.addRow(['Cost', 'Yearly, all in', 'free', 'costly']);

    const { draft, notes } = await imported(await bytesOf(workbook), 'Queues');
    expect(draft.title).toBe('Queues');
    expect(draft.options.map((o) => o.name)).toEqual(['Kafka', 'RabbitMQ']);
    expect(draft.criteria.map((c) => [c.name, c.weight, c.direction, c.scale])).toEqual([
      ['Throughput', 19.8, 'benefit', { min: 1, max: 5, minLabel: '', maxLabel: '' }],
      ['Cost', 80.2, 'cost', { min: 0, max: 10, minLabel: 'free', maxLabel: 'costly' }],
    ]);
    expect(draft.criteria[1].description).toBe('Yearly, all in');
    expect(draft.scores.map((s) => [s.option, s.criterion, s.value, s.rationale, s.source])).toEqual([
      ['o0', 'c0', 4.5, 'Benchmarked at 1M msg/s', 'https://example.org/bench'],
      ['o1', 'c0', 3, '', ''],
      ['o0', 'c1', 7, '', ''],
      ['o1', 'c1', 2.25, 'Licence to be checked', ''],
    ]);
    expect(notes).toEqual(['sheet "Matrix", rows 1–2: above the header, not read', 'sheet "Matrix", column H ("Notes"): not read: its cells are text, not scores, so it is not taken as an option']);
  });

  it('reads the first sheet when none is named Matrix, says so, and names the sheets it did not read', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRows([
      ['Criterion', 'Weight', 'Direction', 'A'],
      ['Speed', 1, 'benefit', 4],
    ]);
    workbook.addWorksheet('Budget').addRow(['Total', 100]);
    const { draft, notes } = await imported(await bytesOf(workbook));
    expect(draft.options.map((o) => o.name)).toEqual(['A']);
    expect(notes).toEqual([
      'no sheet is named "Matrix", so the first sheet, "Sheet1", was read as the matrix',
      'sheet "Budget": not read',
      'sheet "Sheet1", row 1: there are no Min and Max columns, so every criterion is scored from 1 to 5',
    ]);
  });

  it('notes a score on the Rationale sheet that differs from the Matrix sheet, and keeps the Matrix one', async () => {
    const { workbook } = handMade([['Speed', 1, 'benefit', 1, 5, 4, 3]]);
    workbook.addWorksheet('Rationale').addRows([
      ['Option', 'Criterion', 'Score', 'Rationale'],
      ['Kafka', 'Speed', 5, 'fast'],
    ]);
    const { draft, notes } = await imported(await bytesOf(workbook));
    expect(draft.scores[0]).toMatchObject({ value: 4, rationale: 'fast' });
    expect(notes).toEqual(['sheet "Rationale", row 2, column C ("Score"): 5 is not the Matrix sheet\'s score (4); the Matrix sheet\'s is the one imported']);
  });

  it('refuses merged header cells, naming them', async () => {
    const { workbook, sheet } = handMade([['Speed', 1, 'benefit', 1, 5, 4, 3]], ['Criterion', 'Weight', 'Direction', 'Min', 'Max', 'Options', '']);
    sheet.mergeCells('F1:G1');
    expect(await problemsOf(await bytesOf(workbook))).toEqual(['sheet "Matrix", cells F1:G1: the cells are merged; unmerge them so that each column has its own header']);
  });

  it('refuses a formula with no saved result and one that shows an error, naming sheet, row and column', async () => {
    const { workbook } = handMade([
      ['Speed', { formula: 'H9*2' }, 'benefit', 1, 5, 4, 3],
      ['Cost', 1, 'cost', 1, 5, { formula: '1/0', result: { error: '#DIV/0!' } }, 3],
    ]);
    expect(await problemsOf(await bytesOf(workbook))).toEqual([
      'sheet "Matrix", row 2, column B ("Weight"): the formula =H9*2 has no saved result: open the file in a spreadsheet and save it, or type the value',
      'sheet "Matrix", row 3, column F ("Kafka"): the formula =1/0 gives an error (#DIV/0!)',
    ]);
  });

  it('lists every problem with its sheet, row and column, and stores nothing', async () => {
    const { workbook } = handMade([
      ['Speed', '1,500', 'sideways', 1, 5, 9, 'high'],
      ['', 2, 'benefit', 1, 5, 3, 3],
    ]);
    workbook.addWorksheet('Rationale').addRows([
      ['Option', 'Criterion', 'Rationale'],
      ['Kafak', 'Speed', 'typo in the option'],
    ]);
    expect(await problemsOf(await bytesOf(workbook))).toEqual([
      'sheet "Matrix", row 2, column B ("Weight"): "1,500" could be read two ways: write 1.500 or 1500',
      'sheet "Matrix", row 2, column C ("Direction"): "sideways" must be benefit or cost',
      'sheet "Matrix", row 2, column F ("Kafka"): 9 is outside the scale 1–5',
      'sheet "Matrix", row 2, column G ("RabbitMQ"): "high" is not a number',
      'sheet "Matrix", row 3, column A ("Criterion"): the criterion name is empty',
    ]);
    const fixed = handMade([['Speed', 1, 'benefit', 1, 5, 4, 3]]);
    fixed.workbook.addWorksheet('Rationale').addRows([
      ['Option', 'Criterion', 'Rationale'],
      ['Kafak', 'Speed', 'typo in the option'],
    ]);
    expect(await problemsOf(await bytesOf(fixed.workbook))).toEqual(['sheet "Rationale", row 2, column A ("Option"): the Matrix sheet has no option named "Kafak"']);
  });

  it('refuses a file that is not a workbook, saying what to do', async () => {
    const result = await xlsxToDraft(Buffer.from('Criterion,Weight\n'), 'x');
    expect(result).toMatchObject({ ok: false, error: { message: 'The file is not an Excel workbook (.xlsx): save it from your spreadsheet as an Excel workbook (.xlsx), then import that.' } });
  });
});
