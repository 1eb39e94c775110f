import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadMigrations, migrate, type Migration } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE_NAME = 'decision-matrix.sqlite';

/** A store that cannot be opened; the message is written for the person who owns the file. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Path to a better-sqlite3 `.node` built for a different runtime (the Electron ABI). */
  nativeBinding?: string;
  /** Fills a newly created store, in the transaction that creates its schema. */
  seed?: (db: Db) => void;
}

export interface OpenedStore {
  db: Db;
  /** True when this call created the schema from nothing (a first run). */
  created: boolean;
}

/**
 * Opens (creating if needed) and migrates the store. A file from a newer app, or one that is not
 * a database, is refused before anything is written to it.
 */
export function openStore(file: string, options: OpenOptions = {}): OpenedStore {
  const migrations = options.migrations ?? loadMigrations();
  const nativeBinding = options.nativeBinding ?? (process.env.DECISION_MATRIX_SQLITE_BINDING || undefined);
  if (existsSync(file)) inspectWithoutWriting(file, migrations.length, nativeBinding);
  else mkdirSync(dirname(file), { recursive: true });

  const db = new Database(file, { nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const { from } = migrate(db, migrations, options.seed);
    return { db, created: from === 0 };
  } catch (error) {
    db.close();
    throw error;
  }
}

function inspectWithoutWriting(file: string, latest: number, nativeBinding: string | undefined): void {
  let version: number;
  let probe: Db | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    version = probe.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new StoreOpenError(`${file} is not a Decision Matrix database (${(error as Error).message}); it was left untouched.`);
  } finally {
    probe?.close();
  }
  if (version > latest) {
    throw new StoreOpenError(
      `${file} was written by a newer version of Decision Matrix (schema ${version}; this app knows up to ${latest}). ` +
        'It was left untouched: update the app to open it.',
    );
  }
}

/** Runs fn as one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)();
}
