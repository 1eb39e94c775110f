import { expect, test } from '../fixtures';

/** The spreadsheet layout: one row per criterion, one column per option, every score 3. */
function bigCsv(options: number, criteria: number): string {
  const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: options }, (_, o) => `Option ${o + 1}`)].join(',');
  const row = (c: number) => [`Criterion ${c + 1}`, 10, 'benefit', 1, 5, ...Array.from({ length: options }, () => 3)].join(',');
  return `${header}\r\n${Array.from({ length: criteria }, (_, c) => row(c)).join('\r\n')}\r\n`;
}

test('a big spreadsheet imports with its progress shown, the app answered meanwhile, and is listed without being opened', async ({ app }) => {
  const { matrix, page } = app;
  await expect(matrix.decisionItems).toHaveCount(1);
  // 150 options × 1000 criteria: 150,000 scores, written by the host's worker thread.
  await page.getByLabel('Import a spreadsheet (.xlsx, .csv)').setInputFiles({ name: 'Big.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(150, 1000)) });
  const progress = page.getByTestId('bulk-progress');
  await expect(progress).toHaveText(/^Importing… \d+ %$/);
  // Another call while the import runs: the seeded decision opens at once.
  await page.getByRole('button', { name: /^PyTorch vs TensorFlow/ }).click();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow'], { timeout: 1000 });
  await expect(progress).toBeVisible();
  // Done: the new decision is in the list, whole, and not opened (drawing 150,000 cells would hold the page), which the notes say.
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(matrix.decisionItems).toHaveCount(2);
  await expect(page.getByRole('button', { name: /^Big/ })).toContainText('150 options · 1000 criteria');
  await expect(page.getByRole('status').filter({ hasText: 'Imported Big.csv' })).toContainText('Not opened: “Big” has 150,000 score cells (150 options × 1,000 criteria)');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  // Opened from the list, it is asked about first; cancelled, nothing changes.
  await page.getByRole('button', { name: /^Big/ }).click();
  const asked = page.getByRole('dialog', { name: 'Confirm' });
  await expect(asked).toContainText('“Big” has 150,000 score cells (150 options × 1,000 criteria). The app draws every cell');
  await asked.getByRole('button', { name: 'Cancel' }).click();
  await expect(asked).toBeHidden();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
});
