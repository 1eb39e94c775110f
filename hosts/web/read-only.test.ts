import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, openStoreForReading } from '../../db/connection';
import { loadMigrations } from '../../db/migrations';
import { openDecisionStore, seedFirstRun } from '../../db/seed';
import { fingerprint } from '../../db/test/files';
import { temporaryFolder } from '../../db/test/temporary-store';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { API_TOKEN_HEADER } from '../../core/transport';
import { startHttpHost } from './server';

const folder = temporaryFolder();
const CHILD = join(import.meta.dirname, 'test', 'read-only-child.ts');
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Root may write any file whatever its mode, so as root (as on these machines) the store is
 * opened by a child running as `nobody`, for whom the modes below really are read-only.
 */
const otherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function openAsOtherUser(file: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file], { cwd: ROOT, encoding: 'utf8', ...otherUser, timeout: 30_000 });
  if (run.status !== 0) throw new Error(`the child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function storeIn(dir: string, migrations = loadMigrations()): string {
  const file = join(dir, 'decision-matrix.sqlite');
  // Today's seed writes today's columns: an older schema is left empty (what matters is its version).
  openStore(file, { migrations, seed: migrations.length === loadMigrations().length ? seedFirstRun : undefined }).db.close();
  return file;
}

describe.skipIf(process.platform === 'win32')('a store that may not be written', () => {
  it.each([
    ['a read-only file in a writable folder', 0o444, 0o777, /decision-matrix\.sqlite is read-only$/],
    ['a writable file in a read-only folder', 0o666, 0o555, /its folder .+ is read-only \(SQLite keeps its -wal and -shm files beside the store\)$/],
  ])('%s: opened read-only, said up front, every write answered "forbidden", nothing changed', { timeout: 30_000 }, (_, fileMode, folderMode, reason) => {
    const dir = folder();
    const file = storeIn(dir);
    chmodSync(file, fileMode);
    chmodSync(dir, folderMode);
    const before = fingerprint(file);
    try {
      const { readOnly, listed, created, renamed } = openAsOtherUser(file);
      expect(readOnly).toMatch(reason);
      expect(listed.ok).toBe(true);
      for (const write of [created, renamed]) {
        expect(write).toEqual({ ok: false, error: { code: 'forbidden', message: `The data file is read-only: ${readOnly}. Nothing was changed.` } });
      }
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(fingerprint(file)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['decision-matrix.sqlite']);
  });

  it('an older store that may not be written is refused: it cannot be upgraded', { timeout: 30_000 }, () => {
    const dir = folder();
    const file = storeIn(dir, loadMigrations().slice(0, 4));
    chmodSync(file, 0o444);
    chmodSync(dir, 0o777);
    const before = fingerprint(file);
    const { refused } = openAsOtherUser(file);
    chmodSync(dir, 0o755);
    expect(refused).toContain(`${file} is from an older version of Decision Matrix (schema 4; this app's is ${loadMigrations().length}) and must be upgraded once, but ${file} is read-only.`);
    expect(refused).toMatch(/Make it writable, or copy it into a writable data folder \(--data-dir DIR\), and start again\.$/);
    expect(fingerprint(file)).toEqual(before);
  });

  it('no store yet, in a folder that may not be written: refused with the way out', { timeout: 30_000 }, () => {
    const dir = folder();
    chmodSync(dir, 0o555);
    const { refused } = openAsOtherUser(join(dir, 'decision-matrix.sqlite'));
    chmodSync(dir, 0o755);
    expect(refused).toMatch(new RegExp(`^A new store cannot be created in ${dir}: it is not writable \\(\\w+\\)\\. Choose another data folder \\(--data-dir DIR, or DECISION_MATRIX_DATA_DIR\\)\\.$`));
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the browser host over a store that may not be written', () => {
  it('answers a write with 403 and the reason, not 500', async () => {
    const file = join(folder(), 'decision-matrix.sqlite');
    openDecisionStore(file).close();
    // Served from memory and refusing writes, exactly as a read-only file or folder is.
    const { db } = openStoreForReading(file);
    const readOnly = `${file} is read-only`;
    const host = await startHttpHost({ dispatch: createDispatch(createHandlers(db), { readOnly }), staticDir: folder(), token: 't' });
    const call = (method: string, body: unknown) =>
      fetch(`${host.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: 't', origin: host.url }, body: JSON.stringify(body) });
    try {
      expect((await call('listDecisions', {})).status).toBe(200);
      const response = await call('createDecision', { title: 'New' });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'forbidden', message: `The data file is read-only: ${readOnly}. Nothing was changed.` } });
    } finally {
      await host.close();
      db.close();
    }
  });
});
