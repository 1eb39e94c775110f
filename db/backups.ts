import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FOLDER_NAME, backupNames, listBackups, looksWhole } from './backup-list';
import type { Db } from './connection';
import { syncFile, syncFolder } from './durable';
import { inspectStore } from './inspect';
import { abandonedBy } from './leftovers';
import { loadMigrations, schemaVersion, type Migration } from './migrations';
import { StoreOpenError } from './store-error';

export { BACKUP_FOLDER_NAME, latestGoodBackup, listBackups } from './backup-list';

/** `.decision-matrix-2026-11-01.sqlite.partial-<pid>`, and its `-journal` while SQLite writes it. */
const PARTIAL = /^\.decision-matrix-\d{4}-\d{2}-\d{2}\.sqlite\.partial-(\d+)(-journal)?$/;

/** Copies a run was killed in the middle of writing: never counted, and today's is made again. */
function removePartials(folder: string): void {
  for (const name of readdirSync(folder)) {
    const match = PARTIAL.exec(name);
    if (match && abandonedBy(Number(match[1]))) rmSync(join(folder, name), { force: true });
  }
}

/**
 * A file under a backup's name that is not whole (older versions wrote backups in place, and a
 * kill left them half-written) is renamed `.broken`: no longer counted among the seven nor taken
 * for today's, and not deleted either.
 */
function setAsideBroken(folder: string): void {
  for (const name of backupNames(folder)) {
    if (!looksWhole(join(folder, name))) renameSync(join(folder, name), join(folder, `${name}.broken`));
  }
}

/** Copies, checks and only then names today's backup: a backup under its name is always whole. */
async function writeBackup(db: Db, folder: string, name: string, migrations: Migration[]): Promise<string> {
  const temp = join(folder, `.${name}.partial-${process.pid}`);
  const final = join(folder, name);
  try {
    // SQLite's online backup: a consistent copy while the app goes on writing.
    await db.backup(temp);
    // One self-contained file: out of WAL mode, so no -wal or -shm ever trails a backup.
    const copy = new Database(temp);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const checked = inspectStore(temp, { migrations, check: 'integrity_check' });
    const version = schemaVersion(db);
    if (!checked.marked || checked.version !== version) throw new Error(`the copy is at schema ${checked.version}${checked.marked ? '' : ' without our mark'}, the store at ${version}`);
    syncFile(temp);
    renameSync(temp, final);
    syncFolder(folder);
    return final;
  } catch (error) {
    if (error instanceof StoreOpenError && error.problem === 'corrupt') {
      throw new Error(`The store is damaged, so no backup was made and the older ones were kept: ${error.message.replace(temp, 'its copy')}`, { cause: error });
    }
    throw error;
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
  }
}

/**
 * Keeps one copy of the store a day and the most recent `keep` of them. Each is written under a
 * temporary name, checked (integrity_check, our mark, the store's schema version), flushed to
 * disk and then renamed into place, so a kill at any point leaves no broken backup among those
 * counted, and the next start makes today's again. A damaged store is not backed up: the call
 * fails and no older backup is removed. Returns the file written, or null if today's exists.
 */
export async function backUpDaily(db: Db, dataFolder: string, today: Date = new Date(), keep = 7, migrations: Migration[] = loadMigrations()): Promise<string | null> {
  const folder = join(dataFolder, BACKUP_FOLDER_NAME);
  mkdirSync(folder, { recursive: true });
  removePartials(folder);
  setAsideBroken(folder);
  const name = `decision-matrix-${today.toISOString().slice(0, 10)}.sqlite`;
  const written = existsSync(join(folder, name)) ? null : await writeBackup(db, folder, name, migrations);
  for (const old of listBackups(folder).slice(keep)) rmSync(old, { force: true });
  return written;
}
