import { expect, test } from '../fixtures';
import { HistoryPanel } from '../pages/history-panel';
import { MatrixPage } from '../pages/matrix-page';

const SHOTS = '/tmp/undo-shots';

/** What a person sees of an option's column: every cell's score and the rationale behind it. */
async function column(page: import('@playwright/test').Page, option: string, criteria: string[]) {
  const matrix = new MatrixPage(page);
  const cells: string[] = [];
  for (const criterion of criteria) {
    const score = await matrix.scoreCell(option, criterion).textContent();
    const rationale = await page.getByRole('button', { name: `Rationale for ${option} on ${criterion}`, exact: true }).getAttribute('title');
    cells.push(`${criterion}: ${score?.trim()} — ${rationale}`);
  }
  return cells;
}

test('remove an option, undo brings it back with its scores and rationale; after a reload redo removes it again; a restored version is undone', async ({ app }) => {
  const { page, matrix } = app;
  const history = new HistoryPanel(page);
  const criteria = await matrix.criterionNames.allTextContents();
  const tensorflow = await column(page, 'TensorFlow', criteria);
  expect(tensorflow.some((cell) => !cell.endsWith('Add a rationale')), 'the seeded decision has rationales').toBe(true);
  await expect(history.undo).toBeDisabled();
  await history.saveVersion('Both frameworks');
  await expect(history.versionItems).toHaveCount(1);
  await expect(history.versionItems.first()).toContainText('2 options, 6 criteria');

  await page.getByRole('button', { name: 'Remove TensorFlow', exact: true }).click();
  await page.getByRole('dialog', { name: 'Confirm' }).getByRole('button', { name: 'Remove' }).click();
  await expect(matrix.optionNames).toHaveText(['PyTorch']);
  await expect(history.undo).toHaveAccessibleDescription('Undo remove option “TensorFlow” (Ctrl+Z)');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/before-undo-1280.png` });

  // Focus came back to the empty new-option field: nothing was typed there, so Ctrl+Z is the decision's.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
  await page.keyboard.press('Control+z');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(history.message).toHaveText('Undid: remove option “TensorFlow”');
  expect(await column(page, 'TensorFlow', criteria)).toEqual(tensorflow);
  await expect(history.redo).toHaveAccessibleDescription('Redo remove option “TensorFlow” (Ctrl+Shift+Z)');
  await page.screenshot({ path: `${SHOTS}/after-undo-1280.png` });

  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(history.redo).toBeEnabled();
  await page.locator('body').press('Control+Shift+Z');
  await expect(matrix.optionNames).toHaveText(['PyTorch']);
  await expect(history.message).toHaveText('Redid: remove option “TensorFlow”');

  // The version taken before, read only, then restored: one step, undone like any other. (The
  // list is read when the panel comes into view.)
  await history.versions.scrollIntoViewIfNeeded();
  await history.view('Both frameworks').click();
  await expect(history.versionDialog.getByTestId('version-matrix').locator('thead th')).toHaveText(['Criterion', 'Weight', 'PyTorch', 'TensorFlow']);
  await expect(history.versionDialog.getByTestId('version-ranking').locator('li')).toHaveCount(2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/version-dialog-1440.png` });
  await history.versionDialog.getByRole('button', { name: 'Close' }).click();
  await expect(history.versionDialog).toBeHidden();
  await expect(history.view('Both frameworks')).toBeFocused();

  await history.restore('Both frameworks').click();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  expect(await column(page, 'TensorFlow', criteria)).toEqual(tensorflow);
  await expect(history.message).toContainText('Restored the version “Both frameworks”');
  await history.versions.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/versions-1440.png`, fullPage: true });
  await page.locator('body').press('Control+z');
  await expect(matrix.optionNames).toHaveText(['PyTorch']);
  await expect(history.message).toHaveText('Undid: restore version “Both frameworks”');
  await matrix.saved();
  await page.reload();
  await matrix.ready();
  await expect(matrix.optionNames).toHaveText(['PyTorch']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('body').press('Control+Shift+Z');
  await expect(history.message).toHaveText('Redid: restore version “Both frameworks”');
  await page.screenshot({ path: `${SHOTS}/dark-header-1440.png` });
  await history.versions.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/dark-versions-1440.png` });
});

test('Ctrl+Z in a text field undoes the typing, not the decision; the buttons undo and redo a slider', async ({ app }) => {
  const { page, matrix } = app;
  const history = new HistoryPanel(page);
  await matrix.addOption('JAX');
  const field = page.getByRole('textbox', { name: 'New option name' });
  await field.click();
  await page.keyboard.type('Keras');
  await field.press('Control+z');
  // The browser's own text undo ran (it takes back the typing, in its own steps).
  await expect(field).not.toHaveValue('Keras');
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow', 'JAX']);
  await expect(history.message).toHaveText('');

  const deployment = 'Deployment and production';
  const share = await matrix.weightShare(deployment).innerText();
  await matrix.setWeight(deployment, 90);
  await expect(matrix.weightShare(deployment)).not.toHaveText(share);
  // At once, before the slider's weight has been written: the drag is written, then undone.
  await history.undo.click();
  await expect(matrix.weightShare(deployment)).toHaveText(share);
  await expect(history.message).toHaveText(`Undid: change the weight of “${deployment}”`);
  await history.redo.click();
  await expect(matrix.weightShare(deployment)).not.toHaveText(share);
  await expect(history.undo).toHaveAccessibleDescription(`Undo change the weight of “${deployment}” (Ctrl+Z)`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/phone.png` });
});
