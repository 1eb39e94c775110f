import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Where the numbered .sql files live: beside this module in the sources, beside the bundle once built. */
export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads `NNNN_name.sql` files; versions must run 1, 2, 3, … without gaps (append-only history). */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => FILE_NAME.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, match[0]), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${String(m.version).padStart(4, '0')}_${m.name}.sql at position ${i + 1}.`);
  });
  return migrations;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration and the new user_version in one transaction. When the schema
 * is created from nothing, `onCreate` runs inside that same transaction (the first-run seed), so a
 * crash leaves either an untouched file or a complete, seeded store.
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations(), onCreate?: (db: Db) => void): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new Error(`The database is at schema version ${from}, newer than this app's ${latest}.`);
  const pending = migrations.filter((m) => m.version > from);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    if (from === 0 && onCreate) onCreate(db);
  })();
  return { from, to: schemaVersion(db) };
}
