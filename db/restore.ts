import { copyFileSync, existsSync, linkSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUP_FOLDER_NAME, latestGoodBackup } from './backup-list';
import { syncFile, syncFolder } from './durable';
import { inspectStore } from './inspect';
import { abandonedBy } from './leftovers';
import { loadMigrations, type Migration } from './migrations';
import { processesUsing } from './open-marks';

export interface Restored {
  store: string;
  backup: string;
  /** Where the files that were in the way now are (the store, its -wal and -shm), renamed, never deleted. */
  keptAs: string[];
}

export interface RestoreOptions {
  migrations?: Migration[];
  nativeBinding?: string;
  now?: Date;
}

/** Gives `from` the name `to` while keeping `from` too (a hard link), falling back to a copy where links are not supported. */
function keepUnder(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Throws, changing nothing, while another live process has the store marked open. */
function refuseWhileOpen(store: string): void {
  const users = processesUsing(store);
  if (users.length === 0) return;
  throw new Error(
    `${store} is open in Decision Matrix (process ${users.join(', ')}): close the app, then run restore again. Nothing was changed. (If the app is not running, delete ${join(dirname(store), `.${basename(store)}.open-${users[0]}`)} and try again.)`,
  );
}

/**
 * Puts a backup in place of the store; refused while a running app has the store open (open-marks.ts). The backup is checked in full
 * first (integrity_check, our mark, a schema this app can open) and copied in under a temporary
 * name, flushed, and renamed over the store in one step, so a crash leaves either the old store
 * or the restored one. What was in the way is kept under `<store>.before-restore-<time>`:
 * the -wal and -shm go first (applied to the backup, another file's -wal would damage it), then
 * the store itself. Without `backup`, the latest good one in the data folder's backups/ is used.
 */
export function restoreBackup(store: string, backup?: string, options: RestoreOptions = {}): Restored {
  const migrations = options.migrations ?? loadMigrations();
  const folder = dirname(store);
  refuseWhileOpen(store);
  const source = backup ?? latestGoodBackup(join(folder, BACKUP_FOLDER_NAME), migrations, options.nativeBinding);
  if (!source) throw new Error(`There is no good backup in ${join(folder, BACKUP_FOLDER_NAME)}; name one with --backup FILE.`);
  const wayOut = 'Name another backup with --backup FILE.';
  inspectStore(source, { migrations, check: 'integrity_check', wayOut, nativeBinding: options.nativeBinding });

  const prefix = `.${basename(store)}.restoring-`;
  // A copy a killed restore left half-made: the store it would have replaced is still in place.
  for (const name of readdirSync(folder)) if (name.startsWith(prefix) && abandonedBy(Number(name.slice(prefix.length)))) rmSync(join(folder, name), { force: true });
  const temp = join(folder, `${prefix}${process.pid}`);
  try {
    copyFileSync(source, temp);
    syncFile(temp);
    // The copy is what will be used: checked again, as the disk holds it.
    inspectStore(temp, { migrations, check: 'integrity_check', wayOut, nativeBinding: options.nativeBinding });
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const aside = `${store}.before-restore-${stamp}`;
    const keptAs: string[] = [];
    // Checked again just before anything moves: an app started while the backup was checked and
    // copied would otherwise have its live -wal renamed from under it.
    refuseWhileOpen(store);
    for (const suffix of ['-wal', '-shm']) {
      if (!existsSync(`${store}${suffix}`)) continue;
      renameSync(`${store}${suffix}`, `${aside}${suffix}`);
      keptAs.push(`${aside}${suffix}`);
    }
    if (existsSync(store)) {
      keepUnder(store, aside);
      keptAs.unshift(aside);
    }
    renameSync(temp, store);
    syncFolder(folder);
    return { store, backup: source, keptAs };
  } finally {
    rmSync(temp, { force: true });
  }
}
