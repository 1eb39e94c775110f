import Database from 'better-sqlite3';
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './connection';
import { syncFile, syncFolder } from './durable';
import { abandonedBy } from './leftovers';
import { migrate, type Migration } from './migrations';
import { StoreOpenError } from './store-error';

const CHOOSE_ANOTHER = 'Choose another data folder (--data-dir DIR, or DECISION_MATRIX_DATA_DIR).';

/** Half-made stores left by a process that died while creating one (nobody else names files so). */
function removeAbandoned(folder: string, name: string): void {
  const prefix = `.${name}.creating-`;
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith(prefix)) continue;
    if (abandonedBy(Number.parseInt(entry.slice(prefix.length), 10))) rmSync(join(folder, entry), { force: true });
  }
}

/** Puts the finished store in place without ever replacing one; false when another process got there first. */
function publish(temp: string, file: string): boolean {
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
    // A filesystem without hard links (FAT, some network shares): rename, which would replace, so look first.
    if (existsSync(file)) return false;
    renameSync(temp, file);
    return true;
  }
}

/**
 * Creates a store under a temporary name beside `file` — schema, mark and first-run seed in one
 * transaction — and then gives it its name in one step. A crash at any point leaves either no
 * store (and a temporary file the next start removes) or a complete one: never a half-made file
 * that the next start would have to refuse as not ours. Returns false when another process
 * created the store meanwhile (it is then used as it is).
 */
export function createStore(file: string, migrations: Migration[], seed: ((db: Db) => void) | undefined, nativeBinding?: string): boolean {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    removeAbandoned(folder, basename(file));
  } catch (error) {
    throw new StoreOpenError(`The data folder ${folder} cannot be made or read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ${CHOOSE_ANOTHER}`, 'cannot-create');
  }
  if (existsSync(`${file}-wal`)) {
    throw new StoreOpenError(
      `${file} does not exist, but ${file}-wal does: SQLite would apply it to a new store. Nothing was created. ` +
        `Move ${file}-wal aside (it may hold the last changes of a store that was moved or deleted) and start again.`,
      'foreign-wal',
    );
  }
  const temp = join(folder, `.${basename(file)}.creating-${process.pid}`);
  try {
    const db = new Database(temp, { nativeBinding });
    try {
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, migrations, seed);
    } finally {
      db.close();
    }
    syncFile(temp);
    const created = publish(temp, file);
    syncFolder(folder);
    return created;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'].includes(code)) {
      throw new StoreOpenError(`A new store cannot be created in ${folder}: it is not writable (${code}). ${CHOOSE_ANOTHER}`, 'cannot-create');
    }
    throw error;
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
  }
}
