import { expect, target, test } from '../fixtures';

/** Checks only the desktop app can answer; the Chromium target has no Electron main process. */
test.skip(target !== 'electron', 'desktop-only checks: run with E2E_TARGET=electron where an Electron binary exists');

test('the window runs isolated and sandboxed, without Node', async ({ app }) => {
  const preferences = await app.electron!.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
    return contents.getLastWebPreferences();
  });
  expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(await app.page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});

test('the page cannot navigate away or open windows', async ({ app }) => {
  const before = app.page.url();
  await app.page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await app.page.waitForTimeout(500);
  expect(app.page.url()).toBe(before);
  expect(await app.page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.electron!.windows()).toHaveLength(1);
});
