import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpDaily } from './backups';
import { DATABASE_FILE_NAME, openStore, StoreOpenError } from './connection';
import { markStoreOpen, processesUsing } from './open-marks';
import { restoreBackup } from './restore';
import { openDecisionStore } from './seed';
import { addDecisions, copyAsCrashed, sha256, storeWith, titles } from './test/files';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();
const NOW = new Date('2026-11-03T08:30:00.000Z');

/** A data folder whose store has `before` decisions in its one backup and `after` more since. */
async function backedUp(before: number, after: number): Promise<{ dir: string; file: string; backup: string }> {
  const dir = folder();
  const file = storeWith(join(dir, DATABASE_FILE_NAME), before, 'Backed up');
  const db = openDecisionStore(file);
  const backup = (await backUpDaily(db, dir, new Date('2026-11-02T10:00:00Z')))!;
  addDecisions(db, after, 'Since');
  db.close();
  return { dir, file, backup };
}

function damage(file: string): void {
  const bytes = readFileSync(file);
  bytes.fill(0x5a, 4096 + 8, 3 * 4096);
  writeFileSync(file, bytes);
}

describe('restoring a backup', () => {
  it('end to end: backup, damage, refusal naming the backup, restore, data back, damaged file kept', async () => {
    const { dir, file, backup } = await backedUp(4, 2);
    damage(file);
    const damaged = sha256(file);
    expect(() => openDecisionStore(file)).toThrow(StoreOpenError);

    const restored = restoreBackup(file, undefined, { now: NOW });
    const aside = `${file}.before-restore-2026-11-03T08-30-00-000Z`;
    expect(restored).toEqual({ store: file, backup, keptAs: [aside] });
    expect(sha256(aside)).toBe(damaged);
    expect(sha256(file)).toBe(sha256(backup));

    const db = openDecisionStore(file);
    expect(titles(db)).toEqual(['Backed up 1', 'Backed up 2', 'Backed up 3', 'Backed up 4', 'PyTorch vs TensorFlow']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('moves the store’s -wal and -shm aside with it first: applied to the backup, they would damage it', async () => {
    const { file, backup } = await backedUp(3, 0);
    // The store as a crash left it: committed writes still in its -wal.
    const live = openDecisionStore(join(folder(), 'live.sqlite'));
    addDecisions(live, 5, 'Only in the -wal');
    copyAsCrashed(join(live.name), file);
    writeFileSync(`${file}-shm`, Buffer.alloc(32768));
    const wal = sha256(`${file}-wal`);

    const { keptAs } = restoreBackup(file, backup, { now: NOW });
    const aside = `${file}.before-restore-2026-11-03T08-30-00-000Z`;
    expect(keptAs).toEqual([aside, `${aside}-wal`, `${aside}-shm`]);
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
    expect(sha256(`${aside}-wal`)).toBe(wal);

    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.startsWith('Backed up'))).toHaveLength(3);
    expect(titles(db).filter((t) => t.startsWith('Only in'))).toEqual([]);
    db.close();
    // What was set aside is still whole with its -wal: the crashed store's writes are all there.
    rmShm(aside);
    const kept = openStore(aside).db;
    expect(titles(kept).filter((t) => t.startsWith('Only in'))).toHaveLength(5);
    kept.close();
    live.close();
  });

  it('refuses a damaged backup and moves nothing', async () => {
    const { file, backup } = await backedUp(2, 0);
    damage(backup);
    const before = [sha256(file), sha256(backup)];
    expect(() => restoreBackup(file, backup)).toThrow(/is damaged: SQLite's integrity_check reports .* Name another backup with --backup FILE\.$/);
    expect([sha256(file), sha256(backup)]).toEqual(before);
    expect(readdirSync(join(file, '..')).sort()).toEqual(['backups', DATABASE_FILE_NAME]);
  });

  it('says so when there is no backup to restore', () => {
    const dir = folder();
    const file = storeWith(join(dir, DATABASE_FILE_NAME), 1);
    expect(() => restoreBackup(file)).toThrow(`There is no good backup in ${join(dir, 'backups')}; name one with --backup FILE.`);
  });
});

/** The -shm written for the test is no real index: the kept store gets a fresh one, as after a reboot. */
function rmShm(store: string): void {
  writeFileSync(`${store}-shm`, '');
}

describe('restoring while the app runs', () => {
  it('is refused while a live process has the store open, and changes nothing', async () => {
    const { dir, file, backup } = await backedUp(2, 1);
    // Another process, still running, that marked the store open (as the desktop app and `web` do).
    const app = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const mark = join(dir, `.${DATABASE_FILE_NAME}.open-${app.pid}`);
      writeFileSync(mark, '');
      const before = sha256(file);
      expect(() => restoreBackup(file, backup, { now: NOW })).toThrow(`${file} is open in Decision Matrix (process ${app.pid}): close the app, then run restore again. Nothing was changed.`);
      expect(sha256(file)).toBe(before);
      expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
      expect(existsSync(mark)).toBe(true);
    } finally {
      app.kill('SIGKILL');
      await new Promise((resolve) => app.once('exit', resolve));
    }
    // The same mark once its process is gone (the app crashed): restore goes ahead and clears it.
    expect(restoreBackup(file, backup, { now: NOW }).backup).toBe(backup);
    expect(readdirSync(dir).filter((n) => n.includes('.open-'))).toEqual([]);
  });

  it('a store this process marked open is released again, and its own mark never blocks it', async () => {
    const { dir, file, backup } = await backedUp(1, 0);
    const release = markStoreOpen(file);
    expect(readdirSync(dir)).toContain(`.${DATABASE_FILE_NAME}.open-${process.pid}`);
    expect(processesUsing(file)).toEqual([]);
    expect(restoreBackup(file, backup, { now: NOW }).store).toBe(file);
    release();
    expect(readdirSync(dir).filter((n) => n.includes('.open-'))).toEqual([]);
  });
});
