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

test('the printed link pasted into a tab that had no token opens the app there', async ({ browser, dataDir }) => {
  test.skip(target === 'electron', 'the browser host only');
  const host = await startWebHost(dataDir);
  const page = await browser.newPage();
  const matrix = new MatrixPage(page);
  // A bookmark of the address bar, which the app keeps free of the token: refused, and it says why.
  await page.goto(new URL('/', host.url).href);
  await expect(page.getByRole('alert').first()).toContainText('Missing or wrong access token');
  // Pasting the printed link changes only the fragment; the tab starts again with it.
  await page.evaluate((hash) => (location.hash = hash), new URL(host.url).hash);
  await matrix.ready();
  await expect(matrix.optionNames).toHaveText(['PyTorch', 'TensorFlow']);
  await expect(page.getByText('Missing or wrong access token')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  await host.stop();
});
