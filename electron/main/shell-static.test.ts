import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '../../core/contract';

/**
 * The Electron shell cannot run here (no binary), so its promises are checked statically on the
 * sources, and the built preload is run in a sandbox with a stand-in `electron` module.
 */
const root = join(import.meta.dirname, '..', '..');
const electronDir = join(root, 'electron');

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [{ file: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}
const files = sources(electronDir);

describe('windows', () => {
  it('are created only by the secure window factory', () => {
    const creators = files.filter((f) => /new BrowserWindow\s*\(/.test(f.text)).map((f) => f.file);
    expect(creators).toEqual(['electron/main/secure-window.ts']);
    const preferenceWriters = files.filter((f) => /webPreferences\s*:/.test(f.text)).map((f) => f.file);
    expect(preferenceWriters).toEqual(['electron/main/secure-window.ts']);
  });

  it('get context isolation and the sandbox on, Node integration off, and cannot be overridden', () => {
    const factory = files.find((f) => f.file === 'electron/main/secure-window.ts')!.text;
    const preferences = /SECURE_WEB_PREFERENCES = \{([^}]*)\}/.exec(factory)?.[1] ?? '';
    expect(preferences).toMatch(/contextIsolation: true/);
    expect(preferences).toMatch(/sandbox: true/);
    expect(preferences).toMatch(/nodeIntegration: false/);
    expect(preferences).toMatch(/webSecurity: true/);
    // Callers pass options without webPreferences; the factory sets them after the caller's.
    expect(factory).toMatch(/Omit<BrowserWindowConstructorOptions, 'webPreferences'>/);
    expect(factory).toMatch(/\.\.\.options,\s*webPreferences: \{ \.\.\.SECURE_WEB_PREFERENCES, preload:/);
  });

  it('refuse navigation away from the app and new windows', () => {
    const factory = files.find((f) => f.file === 'electron/main/secure-window.ts')!.text;
    expect(factory).toMatch(/'will-navigate'[\s\S]*isAppUrl\(url\)\) event\.preventDefault\(\)/);
    expect(factory).toMatch(/setWindowOpenHandler[\s\S]*return \{ action: 'deny' \}/);
  });
});

describe('IPC', () => {
  it('registers handlers only through the validating wrapper', () => {
    const registrations = files.filter((f) => /ipcMain\.(handle|on|once|handleOnce)\s*\(/.test(f.text)).map((f) => f.file);
    expect(registrations).toEqual(['electron/main/ipc.ts']);
    const wrapper = files.find((f) => f.file === 'electron/main/ipc.ts')!.text;
    expect(wrapper.match(/ipcMain\.\w+\s*\(/g)).toEqual(['ipcMain.handle(']);
    expect(wrapper).toMatch(/if \(!senderIsTrusted\(event\)\) return fail\('forbidden'/);
    expect(wrapper).toMatch(/return dispatch\(name, input\)/);
  });

  it('imports electron only under electron/', () => {
    const everywhere = ['core', 'db', 'service', 'hosts', 'electron', 'renderer'].flatMap((dir) => sources(join(root, dir)));
    const importers = everywhere.filter((f) => /from 'electron'|require\('electron'\)/.test(f.text)).map((f) => f.file);
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => !f.startsWith('electron/'))).toEqual([]);
  });
});

describe('the built preload', () => {
  const bundle = join(root, 'dist', 'preload', 'preload.cjs');

  it('exposes exactly one function per contract method, each invoking its own channel', async () => {
    if (!existsSync(bundle)) throw new Error('dist/preload is missing: run `npm run build` first');
    const exposed: Record<string, Record<string, (input: unknown) => unknown>> = {};
    const invoked: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => unknown>) => (exposed[key] = api) },
      ipcRenderer: { invoke: (channel: string, input: unknown) => invoked.push([channel, input]) },
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(bundle, 'utf8'), {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the sandboxed preload may not require ${name}`);
        return electron;
      },
    });
    expect(Object.keys(exposed)).toEqual(['decisionMatrix']);
    const api = exposed.decisionMatrix;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      expect(typeof api[name]).toBe('function');
      api[name]({ probe: name });
    }
    expect(invoked).toEqual(methodNames.map((name) => [ipcChannel(name), { probe: name }]));
  });
});
