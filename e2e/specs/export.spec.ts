import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIMENSIONS } from '../seeded-decision';
import { expect, target, test } from '../fixtures';
import { docsPdfPage } from '../docs-pictures';
import { pdfText } from '../pdf-text';

const root = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => execFileSync(process.execPath, [join(root, 'bin/decision-matrix.cjs'), ...args], { encoding: 'utf8' });

const WEIGHTS = ['25.0%', '20.0%', '15.0%', '10.0%', '15.0%', '15.0%'];

/** Collapses the layout's line breaks and runs of spaces so names that wrap still match. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectWholeReport(text: string) {
  for (const name of ['PyTorch', 'TensorFlow', ...DIMENSIONS]) expect(flat(text)).toContain(name);
  for (const weight of WEIGHTS) expect(text).toContain(weight);
  expect(flat(text)).toMatch(/1 PyTorch 83\.8%/);
  expect(flat(text)).toMatch(/2 TensorFlow 78\.8%/);
  expect(text).toMatch(/Page 1 of \d/);
}

test('decision-matrix export writes a PDF of the seeded decision with every option, criterion, weight and the ranking', ({ dataDir }) => {
  const decision = join(dataDir, 'pytorch.json');
  writeFileSync(decision, cli('template', 'pytorch-vs-tensorflow'));
  const pdf = join(dataDir, 'report.pdf');
  expect(cli('export', decision, '--out', pdf)).toContain('wrote');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expectWholeReport(pdfText(pdf));
  docsPdfPage(pdf, 'report-page-1');
});

test('the browser host downloads the same PDF from the Export button', async ({ app, dataDir }) => {
  test.skip(target === 'electron', 'the desktop app prints through its File menu, not this button');
  const downloading = app.page.waitForEvent('download');
  await app.page.getByRole('button', { name: 'PDF', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('PyTorch vs TensorFlow.pdf');
  const pdf = join(dataDir, 'downloaded.pdf');
  await download.saveAs(pdf);
  expectWholeReport(pdfText(pdf));
});

test('a hostile option name and a 2,000-character right-to-left criterion name stay literal in the UI, PDF, CSV and Markdown', async ({ app, dataDir }) => {
  const { matrix, page } = app;
  const scriptDialogs = matrix.countScriptDialogs();
  const hostile = '<img src=x onerror=alert(1)>';
  const rtlWord = 'rtl\u202Eevil';
  const longName = `${rtlWord} ${'abcdefghi '.repeat(199)}z`;
  expect(longName).toHaveLength(2000);

  await matrix.addOption(hostile);
  for (const criterion of DIMENSIONS) await matrix.setScore(hostile, criterion, 3);
  await page.getByRole('textbox', { name: 'New criterion name' }).fill(longName);
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(matrix.criterionNames.last()).toHaveText(longName);
  await expect(matrix.optionNames.last()).toHaveText(hostile);
  for (const option of ['PyTorch', 'TensorFlow', hostile]) await matrix.setScore(option, longName, 4);
  await matrix.saved();
  await expect(page.locator('img')).toHaveCount(0);

  const download = async (button: string, name: string) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: button, exact: true }).click();
    const file = join(dataDir, name);
    await (await downloading).saveAs(file);
    return file;
  };

  if (target === 'chromium') {
    const text = pdfText(await download('PDF', 'hostile.pdf'));
    expect(text).toContain(hostile);
    // The override is kept as a character, so the PDF lays the rest of the name out right to left.
    expect(flat(text)).toContain('rtl');
    expect(flat(text)).toContain('ihgfedcba ihgfedcba');
  }

  const csv = readFileSync(await download('CSV', 'hostile.csv'), 'utf8');
  expect(csv.split('\r\n')[0]).toContain(`,${hostile}`);
  expect(csv).toContain(`${longName},50,benefit,1,5,4,4,4`);

  const markdown = readFileSync(await download('Markdown', 'record.md'), 'utf8');
  expect(markdown).toContain('## Decision Drivers');
  expect(markdown).toContain('* \\<img src=x onerror=alert\\(1\\)\\>');
  expect(markdown).not.toMatch(/(^|[^\\])<img/m);
  expect(markdown).toContain(`* ${longName} — weight`);
  expect(scriptDialogs()).toBe(0);
});

test('a decision exported as JSON imports back as a new decision', async ({ app, dataDir }) => {
  const { matrix, page } = app;
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON', exact: true }).click();
  const file = join(dataDir, 'export.json');
  await (await downloading).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('decision-matrix/v2');
  // The file says how robust the decision is, for whoever reads it; importing it ignores that.
  expect(exported.analysis.headline).toBe('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)');

  await page.getByLabel('Import a decision (.json)').setInputFiles(file);
  await expect(matrix.decisionItems).toHaveCount(2);
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);

  writeFileSync(join(dataDir, 'bad.json'), JSON.stringify({ format: 'decision-matrix/v1', decision: { title: 'x', options: [], criteria: [], scores: [], extra: 1 } }));
  await page.getByLabel('Import a decision (.json)').setInputFiles(join(dataDir, 'bad.json'));
  await expect(page.getByRole('alert')).toContainText('bad.json: decision: Unrecognized key: "extra"');
  await expect(matrix.decisionItems).toHaveCount(2);
});

test('a spreadsheet CSV imports only when every row is valid, and exports with names kept literal', async ({ app, dataDir }) => {
  const { matrix, page } = app;
  const bad = join(dataDir, 'queues.csv');
  writeFileSync(bad, 'Criterion,Weight,Direction,Kafka,RabbitMQ\r\nThroughput,3,benefit,5,"1,5"\r\nCost,1,sideways,2,4\r\n');
  await page.getByLabel('Import a spreadsheet (.xlsx, .csv)').setInputFiles(bad);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('row 2, column "RabbitMQ": "1,5" is not a number (write decimals with a dot: 1.5)');
  await expect(alert).toContainText('row 3, column "Direction": "sideways" must be benefit or cost');
  await expect(matrix.decisionItems).toHaveCount(1);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();

  writeFileSync(bad, '\uFEFFCriterion,Weight,Direction,Kafka,RabbitMQ\r\nThroughput,3,benefit,5,1.5\r\nCost,1,cost,2,4\r\n');
  await page.getByLabel('Import a spreadsheet (.xlsx, .csv)').setInputFiles(bad);
  await expect(matrix.title).toHaveValue('queues');
  await expect(matrix.optionNames).toHaveText(['Kafka', 'RabbitMQ']);
  await expect(matrix.criterionNames).toHaveText(['Throughput', 'Cost']);

  // A right-to-left override and 2,000 characters: shown, exported and re-read as typed.
  const longName = `\u202E${'abc '.repeat(500)}`.slice(0, 2000);
  await page.getByRole('textbox', { name: 'New criterion name' }).fill(longName);
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(matrix.criterionNames.last()).toHaveText(longName);
  await matrix.addOption('=HYPERLINK("http://evil.example")');
  await matrix.saved();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV', exact: true }).click();
  const csvFile = join(dataDir, 'export.csv');
  await (await downloading).saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  const evil = `'=HYPERLINK(""http://evil.example"")`;
  expect(csv.split('\r\n')[0]).toBe(
    `Criterion,Weight,Direction,Min,Max,Kafka,RabbitMQ,"${evil}",Rationale: Kafka,Source: Kafka,Rationale: RabbitMQ,Source: RabbitMQ,"Rationale: ${evil}","Source: ${evil}"`,
  );
  expect(csv).toContain(`${longName},50,benefit,1,5,,,`);
});

test('a workbook from the XLSX button imports back, and what an import left out is said beside the decision', async ({ app, dataDir }) => {
  const { matrix, page } = app;
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XLSX', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('PyTorch vs TensorFlow.xlsx');
  const workbook = join(dataDir, 'Frameworks.xlsx');
  await download.saveAs(workbook);
  expect(readFileSync(workbook).subarray(0, 2).toString()).toBe('PK');

  await page.getByLabel('Import a spreadsheet (.xlsx, .csv)').setInputFiles(workbook);
  await expect(matrix.title).toHaveValue('Frameworks');
  await expect(matrix.decisionItems).toHaveCount(2);
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(matrix.criterionNames).toHaveText(DIMENSIONS);
  await expect(page.getByRole('status').filter({ hasText: 'How it was read' })).toHaveCount(0);

  const sheet = join(dataDir, 'queues.csv');
  writeFileSync(sheet, 'Criterion;Weight;Direction;Kafka;Notes\r\nThroughput;19,8%;benefit;4,5;checked by Ana\r\n');
  await page.getByLabel('Import a spreadsheet (.xlsx, .csv)').setInputFiles(sheet);
  await expect(matrix.title).toHaveValue('queues');
  const notes = page.getByRole('status').filter({ hasText: 'How it was read' });
  await expect(notes).toContainText('Imported queues.csv');
  await expect(notes).toContainText('column "Notes": not read: its cells are text, not scores, so it is not taken as an option');
  await expect(notes).toContainText('row 1: there are no Min and Max columns, so every criterion is scored from 1 to 5');
  await expect(matrix.optionNames).toHaveText(['Kafka']);
  await notes.getByRole('button', { name: 'Dismiss the import notes' }).click();
  await expect(notes).toBeHidden();
});

test('once decided, the report and the decision record name the chosen option and why', async ({ app, dataDir }) => {
  const { page } = app;
  const outcome = page.getByRole('group', { name: 'Outcome' });
  await outcome.getByLabel('Status').selectOption('decided');
  await expect(outcome.getByLabel('Chosen option')).toHaveValue(/\d+/);
  await expect(outcome.getByLabel('Chosen option').locator('option:checked')).toHaveText('PyTorch');
  await outcome.getByLabel('Chosen option').selectOption({ label: 'TensorFlow' });
  await outcome.getByLabel('Why').fill('Our models ship to phones: TensorFlow Lite decides it.');
  await outcome.getByLabel('Why').press('Enter');
  await app.matrix.saved();
  await page.reload();
  await app.matrix.ready();
  await expect(outcome.getByLabel('Chosen option').locator('option:checked')).toHaveText('TensorFlow');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Markdown', exact: true }).click();
  const file = join(dataDir, 'decided.md');
  await (await downloading).saveAs(file);
  expect(readFileSync(file, 'utf8')).toContain('Chosen option: “TensorFlow”, because Our models ship to phones: TensorFlow Lite decides it.');

  if (target === 'chromium') {
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    const pdf = join(dataDir, 'decided.pdf');
    await (await pdfDownload).saveAs(pdf);
    expect(flat(pdfText(pdf))).toContain('Decided: TensorFlow — Our models ship to phones: TensorFlow Lite decides it.');
  }
});
