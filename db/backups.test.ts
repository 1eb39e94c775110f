import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpDaily, listBackups } from './backups';
import { DATABASE_FILE_NAME } from './connection';
import { listDecisions } from './decisions';
import { APPLICATION_ID } from './identity';
import { openDecisionStore } from './seed';
import { storeWith } from './test/files';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

describe('backUpDaily', () => {
  it('writes one readable copy a day and keeps the latest seven', async () => {
    const data = folder();
    const db = openDecisionStore(join(data, 'decision-matrix.sqlite'));
    const first = await backUpDaily(db, data, new Date('2026-11-01T10:00:00Z'));
    expect(first).toBe(join(data, 'backups', 'decision-matrix-2026-11-01.sqlite'));
    expect(await backUpDaily(db, data, new Date('2026-11-01T18:00:00Z'))).toBeNull();

    const copy = new Database(first!, { readonly: true });
    expect(listDecisions(copy).map((d) => d.title)).toEqual(['PyTorch vs TensorFlow']);
    // One self-contained file, marked as ours: rollback journal mode, so no -wal ever trails it.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    copy.close();

    for (let day = 2; day <= 10; day++) await backUpDaily(db, data, new Date(Date.UTC(2026, 10, day)));
    const kept = readdirSync(join(data, 'backups')).sort();
    expect(kept).toHaveLength(7);
    expect(kept[0]).toBe('decision-matrix-2026-11-04.sqlite');
    expect(kept.at(-1)).toBe('decision-matrix-2026-11-10.sqlite');
    db.close();
  });

  it('does not count a half-written backup (older versions wrote in place): it is set aside and today’s is made again', async () => {
    const data = folder();
    const db = openDecisionStore(join(data, DATABASE_FILE_NAME));
    await backUpDaily(db, data, new Date('2026-11-01T10:00:00Z'));
    const today = join(data, 'backups', 'decision-matrix-2026-11-02.sqlite');
    const whole = readFileSync(join(data, 'backups', 'decision-matrix-2026-11-01.sqlite'));
    writeFileSync(today, whole.subarray(0, whole.length / 2));
    writeFileSync(join(data, 'backups', '.decision-matrix-2026-11-02.sqlite.partial-999999999'), whole.subarray(0, 4096));
    writeFileSync(join(data, 'backups', '.decision-matrix-2026-11-02.sqlite.partial-999999999-journal'), 'hot journal');

    expect(await backUpDaily(db, data, new Date('2026-11-02T10:00:00Z'))).toBe(today);
    expect(readdirSync(join(data, 'backups')).sort()).toEqual(['decision-matrix-2026-11-01.sqlite', 'decision-matrix-2026-11-02.sqlite', 'decision-matrix-2026-11-02.sqlite.broken']);
    expect(listBackups(join(data, 'backups'))).toEqual([today, join(data, 'backups', 'decision-matrix-2026-11-01.sqlite')]);
    db.close();
  });

  it('makes no backup of a damaged store, says so, and keeps every older backup', async () => {
    const data = folder();
    const file = storeWith(join(data, DATABASE_FILE_NAME), 30);
    const good = openDecisionStore(file);
    for (let day = 1; day <= 7; day++) await backUpDaily(good, data, new Date(Date.UTC(2026, 10, day)));
    const { rootpage } = good.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'decisions'").get() as { rootpage: number };
    good.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, (rootpage - 1) * 4096 + 8, rootpage * 4096);
    writeFileSync(file, bytes);

    // As a store damaged while the app runs: the handle was opened before the damage.
    const damaged = new Database(file);
    await expect(backUpDaily(damaged, data, new Date('2026-11-08T10:00:00Z'))).rejects.toThrow(/^The store is damaged, so no backup was made and the older ones were kept: its copy is damaged: SQLite's integrity_check reports/);
    damaged.close();
    expect(readdirSync(join(data, 'backups'))).toHaveLength(7);
    expect(listBackups(join(data, 'backups'))[0]).toMatch(/decision-matrix-2026-11-07\.sqlite$/);
  });
});
