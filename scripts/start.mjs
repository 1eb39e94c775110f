// `npm start`: the desktop window when an Electron binary can be had; otherwise one line saying
// why, and the same app served by the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

if (!existsSync(join(root, 'dist', 'node', 'main.mjs'))) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Asks the electron package for its binary in a child process (it downloads it on first use). */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const lines = (probe.stderr || probe.error?.message || 'unknown error').split('\n').map((l) => l.trim());
  const reason = lines.find((l) => /^\w*Error:|failed/i.test(l)) ?? lines.find(Boolean);
  return { path: null, reason };
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, browser host). Electron needs its
 * own ABI: build a copy once per Electron version under .cache/ and hand its path to the app.
 */
async function electronSqliteBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  const buildPath = join(root, '.cache', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(join(buildPath, 'node_modules'), { recursive: true });
  writeFileSync(join(buildPath, 'package.json'), JSON.stringify({ name: 'electron-native-modules', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  cpSync(join(root, 'node_modules', 'better-sqlite3'), join(buildPath, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error(`the Electron build of better-sqlite3 did not appear at ${binding}`);
  return binding;
}

function serveInBrowser() {
  const args = process.argv.slice(2).filter((arg) => arg !== RETRY_FLAG);
  const web = spawn(process.execPath, [join(root, 'bin', 'decision-matrix.cjs'), 'web', ...args], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * A failed download is remembered (per Electron version) so every later start does not wait on
 * it again; `npm start -- --retry-electron` tries once more.
 */
const RETRY_FLAG = '--retry-electron';
const unavailableMarker = join(root, '.cache', 'electron-unavailable.json');

function rememberedFailure(version) {
  if (process.argv.includes(RETRY_FLAG) || !existsSync(unavailableMarker)) return null;
  try {
    const marker = JSON.parse(readFileSync(unavailableMarker, 'utf8'));
    return marker.version === version ? marker.reason : null;
  } catch {
    return null;
  }
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const remembered = rememberedFailure(electronVersion);
const electron = remembered ? { path: null, reason: remembered } : findElectron();
if (!electron.path) {
  if (!remembered) {
    mkdirSync(join(root, '.cache'), { recursive: true });
    writeFileSync(unavailableMarker, JSON.stringify({ version: electronVersion, reason: electron.reason, at: new Date().toISOString() }));
  }
  console.log(`No Electron binary (${electron.reason}${remembered ? `; remembered from an earlier start — \`npm start -- ${RETRY_FLAG}\` tries again` : ''}); serving the same app in your browser instead:`);
  serveInBrowser();
} else {
  rmSync(unavailableMarker, { force: true });
  let binding;
  try {
    binding = await electronSqliteBinding();
  } catch (error) {
    console.log(`Could not build better-sqlite3 for Electron (${error.message}); serving the same app in your browser instead:`);
    serveInBrowser();
  }
  if (binding) {
    const app = spawn(electron.path, [join(root, 'dist', 'node', 'main.mjs')], {
      stdio: 'inherit',
      env: { ...process.env, DECISION_MATRIX_SQLITE_BINDING: binding },
    });
    app.on('exit', (code) => process.exit(code ?? 0));
  }
}
