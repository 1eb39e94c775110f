import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file's bytes to the disk, so a rename that follows never publishes a half-written file. */
export function syncFile(path: string): void {
  // r+: Windows can flush only a handle opened for writing.
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename or a new name) to the disk. Windows cannot open a folder: it has nothing to do. */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a folder; the rename is still atomic, only its durability is the OS's.
  } finally {
    closeSync(fd);
  }
}
