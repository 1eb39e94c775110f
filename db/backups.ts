import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection';

export const BACKUP_FOLDER_NAME = 'backups';
const BACKUP_FILE = /^decision-matrix-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/**
 * Keeps one copy of the store a day (SQLite's online backup, consistent while the app runs) and
 * the most recent `keep` of them. Returns the file written, or null if today's copy exists.
 */
export async function backUpDaily(db: Db, dataFolder: string, today: Date = new Date(), keep = 7): Promise<string | null> {
  const folder = join(dataFolder, BACKUP_FOLDER_NAME);
  mkdirSync(folder, { recursive: true });
  const name = `decision-matrix-${today.toISOString().slice(0, 10)}.sqlite`;
  const existing = readdirSync(folder).filter((f) => BACKUP_FILE.test(f));
  let written: string | null = null;
  if (!existing.includes(name)) {
    written = join(folder, name);
    await db.backup(written);
    // A backup is one self-contained file: take it out of WAL mode so no -wal/-shm files trail it.
    const copy = new Database(written);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    existing.push(name);
  }
  for (const old of existing.sort().reverse().slice(keep)) rmSync(join(folder, old), { force: true });
  return written;
}
