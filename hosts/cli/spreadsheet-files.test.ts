import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../db/test/temporary-store';
import { runCli } from './test/run-cli';

/** `score`, `analyse` and `export` read .xlsx and .csv files as the app imports them; `export` writes .xlsx. */
const folder = temporaryFolder();

const run = runCli;

async function seedJson(): Promise<string> {
  const file = join(folder(), 'seed.json');
  writeFileSync(file, (await run('template', 'pytorch-vs-tensorflow')).out);
  return file;
}

const totals = (out: string) => Object.fromEntries(JSON.parse(out).ranking.map((r: { name: string; total: number }) => [r.name, r.total]));

describe('spreadsheet files on the command line', () => {
  it('exports seed.xlsx; a score changed there by another library shows in `score seed.xlsx`', async () => {
    const seed = await seedJson();
    const workbookFile = join(folder(), 'seed.xlsx');
    expect(await run('export', seed, '--out', workbookFile)).toMatchObject({ code: 0, out: `wrote ${workbookFile}\n` });
    const before = totals((await run('score', workbookFile)).out);
    expect(before).toEqual(totals((await run('score', seed)).out));

    // TensorFlow's "Ease of use" from 3 to 5 on 1–5, weighted 25 of 100: its total rises by 0.25 × 2/4.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookFile);
    const matrix = workbook.getWorksheet('Matrix')!;
    expect([matrix.getCell('A2').value, matrix.getCell('G1').value, matrix.getCell('G2').value]).toEqual(['Ease of use', 'TensorFlow', 3]);
    matrix.getCell('G2').value = 5;
    await workbook.xlsx.writeFile(workbookFile);

    const { code, out, err } = await run('score', workbookFile);
    expect(code).toBe(0);
    // exceljs does not recalculate, so the Rationale sheet's formula still shows the old score: said, not used.
    expect(err).toBe(`decision-matrix: note: ${workbookFile}: sheet "Rationale", row 3, column C ("Score"): 3 is not the Matrix sheet's score (5); the Matrix sheet's is the one imported\n`);
    const after = totals(out);
    expect(after.TensorFlow).toBeCloseTo(before.TensorFlow + 0.125, 12);
    expect(after.PyTorch).toBeCloseTo(before.PyTorch, 12);
    expect(JSON.parse(out).ranking[0].name).toBe('TensorFlow');
  });

  it('writes a workbook with --format xlsx whatever the file is called', async () => {
    const out = join(folder(), 'seed.data');
    expect((await run('export', await seedJson(), '--out', out, '--format', 'xlsx')).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('scores and analyses a CSV, its notes on stderr and only the answer on stdout', async () => {
    const csv = join(folder(), 'queues.csv');
    writeFileSync(csv, 'Criterion;Weight;Direction;Kafka;RabbitMQ;Notes\r\nThroughput;19,8%;benefit;4,5;3;checked by Ana\r\nCost;80,2%;cost;2;4;\r\n');
    const scored = await run('score', csv);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).title).toBe('queues');
    expect(JSON.parse(scored.out).weights.map((w: { weight: number }) => w.weight)).toEqual([0.198, 0.802]);
    expect(scored.err.split('\n').filter(Boolean)).toEqual([
      `decision-matrix: note: ${csv}: column "Notes": not read: its cells are text, not scores, so it is not taken as an option`,
      `decision-matrix: note: ${csv}: row 1: there are no Min and Max columns, so every criterion is scored from 1 to 5`,
    ]);
    const analysed = await run('analyse', csv, '--draws', '50');
    expect(analysed.code).toBe(0);
    expect(JSON.parse(analysed.out).leader).toBeDefined();
  });

  it('exports a workbook it was given as JSON', async () => {
    const workbookFile = join(folder(), 'Frameworks.xlsx');
    await run('export', await seedJson(), '--out', workbookFile);
    const json = join(folder(), 'frameworks.json');
    expect((await run('export', workbookFile, '--out', json)).code).toBe(0);
    const document = JSON.parse(readFileSync(json, 'utf8'));
    expect(document.decision.title).toBe('Frameworks');
    expect(document.decision.options.map((o: { name: string }) => o.name)).toEqual(['PyTorch', 'TensorFlow']);
  });

  it('refuses a spreadsheet with one line naming the file and every problem', async () => {
    const csv = join(folder(), 'bad.csv');
    writeFileSync(csv, 'Criterion,Weight,Direction,A\nSpeed,x,sideways,3\n');
    const { code, out, err } = await run('score', csv);
    expect([code, out]).toEqual([1, '']);
    expect(err).toBe(
      `decision-matrix: ${csv}: The CSV file (separated by commas) was not imported: row 2, column "Weight": "x" is not a number; row 2, column "Direction": "sideways" must be benefit or cost\n`,
    );
  });
});

describe('files another spreadsheet program wrote (LibreOffice Calc, see testdata/libreoffice)', () => {
  const fixture = (name: string) => join(import.meta.dirname, 'testdata', 'libreoffice', name);
  const decisionOf = async (file: string) => {
    const out = join(folder(), 'exported.json');
    expect((await run('export', file, '--out', out)).code).toBe(0);
    const { decision } = JSON.parse(readFileSync(out, 'utf8'));
    return { ...decision, title: '' };
  };

  it('reads the app’s workbook after Calc saved it: the same decision, rationale, sources and scale labels included', async () => {
    const source = fixture('source.json');
    const own = join(folder(), 'frac.xlsx');
    expect((await run('export', source, '--out', own)).code).toBe(0);
    const resaved = await decisionOf(fixture('resaved.xlsx'));
    expect(resaved).toEqual(await decisionOf(own));
    expect(resaved.criteria[0]).toMatchObject({ name: 'Ease of use', weight: 24.5, scale: { min: 0, max: 2.5, minLabel: 'hard', maxLabel: 'easy' } });
    expect(resaved.scores.filter((s: { rationale: string }) => s.rationale !== '')).toHaveLength(12);
    expect(totals((await run('score', fixture('resaved.xlsx'))).out)).toEqual(totals((await run('score', source)).out));
  });

  it('reads Calc’s German CSV (semicolons, decimal commas) to the same totals', async () => {
    const scored = await run('score', fixture('german.csv'));
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.out).weights.map((w: { weight: number }) => w.weight * 100)).toEqual([24.5, 20.25, 15, 10.75, 15, 14.5].map((w) => expect.closeTo(w, 10)));
    const expected = totals((await run('score', fixture('source.json'))).out);
    const got = totals(scored.out);
    for (const name of Object.keys(expected)) expect(got[name]).toBeCloseTo(expected[name], 12);
  });

  it('scores a workbook Calc wrote with one score changed: TensorFlow gains 0.245 × 1/2.5 and leads', async () => {
    const { code, out, err } = await run('score', fixture('edited.xlsx'));
    expect(code).toBe(0);
    expect(err).toContain('no sheet is named "Matrix", so the first sheet, "edited", was read as the matrix');
    const before = totals((await run('score', fixture('source.json'))).out);
    const after = totals(out);
    expect(after.TensorFlow).toBeCloseTo(before.TensorFlow + 0.245 / 2.5, 12);
    expect(after.PyTorch).toBeCloseTo(before.PyTorch, 12);
    expect(JSON.parse(out).ranking[0].name).toBe('TensorFlow');
  });
});
