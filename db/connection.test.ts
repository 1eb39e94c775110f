import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, openStoreForReading, StoreOpenError } from './connection';
import { APPLICATION_ID } from './identity';
import { listDecisions } from './decisions';
import { loadMigrations } from './migrations';
import { openDecisionStore } from './seed';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

describe('openStore', () => {
  it('uses WAL, synchronous=FULL and foreign keys', () => {
    const { db } = openStore(join(folder(), 'store.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    db.close();
  });

  it('refuses a database from a newer app and leaves it byte-for-byte unchanged', () => {
    const file = join(folder(), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`application_id = ${APPLICATION_ID}`);
    future.pragma('user_version = 999');
    future.close();
    const before = readFileSync(file);
    expect(() => openStore(file)).toThrow(StoreOpenError);
    expect(() => openStore(file)).toThrow(/newer version of Decision Matrix \(schema 999; this app knows up to \d+\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and leaves it unchanged', () => {
    const file = join(folder(), 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    const before = readFileSync(file);
    expect(() => openStore(file)).toThrow(/is not a Decision Matrix database/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a new store', () => {
  it('is made under a temporary name and appears whole, marked as ours, in one step', () => {
    const dir = folder();
    const file = join(dir, 'store.sqlite');
    const { db, created, readOnly } = openStore(file);
    expect([created, readOnly]).toEqual([true, null]);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT write_count FROM store_identity').pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(dir)).toEqual(['store.sqlite']);
    expect(openStore(file).created).toBe(false);
  });

  it('removes a half-made one left by a process that died while making it', () => {
    const dir = folder();
    writeFileSync(join(dir, '.store.sqlite.creating-999999999'), 'half a store');
    openStore(join(dir, 'store.sqlite')).db.close();
    expect(readdirSync(dir)).toEqual(['store.sqlite']);
  });

  it('is not made over a -wal left by a store that was moved away: SQLite would apply it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'store.sqlite-wal'), 'the last changes of a moved store');
    expect(() => openStore(join(dir, 'store.sqlite'))).toThrow(/store\.sqlite does not exist, but .*store\.sqlite-wal does: SQLite would apply it to a new store\. Nothing was created\./);
    expect(existsSync(join(dir, 'store.sqlite'))).toBe(false);
  });
});

describe('openStoreForReading', () => {
  it('reads a store without writing anything beside it, and refuses writes', () => {
    const file = join(folder(), 'store.sqlite');
    openDecisionStore(file).close();
    const before = readFileSync(file);
    const { db, readOnly } = openStoreForReading(file);
    expect(readOnly).toMatch(/is open for reading only/);
    expect(listDecisions(db).map((d) => d.title)).toEqual(['PyTorch vs TensorFlow']);
    expect(() => db.prepare('DELETE FROM decisions').run()).toThrow(/readonly/);
    db.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
  });

  it('refuses a store from an older version rather than upgrading it', () => {
    const file = join(folder(), 'store.sqlite');
    openStore(file, { migrations: loadMigrations().slice(0, 3) }).db.close();
    const before = readFileSync(file);
    expect(() => openStoreForReading(file)).toThrow(/is from an older version of Decision Matrix \(schema 3; this app's is \d+\)\. This command only reads, so it does not upgrade stores: open it once with the app to upgrade it/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('openDecisionStore', () => {
  it('seeds the PyTorch vs TensorFlow decision on first run only', () => {
    const file = join(folder(), 'store.sqlite');
    const first = openDecisionStore(file);
    expect(listDecisions(first).map((d) => [d.title, d.optionCount, d.criterionCount])).toEqual([['PyTorch vs TensorFlow', 2, 6]]);
    first.prepare('DELETE FROM decisions').run();
    first.close();
    const again = openDecisionStore(file);
    expect(listDecisions(again)).toEqual([]);
    again.close();
  });
});
