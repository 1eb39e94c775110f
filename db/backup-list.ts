import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID } from './identity';
import { inspectStore } from './inspect';
import type { Migration } from './migrations';
import { HEADER_BYTES, incompleteness, parseHeader } from './sqlite-header';

export const BACKUP_FOLDER_NAME = 'backups';
export const BACKUP_FILE = /^decision-matrix-(\d{4}-\d{2}-\d{2})\.sqlite$/;

function readHead(path: string): Buffer {
  const head = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file under a backup's name vouches for itself from its header alone: an SQLite file
 * of ours (or of a store from before the mark) exactly as long as its header says. Cheap enough
 * to ask of all seven at every start; what a restore uses is checked in full first.
 */
export function looksWhole(path: string): boolean {
  try {
    const header = parseHeader(readHead(path));
    if (!header || (header.applicationId !== APPLICATION_ID && header.applicationId !== 0)) return false;
    return header.pageCount !== null && incompleteness(header, statSync(path).size) === null;
  } catch {
    return false;
  }
}

/** The names in the folder that are backups by name (whole or not), newest first. */
export function backupNames(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.filter((name) => BACKUP_FILE.test(name)).sort().reverse();
}

/** The backups that count (whole by their header), newest first, as paths. */
export function listBackups(folder: string): string[] {
  return backupNames(folder)
    .map((name) => join(folder, name))
    .filter(looksWhole);
}

/** The newest backup that passes integrity_check and is a store of ours this app can open, or null. */
export function latestGoodBackup(folder: string, migrations: Migration[], nativeBinding?: string): string | null {
  for (const path of listBackups(folder)) {
    try {
      inspectStore(path, { migrations, check: 'integrity_check', nativeBinding });
      return path;
    } catch {
      // Damaged, or from a newer app: try the one before.
    }
  }
  return null;
}

/** What a refusal of a damaged store says about the way back, and the backup it names. */
export function restoreHint(dataFolder: string, migrations: Migration[], nativeBinding?: string): { hint: string; backup: string | null } {
  const folder = join(dataFolder, BACKUP_FOLDER_NAME);
  const backup = latestGoodBackup(folder, migrations, nativeBinding);
  if (!backup) {
    return { backup, hint: `There is no good backup in ${folder}. Move the file aside (keep it: sqlite3's .recover may save part of it) and start again.` };
  }
  return {
    backup,
    hint:
      `The latest good backup is ${backup}. To put it in place, close the app and run: decision-matrix restore --data-dir "${dataFolder}" ` +
      '(the damaged file is kept beside it under a new name, never deleted).',
  };
}
