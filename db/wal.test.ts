import Database from 'better-sqlite3';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, inTransaction, openStore } from './connection';
import { APPLICATION_ID } from './identity';
import { readIdentityRow } from './identity-row';
import { loadMigrations } from './migrations';
import { openDecisionStore } from './seed';
import { addDecisions, copyAsCrashed, titles } from './test/files';
import { temporaryFolder } from './test/temporary-store';
import { readWal } from './wal';

const folder = temporaryFolder();

/** A store left as a kill -9 leaves it: `n` decisions committed into a -wal that nothing folded in. */
function crashedStore(n: number, migrations = loadMigrations()): { file: string; live: Database.Database } {
  const dir = folder();
  const live = openStore(join(dir, 'live.sqlite'), { migrations }).db;
  addDecisions(live, n, 'Acknowledged');
  const file = join(dir, DATABASE_FILE_NAME);
  copyAsCrashed(join(dir, 'live.sqlite'), file);
  return { file, live };
}

describe('a -wal of its own is applied', () => {
  it('after a crash: every committed write is there', () => {
    const { file, live } = crashedStore(12);
    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.startsWith('Acknowledged'))).toHaveLength(12);
    db.close();
    live.close();
  });

  it('after a checkpoint copied part of it back (the file then holds one of its pages exactly)', () => {
    const dir = folder();
    const live = openDecisionStore(join(dir, 'live.sqlite'));
    addDecisions(live, 4, 'Before checkpoint');
    live.pragma('wal_checkpoint(PASSIVE)');
    addDecisions(live, 3, 'After checkpoint');
    const file = join(dir, DATABASE_FILE_NAME);
    copyAsCrashed(join(dir, 'live.sqlite'), file);
    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.includes('checkpoint'))).toHaveLength(7);
    db.close();
    live.close();
  });

  it('with a torn last frame: the committed transactions before it count, the torn one does not', () => {
    const { file, live } = crashedStore(5);
    truncateSync(`${file}-wal`, readFileSync(`${file}-wal`).length - 100);
    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.startsWith('Acknowledged')).length).toBe(4);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    live.close();
  });

  it('and one with an unreadable header is left to SQLite, which discards it: nothing in it could be applied', () => {
    const { file, live } = crashedStore(3);
    const wal = readFileSync(`${file}-wal`);
    wal.writeUInt32BE(0xdeadbeef, 24); // the header's checksum
    writeFileSync(`${file}-wal`, wal);
    expect(readWal(wal)).toBeNull();
    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.startsWith('Acknowledged'))).toEqual([]);
    db.close();
    live.close();
  });

  it('for a store from before the mark (schema 4): opened, its -wal applied, then marked', () => {
    const { file, live } = crashedStore(6, loadMigrations().slice(0, 4));
    expect(readFileSync(file).readInt32BE(68)).toBe(0);
    const db = openDecisionStore(file);
    expect(titles(db).filter((t) => t.startsWith('Acknowledged'))).toHaveLength(6);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    db.close();
    live.close();
  });
});

describe('the write count every -wal carries', () => {
  it('goes up by one per committed write transaction, and not for reads or nested transactions', () => {
    const db = openDecisionStore(join(folder(), DATABASE_FILE_NAME));
    const count = () => (db.prepare('SELECT write_count AS n FROM store_identity').get() as { n: number }).n;
    const start = count();
    addDecisions(db, 3);
    inTransaction(db, () => db.prepare('SELECT COUNT(*) FROM decisions').get());
    inTransaction(db, () => inTransaction(db, () => db.prepare("UPDATE decisions SET context = 'x'").run()));
    expect(count()).toBe(start + 4);
    db.close();
  });

  it('is read from the page bytes as SQLite stores them', () => {
    const file = join(folder(), DATABASE_FILE_NAME);
    const db = openDecisionStore(file);
    addDecisions(db, 300);
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'store_identity'").get() as { rootpage: number };
    const row = db.prepare('SELECT store_id AS storeId, write_count AS writeCount FROM store_identity').get();
    db.close();
    const bytes = readFileSync(file);
    expect(readIdentityRow(bytes.subarray((rootpage - 1) * 4096, rootpage * 4096))).toEqual(row);
  });
});
