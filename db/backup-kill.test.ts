import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FILE, backupNames } from './backup-list';
import { backUpDaily, listBackups } from './backups';
import { inspectStore } from './inspect';
import { loadMigrations } from './migrations';
import { openDecisionStore } from './seed';
import { bigStore } from './test/big-store';
import { temporaryFolder } from './test/temporary-store';
import { DATABASE_FILE_NAME } from './connection';

const folder = temporaryFolder();
const CHILD = join(import.meta.dirname, 'test', 'backup-child.ts');
const TRIALS = 8;

/**
 * Starts a backup in a child process and kills it (-9) `killAfter` ms after its temporary copy
 * appears (never, when null). Answers how it ended, and how long the copy lived before it did.
 */
function backUpInChild(dataFolder: string, day: string, killAfter: number | null): Promise<{ outcome: 'killed' | 'finished'; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataFolder, day], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const backups = join(dataFolder, 'backups');
    let copyAppeared = 0;
    const poll = setInterval(() => {
      // This child's own temporary copy (a killed one's may still lie there until this one removes it).
      if (!existsSync(backups) || !readdirSync(backups).some((n) => n.endsWith(`.partial-${child.pid}`))) return;
      clearInterval(poll);
      copyAppeared = performance.now();
      if (killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter);
    }, 1);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      const ms = performance.now() - copyAppeared;
      if (signal === 'SIGKILL') resolve({ outcome: out.includes('done') ? 'finished' : 'killed', ms });
      else if (code === 0) resolve({ outcome: 'finished', ms });
      else reject(new Error(`the backup child failed (${code}): ${err}`));
    });
  });
}

describe('a backup killed half-way', () => {
  it('is never counted among the seven, and the next start makes it again', { timeout: 60_000 }, async () => {
    const dir = folder();
    const store = bigStore(dir, 40);
    expect(statSync(store).size).toBeGreaterThan(35e6);
    const migrations = loadMigrations();
    // One backup left to finish says how long copying, checking, flushing and renaming take here;
    // the kills then land at random moments across most of it (the first run, from a cold cache, is the slowest).
    const whole = await backUpInChild(dir, '2026-10-31', null);
    expect(whole.outcome).toBe('finished');
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      // Each trial is its own day, so a finished one does not stop the next from copying.
      const { outcome } = await backUpInChild(dir, `2026-11-${String(trial + 1).padStart(2, '0')}`, Math.random() * whole.ms * 0.7);
      outcomes.push(outcome);
      // Every file under a backup's name passes the full check (integrity_check, our mark, a
      // schema we open) — not only those the header check would count: nothing is ever half-written in place.
      const named = backupNames(join(dir, 'backups'));
      for (const name of named) expect(() => inspectStore(join(dir, 'backups', name), { migrations, check: 'integrity_check' })).not.toThrow();
      expect(listBackups(join(dir, 'backups'))).toHaveLength(named.length);
    }
    expect(outcomes.filter((o) => o === 'killed').length).toBeGreaterThan(0);

    // The next start, on the day of the last kill (the newest, so no pruning of the seven takes
    // it): that day's backup is made if the kill left none.
    const lastDay = `2026-11-${String(TRIALS).padStart(2, '0')}`;
    const last = join(dir, 'backups', `decision-matrix-${lastDay}.sqlite`);
    const survived = existsSync(last);
    const db = openDecisionStore(join(dir, DATABASE_FILE_NAME));
    const again = await backUpDaily(db, dir, new Date(`${lastDay}T18:00:00Z`));
    db.close();
    expect(again).toBe(survived ? null : last);
    expect(readdirSync(join(dir, 'backups')).filter((n) => !BACKUP_FILE.test(n))).toEqual([]);
    const counted = listBackups(join(dir, 'backups'));
    expect(counted).toContain(last);
    expect(counted.length).toBeLessThanOrEqual(7);
    for (const backup of counted) expect(inspectStore(backup, { migrations, check: 'integrity_check' }).marked).toBe(true);
    console.info(`backup kill test: a whole backup took ${Math.round(whole.ms)} ms; kills: ${outcomes.join(', ')}`);
  });
});
