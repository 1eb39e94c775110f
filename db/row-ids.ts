import type Database from 'better-sqlite3';
import type { Db } from './connection';

export type IdTable = 'options' | 'criteria' | 'scenarios';

const statements = new WeakMap<Db, Database.Statement>();

/**
 * The id a new option, criterion or scenario takes: one past the highest ever given (row_ids,
 * migration 0008), never one an undo step or a version may put back. Null on a schema from
 * before 0008 (tests' older stores): SQLite then chooses, as it always did. Only a statement
 * that prepared is kept, so a handle migrated after its first insert finds the table.
 */
export function nextRowId(db: Db, table: IdTable): number | null {
  let statement = statements.get(db);
  if (!statement) {
    try {
      statement = db.prepare('SELECT last + 1 FROM row_ids WHERE name = ?').pluck();
    } catch {
      return null; // No row_ids table: an older schema.
    }
    statements.set(db, statement);
  }
  return (statement.get(table) as number | undefined) ?? null;
}
