import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpDaily } from './backups';
import { DATABASE_FILE_NAME, openStoreForReading, StoreOpenError, type StoreProblem } from './connection';
import { APPLICATION_ID } from './identity';
import { openDecisionStore } from './seed';
import { addDecisions, fingerprint, storeWith } from './test/files';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

/** Another application's SQLite file, made by SQLite itself. */
function foreignDatabase(file: string, sql: string, pragmas: string[] = []): void {
  const db = new Database(file);
  db.exec(sql);
  for (const pragma of pragmas) db.pragma(pragma);
  db.close();
}

/** Overwrites one page of a closed store with random bytes. */
function damagePage(file: string, page: number): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  randomBytes(pageSize).copy(bytes, (page - 1) * pageSize);
  writeFileSync(file, bytes);
}

function rootPageOf(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
  db.close();
  return rootpage;
}

/** The -wal of an open store with `n` more decisions, copied before the store is closed (and folds it in). */
function liveWalOf(file: string, n: number, prefix: string): Buffer {
  const db = openDecisionStore(file);
  addDecisions(db, n, prefix);
  const wal = readFileSync(`${file}-wal`);
  db.close();
  return wal;
}

const MOVE_ASIDE = /Move it aside, or choose another data folder \(--data-dir DIR, or DECISION_MATRIX_DATA_DIR\), and start again\.$/;
const MOVE_WAL_ASIDE = /-wal aside \(keep it: it may hold changes made elsewhere\) and start again\.$/;

type Maker = (file: string, dir: string) => void;

