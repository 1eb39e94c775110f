import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { inTransaction, type Db } from '../connection';
import { listDecisions } from '../decisions';
import { openDecisionStore } from '../seed';

/** A file's sha256, or null when it does not exist: "unchanged" includes "still absent". */
export function sha256(path: string): string | null {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
}

/** The store and the files SQLite keeps beside it, as fingerprints to compare before and after. */
export function fingerprint(file: string): Record<string, string | null> {
  return Object.fromEntries(['', '-wal', '-shm', '-journal'].map((suffix) => [`${file}${suffix}`, sha256(`${file}${suffix}`)]));
}

/** Adds decisions titled `${prefix} 1..n`, one committed write transaction each. */
export function addDecisions(db: Db, n: number, prefix = 'Decision'): void {
  const insert = db.prepare("INSERT INTO decisions (title, created_at, updated_at) VALUES (?, '2026-01-01', '2026-01-01')");
  for (let i = 1; i <= n; i++) inTransaction(db, () => insert.run(`${prefix} ${i}`));
}

/** A closed store at `file` holding the seed plus `n` decisions. */
export function storeWith(file: string, n: number, prefix = 'Decision'): string {
  const db = openDecisionStore(file);
  addDecisions(db, n, prefix);
  db.close();
  return file;
}

export function titles(db: Db): string[] {
  return listDecisions(db)
    .map((d) => d.title)
    .sort();
}

/**
 * What a kill -9 leaves: the store and its -wal copied while the connection is still open, before
 * any checkpoint or close could fold the -wal in. `to` gets the store, `${to}-wal` the -wal.
 */
export function copyAsCrashed(from: string, to: string): void {
  copyFileSync(from, to);
  copyFileSync(`${from}-wal`, `${to}-wal`);
}
