import { extractFile, listPackage } from '@electron/asar';
import { build } from 'electron-builder';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Assembles the desktop app with electron-builder's unpacked-directory target, using a stand-in
 * Electron distribution (the real binary cannot be downloaded here) and no native rebuild, then
 * inspects what went into app.asar. Needs `npm run build` first (npm test does it).
 */
const root = join(import.meta.dirname, '..');
let work: string;
let asar: string;
let entries: string[];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'node', 'main.mjs'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'decision-matrix-assembly-'));
  const electronDist = join(work, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  await build({
    projectDir: root,
    targets: (await import('electron-builder')).Platform.LINUX.createTarget('dir'),
    config: {
      extends: join(root, 'build', 'electron-builder.yml'),
      electronDist,
      electronVersion: '45.5.0',
      npmRebuild: false,
      // The stand-in binary has no fuse wire to flip; fuses are flipped on real builds.
      electronFuses: null,
      directories: { output: join(work, 'out') },
    },
  });
  asar = join(work, 'out', 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the assembled desktop app', () => {
  it.each([
    '/dist/node/main.mjs',
    '/dist/preload/preload.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/report.html',
    '/dist/renderer/participant.html',
    '/dist/node/migrations/0001_initial.sql',
  ])('contains %s', (file) => {
    expect(entries).toContain(file);
  });

  it('starts from the bundled main process', () => {
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString());
    expect(manifest.main).toBe('dist/node/main.mjs');
  });

  it("unpacks better-sqlite3's native module beside the archive", () => {
    const unpacked = join(asar + '.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(existsSync(unpacked)).toBe(true);
    expect(readFileSync(unpacked).subarray(1, 4).toString()).toBe('ELF');
  });

  it('is configured to flip the Electron fuses after packing', () => {
    const config = readFileSync(join(root, 'build', 'electron-builder.yml'), 'utf8');
    const fuses = config.slice(config.indexOf('electronFuses:'));
    for (const off of ['runAsNode', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'grantFileProtocolExtraPrivileges']) {
      expect(fuses).toMatch(new RegExp(`\\n  ${off}: false\\n`));
    }
    for (const on of ['onlyLoadAppFromAsar', 'enableCookieEncryption']) expect(fuses).toMatch(new RegExp(`\\n  ${on}: true\\n`));
  });

  it('leaves out tests, source maps, sources and dev dependencies', () => {
    const unwanted = entries.filter(
      (entry) =>
        /\.(test|spec)\.[cm]?[jt]s$/.test(entry) ||
        entry.endsWith('.map') ||
        /^\/(core|db|service|hosts|e2e|renderer|scripts|electron)\//.test(entry) ||
        /^\/node_modules\/(electron|electron-builder|vite|vitest|svelte|typescript|@playwright|playwright-core|eslint|esbuild|fast-check|tsx)\//.test(entry) ||
        /^\/node_modules\/better-sqlite3\/(src|deps)\//.test(entry),
    );
    expect(unwanted).toEqual([]);
  });
});