const kinds: [string, Maker, StoreProblem, RegExp, RegExp][] = [
  ['a zero-byte file', (f) => writeFileSync(f, ''), 'empty', /is empty \(0 bytes\)/, MOVE_ASIDE],
  [
    'a store cut short at a page boundary',
    (f) => {
      storeWith(f, 400);
      truncateSync(f, Math.floor(readFileSync(f).length / 4096 / 2) * 4096);
    },
    'incomplete',
    /is incomplete: its header says \d+ pages of 4096 bytes/,
    MOVE_ASIDE,
  ],
  ['a store cut short mid-page', (f) => (storeWith(f, 50), truncateSync(f, 4096 * 3 + 1000)), 'incomplete', /is incomplete: its \d+ bytes are not a whole number/, MOVE_ASIDE],
  ['random bytes', (f) => writeFileSync(f, randomBytes(64 * 1024)), 'not-sqlite', /is not a Decision Matrix database: it is not an SQLite database at all/, MOVE_ASIDE],
  ['a text file', (f) => writeFileSync(f, 'these are my notes, not a database '.repeat(200)), 'not-sqlite', /not an SQLite database/, MOVE_ASIDE],
  [
    "another application's database (user_version 0)",
    (f) => foreignDatabase(f, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'mine\')'),
    'foreign',
    /without Decision Matrix's mark or schema version: another application's/,
    MOVE_ASIDE,
  ],
  [
    "another application's database with its own decisions table",
    (f) => foreignDatabase(f, 'CREATE TABLE decisions (id INTEGER PRIMARY KEY, verdict TEXT)', ['journal_mode = WAL']),
    'foreign',
    /another application's/,
    MOVE_ASIDE,
  ],
  [
    "another application's database at user_version 3, without our mark",
    (f) => foreignDatabase(f, 'CREATE TABLE decisions (id INTEGER PRIMARY KEY, title TEXT); CREATE TABLE options (id INTEGER PRIMARY KEY)', ['user_version = 3']),
    'unknown-schema',
    /says schema version 3, but its tables are not that version's \(missing or different: .*table decisions/,
    MOVE_ASIDE,
  ],
  [
    'a database marked by another application (GeoPackage)',
    (f) => foreignDatabase(f, 'CREATE TABLE gpkg_contents (table_name TEXT)', ['application_id = 1196444487', 'user_version = 10300']),
    'foreign',
    /belongs to another application \(its SQLite application_id is 0x47504b47, not Decision Matrix's 0x444d7478\)/,
    MOVE_ASIDE,
  ],
  [
    'a store from a newer Decision Matrix',
    (f) => foreignDatabase(f, 'CREATE TABLE from_the_future (x)', [`application_id = ${APPLICATION_ID}`, 'user_version = 999']),
    'newer',
    /was written by a newer version of Decision Matrix \(schema 999; this app knows up to \d+\)\. Update the app to open it\./,
    MOVE_ASIDE,
  ],
  [
    'a store with a damaged page',
    (f) => {
      storeWith(f, 20);
      damagePage(f, rootPageOf(f, 'decisions'));
    },
    'corrupt',
    /is damaged: SQLite's quick_check reports .+\. Nothing was written to it\./,
    /There is no good backup in .+backups\. Move the file aside \(keep it: sqlite3's \.recover may save part of it\) and start again\.$/,
  ],
  [
    "a store beside another store's -wal (13 decisions; the other's 6)",
    (f, dir) => {
      storeWith(f, 13, 'Ours');
      writeFileSync(`${f}-wal`, liveWalOf(join(dir, 'other.sqlite'), 6, 'Theirs'));
    },
    'foreign-wal',
    /-wal does not belong to .+: it was written by another store \([0-9a-f]{32}; this file is [0-9a-f]{32}\)/,
    MOVE_WAL_ASIDE,
  ],
  [
    'a store beside an older -wal of its own',
    (f) => {
      const stale = liveWalOf(f, 3, 'Early');
      const db = openDecisionStore(f);
      addDecisions(db, 2, 'Later');
      db.close();
      writeFileSync(`${f}-wal`, stale);
    },
    'foreign-wal',
    /it continues from write \d+ but the file is at write \d+ \(a -wal left from an older or newer copy of this store\)/,
    MOVE_WAL_ASIDE,
  ],
  [
    "a store beside another application's -wal",
    (f, dir) => {
      storeWith(f, 2);
      const other = new Database(join(dir, 'other.db'));
      other.pragma('journal_mode = WAL');
      other.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('theirs')");
      copyFileSync(join(dir, 'other.db-wal'), `${f}-wal`);
      other.close();
    },
    'foreign-wal',
    /its copy of page 1 carries application_id 0x00000000, the database 0x444d7478/,
    MOVE_WAL_ASIDE,
  ],
];

describe('a file that is not a whole store of ours is refused before anything writes to it', () => {
  it.each(kinds)('%s', (_, make, problem, what, wayOut) => {
    const dir = folder();
    const file = join(dir, DATABASE_FILE_NAME);
    make(file, dir);
    const before = fingerprint(file);
    const listing = readdirSync(dir).sort();

    for (const open of [() => openDecisionStore(file), () => openStoreForReading(file).db]) {
      let refusal: unknown;
      try {
        open().close();
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(StoreOpenError);
      const { message } = refusal as StoreOpenError;
      expect((refusal as StoreOpenError).problem).toBe(problem);
      expect(message).toContain(file);
      expect(message).toMatch(what);
      expect(message).toMatch(wayOut);
    }
    // Byte for byte unchanged, and nothing new beside it: no -wal, no -shm, no temporary file.
    expect(fingerprint(file)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('names the latest good backup of a damaged store, and the one command that restores it', async () => {
    const dir = folder();
    const file = storeWith(join(dir, DATABASE_FILE_NAME), 5);
    const db = openDecisionStore(file);
    const backup = await backUpDaily(db, dir, new Date('2026-11-02T09:00:00Z'));
    db.close();
    damagePage(file, rootPageOf(file, 'decisions'));
    const before = fingerprint(file);
    let refusal: StoreOpenError | undefined;
    try {
      openDecisionStore(file);
    } catch (error) {
      refusal = error as StoreOpenError;
    }
    expect(refusal?.problem).toBe('corrupt');
    expect(refusal?.latestGoodBackup).toBe(backup);
    expect(refusal?.message).toContain(`The latest good backup is ${backup}. To put it in place, close the app and run: decision-matrix restore --data-dir "${dir}"`);
    expect(fingerprint(file)).toEqual(before);
    // Not backed up either: the refusal comes before any host could start its daily copy.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['decision-matrix-2026-11-02.sqlite']);
  });
});
