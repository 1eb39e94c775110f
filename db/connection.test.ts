import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreOpenError } from './connection';
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
