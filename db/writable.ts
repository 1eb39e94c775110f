import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why the store cannot be written, or null. SQLite writes the file and creates its -wal and -shm
 * beside it, so both the file and its folder must be writable. (Checked with access(2): as root it
 * says yes to nearly everything, as root can in fact write.)
 */
export function whyReadOnly(file: string): string | null {
  const cannotWrite = (path: string) => {
    try {
      accessSync(path, constants.W_OK);
      return false;
    } catch {
      return true;
    }
  };
  if (cannotWrite(file)) return `${file} is read-only`;
  if (cannotWrite(dirname(file))) return `its folder ${dirname(file)} is read-only (SQLite keeps its -wal and -shm files beside the store)`;
  return null;
}

/** SQLite refused a write because the connection, file or folder is read-only. */
export function isReadOnlyStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/** SQLite refused because another connection holds the write lock (or wrote since this one's read began). */
export function isStoreBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
