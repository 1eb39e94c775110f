import Database from 'better-sqlite3';
import type { Db } from './connection';
import { migrate, type Migration } from './migrations';
import type { SqliteHeader } from './sqlite-header';
import type { StoreProblem } from './store-error';

/** SQLite's application_id for our stores: "DMtx" in ASCII. Set by migrations/0005_store_identity.sql. */
export const APPLICATION_ID = 0x444d7478;
export const IDENTITY_TABLE = 'store_identity';
const IDENTITY_MIGRATION = 'store_identity';

/** The schema version from which a store carries APPLICATION_ID (Infinity for a migration list without it). */
export function markedSince(migrations: Migration[]): number {
  return migrations.find((m) => m.name === IDENTITY_MIGRATION)?.version ?? Infinity;
}

export type HeaderVerdict = { kind: 'ours' | 'unmarked' } | { kind: 'refused'; problem: StoreProblem; reason: string };

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/**
 * What the header alone says about a file. Ours: our application_id and a known schema version.
 * Unmarked: application_id 0 and a version from before the mark existed — one of our older stores,
 * if (and only if) its tables are exactly that version's, which schemaMismatch then decides.
 */
export function judgeHeader(header: SqliteHeader, latest: number, since: number): HeaderVerdict {
  const version = header.userVersion;
  if (header.applicationId === APPLICATION_ID) {
    if (version > latest) {
      return { kind: 'refused', problem: 'newer', reason: `was written by a newer version of Decision Matrix (schema ${version}; this app knows up to ${latest}). Update the app to open it.` };
    }
    if (version < Math.min(since, latest) || version < 1) return { kind: 'refused', problem: 'unknown-schema', reason: `carries Decision Matrix's mark but an impossible schema version (${version}).` };
    return { kind: 'ours' };
  }
  if (header.applicationId !== 0) return { kind: 'refused', problem: 'foreign', reason: `belongs to another application (its SQLite application_id is ${hex(header.applicationId)}, not Decision Matrix's ${hex(APPLICATION_ID)}).` };
  if (version === 0) return { kind: 'refused', problem: 'foreign', reason: 'is an SQLite database without Decision Matrix\'s mark or schema version: another application\'s, or an empty one.' };
  if (version >= since || version > latest) {
    return { kind: 'refused', problem: 'foreign', reason: `says schema version ${version} but lacks the mark every Decision Matrix store of that version has: it belongs to another application.` };
  }
  return { kind: 'unmarked' };
}

/** Tables, indexes, views and triggers by "type name", each with its columns (or its table). */
type Schema = Map<string, string>;

function schemaOf(db: Db): Schema {
  const rows = db.prepare("SELECT type, name, tbl_name AS tableName FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; tableName: string }[];
  const columns = (pragma: string, name: string) => (db.prepare(`SELECT name FROM ${pragma}(?)`).all(name) as { name: string }[]).map((c) => c.name).join(',');
  return new Map(
    rows.map((r) => [
      `${r.type} ${r.name}`,
      r.type === 'table' ? columns('pragma_table_info', r.name) : r.type === 'index' ? `${r.tableName}(${columns('pragma_index_info', r.name)})` : r.tableName,
    ]),
  );
}

const expectedSchemas = new WeakMap<Migration[], Map<number, Schema>>();

/** The schema migrations 1..version build, made once in memory. */
function expectedSchema(migrations: Migration[], version: number): Schema {
  const byVersion = expectedSchemas.get(migrations) ?? new Map<number, Schema>();
  expectedSchemas.set(migrations, byVersion);
  if (!byVersion.has(version)) {
    const db = new Database(':memory:');
    try {
      migrate(db, migrations.filter((m) => m.version <= version));
      byVersion.set(version, schemaOf(db));
    } finally {
      db.close();
    }
  }
  return byVersion.get(version)!;
}

const listed = (names: string[]) => (names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', '));

/**
 * How the store's schema differs from what its version's migrations build, or null. `exact`: an
 * unmarked file must match exactly (that is all that identifies it); a marked one may have more.
 */
export function schemaMismatch(db: Db, version: number, migrations: Migration[], exact: boolean): string | null {
  const want = expectedSchema(migrations, version);
  const have = schemaOf(db);
  const missing = [...want].filter(([key, columns]) => have.get(key) !== columns).map(([key]) => key);
  const extra = exact ? [...have.keys()].filter((key) => !want.has(key)) : [];
  if (missing.length === 0 && extra.length === 0) return null;
  const parts = [missing.length > 0 ? `missing or different: ${listed(missing)}` : '', extra.length > 0 ? `not Decision Matrix's: ${listed(extra)}` : ''];
  return parts.filter(Boolean).join('; ');
}
