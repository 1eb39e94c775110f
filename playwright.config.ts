import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';

/**
 * One set of specs, two targets: the browser host in Chromium (everywhere) and the desktop app
 * through Playwright's Electron runner (E2E_TARGET=electron, where an Electron binary exists).
 */
const target = process.env.E2E_TARGET === 'electron' ? 'electron' : 'chromium';

export default defineConfig({
  testDir: './e2e/specs',
  outputDir: './test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 1440, height: 1000 },
    trace: 'retain-on-failure',
  },
  projects: [{ name: target }],
});
