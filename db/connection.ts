import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { restoreHint } from './backup-list';
import { createStore } from './create';
import { inspectStore, type Inspection } from './inspect';
import { loadMigrations, migrate, type Migration } from './migrations';
import { openImage } from './snapshot';
import { removeUnfinishedDecisions } from './unfinished';
import { StoreOpenError } from './store-error';
import { whyReadOnly } from './writable';

export { StoreOpenError, type StoreProblem } from './store-error';

export type Db = Database.Database;

export const DATABASE_FILE_NAME = 'decision-matrix.sqlite';

export interface OpenOptions {
  migrations?: Migration[];
  /** Path to a better-sqlite3 `.node` built for a different runtime (the Electron ABI). */
  nativeBinding?: string;
  /** Fills a newly created store, in the transaction that creates its schema. */
  seed?: (db: Db) => void;
  /** The last sentence of a refusal, when the usual one (move it aside, or --data-dir) does not fit the caller. */
  wayOut?: string;
}

export interface OpenedStore {
  db: Db;
  /** True when this call created the store (a first run). */
  created: boolean;
  /**
   * Why the store cannot be written, or null when it can. A read-only store is served from a
   * copy in memory that refuses writes (SQLITE_READONLY, see isReadOnlyStoreError), so nothing is
   * created beside a file or in a folder that the app may not change.
   */
  readOnly: string | null;
}

function settings(options: OpenOptions) {
  return {
    migrations: options.migrations ?? loadMigrations(),
    nativeBinding: options.nativeBinding ?? (process.env.DECISION_MATRIX_SQLITE_BINDING || undefined),
  };
}

/** The inspection, with the way back named when the store is damaged: the latest good backup and the one command that restores it. */
function inspect(file: string, migrations: Migration[], options: OpenOptions, nativeBinding: string | undefined): Inspection {
  try {
    return inspectStore(file, { migrations, wayOut: options.wayOut, nativeBinding });
  } catch (error) {
    if (!(error instanceof StoreOpenError) || error.problem !== 'corrupt') throw error;
    const { hint, backup } = restoreHint(dirname(file), migrations, nativeBinding);
    throw new StoreOpenError(`${error.message} ${hint}`, 'corrupt', backup);
  }
}

/**
 * Opens (creating if needed) and migrates the store. Nothing writes to an existing file before it
 * has been judged from its bytes (db/inspect.ts): one that is not ours, newer, damaged or has a
 * -wal that is not its own is refused, byte for byte unchanged. A store that cannot be written is
 * opened read-only (OpenedStore.readOnly says why) rather than failing at its first write.
 */
export function openStore(file: string, options: OpenOptions = {}): OpenedStore {
  const { migrations, nativeBinding } = settings(options);
  const created = !existsSync(file) && createStore(file, migrations, options.seed, nativeBinding);
  const inspection = inspect(file, migrations, options, nativeBinding);
  const readOnly = whyReadOnly(file);
  if (readOnly) {
    if (inspection.version < migrations.length) {
      throw new StoreOpenError(
        `${file} is from an older version of Decision Matrix (schema ${inspection.version}; this app's is ${migrations.length}) and must be upgraded once, but ${readOnly}. ` +
          'It was left untouched. Make it writable, or copy it into a writable data folder (--data-dir DIR), and start again.',
        'older',
      );
    }
    return { db: openImage(inspection.image, nativeBinding), created: false, readOnly };
  }
  const db = new Database(file, { nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    configureConnection(db);
    migrate(db, migrations);
    if (hasTable(db, 'decisions_being_written')) removeUnfinishedDecisions(db, process.pid);
    return { db, created, readOnly: null };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing store for a command that only reads (export --db): judged like openStore,
 * then served from a copy in memory, so it is never migrated, seeded or otherwise written, and
 * nothing appears beside it. An older store is refused: upgrading is the app's job.
 */
export function openStoreForReading(file: string, options: OpenOptions = {}): OpenedStore {
  const { migrations, nativeBinding } = settings(options);
  if (!existsSync(file)) throw new StoreOpenError(`${file}: no such file. ${options.wayOut ?? ''}`.trim(), 'not-a-file');
  const inspection = inspect(file, migrations, options, nativeBinding);
  if (inspection.version < migrations.length) {
    throw new StoreOpenError(
      `${file} is from an older version of Decision Matrix (schema ${inspection.version}; this app's is ${migrations.length}). ` +
        'This command only reads, so it does not upgrade stores: open it once with the app to upgrade it, then run the command again.',
      'older',
    );
  }
  return { db: openImage(inspection.image, nativeBinding), created: false, readOnly: `${file} is open for reading only` };
}

const hasTable = (db: Db, name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

const totalChanges = (db: Db) => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const writeCounters = new WeakMap<Db, Database.Statement | null>();

/** Adds one to store_identity.write_count (db/wal-fit.ts relies on it); nothing for a schema without the table. */
function countWrite(db: Db): void {
  if (!writeCounters.has(db)) {
    let statement: Database.Statement | null = null;
    try {
      statement = db.prepare('UPDATE store_identity SET write_count = write_count + 1 WHERE id = 1');
    } catch {
      // A schema from before migration 0005 (tests' in-memory databases): nothing to count in.
    }
    writeCounters.set(db, statement);
  }
  writeCounters.get(db)?.run();
}

/**
 * Runs fn as one transaction: everything it writes commits together or not at all. A transaction
 * that changed rows also adds one to the store's write count, in the same commit, so every -wal
 * our writes leave carries the store's name and count. Only the outermost transaction counts.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)();
  return db.transaction(counted(db, fn))();
}

function counted<T>(db: Db, fn: () => T): () => T {
  return () => {
    const before = totalChanges(db);
    const result = fn();
    if (totalChanges(db) !== before) countWrite(db);
    return result;
  };
}

/** What every connection that writes sets for itself: full syncs, foreign keys, and a wait for the write lock. */
export function configureConnection(db: Db): void {
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * inTransaction for a connection of its own that writes a lot (db/bulk-connection.ts): the write
 * lock is taken at the start (BEGIN IMMEDIATE), so the transaction never fails half way for want
 * of it, while other connections go on reading what was committed before it (WAL).
 */
export function inWriteTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(counted(db, fn)).immediate();
}
