import { test as base, _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electron-binary';
import { MatrixPage } from './pages/matrix-page';

const root = join(import.meta.dirname, '..');
export const target = process.env.E2E_TARGET === 'electron' ? 'electron' : 'chromium';

export interface WebHost {
  url: string;
  stop(): Promise<void>;
}

/** Starts the real CLI's browser host (`decision-matrix web`) on a free port with its own data folder. */
export async function startWebHost(dataDir: string, port = 0): Promise<WebHost> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/decision-matrix.cjs'), 'web', '--port', String(port), '--data-dir', dataDir, '--workshop-host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DECISION_MATRIX_PDF_PREWARM: '0' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`decision-matrix web exited with ${code}: ${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface AppFixture {
  page: Page;
  /** The desktop app's main process, on the Electron target only. */
  electron: ElectronApplication | null;
  matrix: MatrixPage;
  /** Closes the app and starts it again on the same data folder, as after a restart. */
  restart(): Promise<void>;
}

export const test = base.extend<{ dataDir: string; app: AppFixture }>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'decision-matrix-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  app: async ({ page: browserPage, dataDir }, use, testInfo) => {
    if (target === 'electron') {
      const binary = electronBinary();
      testInfo.skip(binary.path === null, `Electron target skipped: ${binary.why}.`);
      const launch = () =>
        _electron.launch({ executablePath: binary.path!, args: [join(root, 'dist/node/main.mjs')], env: { ...process.env, DECISION_MATRIX_DATA_DIR: dataDir } });
      let electronApp = await launch();
      let page = await electronApp.firstWindow();
      const fixture: AppFixture = {
        page,
        electron: electronApp,
        matrix: new MatrixPage(page),
        restart: async () => {
          await electronApp.close();
          electronApp = await launch();
          fixture.electron = electronApp;
          page = await electronApp.firstWindow();
          fixture.page = page;
          fixture.matrix = new MatrixPage(page);
          await fixture.matrix.ready();
        },
      };
      await fixture.matrix.ready();
      await use(fixture);
      await electronApp.close();
      return;
    }

    let host = await startWebHost(dataDir);
    const fixture: AppFixture = {
      page: browserPage,
      electron: null,
      matrix: new MatrixPage(browserPage),
      restart: async () => {
        await host.stop();
        host = await startWebHost(dataDir);
        await browserPage.goto(host.url);
        await fixture.matrix.ready();
      },
    };
    await browserPage.goto(host.url);
    await fixture.matrix.ready();
    await use(fixture);
    await host.stop();
  },
});

export { expect };
