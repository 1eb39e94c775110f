import Database from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Opens a database image (a file's bytes, with its -wal applied) in memory: SQLite reads it
 * without touching any file, so nothing — no -wal, no -shm — appears beside the file. Writes are
 * refused (query_only): this is how a store is checked before it is opened, and how a store that
 * cannot be written (read-only file or folder, read commands) is served.
 */
export function openImage(image: Buffer, nativeBinding?: string): Db {
  // Bytes 18–19 say "WAL mode", which an in-memory database cannot use: SQLite is handed
  // rollback mode (its copy is its own; the caller's buffer is put back as it was).
  const [write, read] = [image[18], image[19]];
  image[18] = 1;
  image[19] = 1;
  try {
    const db = new Database(image, { readonly: true, nativeBinding });
    db.pragma('query_only = ON');
    return db;
  } finally {
    image[18] = write;
    image[19] = read;
  }
}
