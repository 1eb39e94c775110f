import Database from 'better-sqlite3';
import { configureConnection, type Db } from './connection';

/**
 * A second connection to a store the app has already opened (judged, migrated), for a worker
 * thread that writes one big decision (service/bulk/). The store is in WAL mode already; this
 * connection only sets what is per connection.
 */
export function openBulkConnection(file: string, nativeBinding = process.env.DECISION_MATRIX_SQLITE_BINDING || undefined): Db {
  const db = new Database(file, { nativeBinding, fileMustExist: true });
  configureConnection(db);
  return db;
}
