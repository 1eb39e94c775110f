import { expect, startWebHost, target, test } from '../fixtures';
import { MatrixPage } from '../pages/matrix-page';

test('an open tab keeps working when the browser host restarts on the same port', async ({ browser, dataDir }) => {
  test.skip(target === 'electron', 'the browser host only');
  const first = await startWebHost(dataDir);
  const port = Number(new URL(first.url).port);
  const page = await browser.newPage();
  const matrix = new MatrixPage(page);
  await page.goto(first.url);
  await matrix.ready();
  await first.stop();

  // The same token comes back from the data folder, so the tab's next call is accepted.
  const second = await startWebHost(dataDir, port);
  expect(new URL(second.url).hash).toBe(new URL(first.url).hash);
  await matrix.addOption('JAX');
  await matrix.saved();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow', 'JAX']);
  await expect(matrix.errorMessage).toBeHidden();
  await page.reload();
  await matrix.ready();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow', 'JAX']);
  await second.stop();
});
