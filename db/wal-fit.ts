import { readIdentityRow } from './identity-row';
import { parseHeader, type SqliteHeader } from './sqlite-header';
import { framePage, type Wal } from './wal';

/**
 * Whether a -wal's committed frames can have been written on top of this database file, judged
 * from bytes before SQLite applies them. SQLite itself cannot tell: it applies any -wal whose
 * frames are internally consistent, whichever database they came from.
 *
 * What ties a -wal to its file: SQLite starts a -wal afresh only once every frame of the previous
 * one has been copied into the file (a full checkpoint), and a later checkpoint copies frames back
 * byte for byte. So for any page the -wal rewrites, the file holds either the state the -wal's
 * first copy of it was made from, or exactly one of the -wal's copies. Two pages carry a counter
 * that makes "made from" checkable:
 *   - page 1, SQLite's header: its change counter goes up by at least one each time page 1 is
 *     written into the -wal;
 *   - our `store_identity` page: its write count goes up by exactly one in each committed write
 *     transaction (db/connection.ts), and it names the store.
 */

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/** Serial-number comparison (RFC 1982): is `a` after `b`, allowing the 32-bit counter to wrap. */
const after = (a: number, b: number) => a !== b && ((a - b) >>> 0) < 0x80000000;

function pagesOf(wal: Wal, pageNumber: number): Buffer[] {
  return wal.committed.filter((f) => f.pageNumber === pageNumber).map((f) => framePage(wal, f));
}

function filePage(database: Buffer, pageSize: number, pageNumber: number): Buffer | null {
  const start = (pageNumber - 1) * pageSize;
  return database.length >= start + pageSize ? database.subarray(start, start + pageSize) : null;
}

/** Why the -wal's copies of page 1 do not fit the file's page 1, or null. */
export function headerMisfit(database: Buffer, header: SqliteHeader, wal: Wal, ourApplicationId: number): string | null {
  if (wal.pageSize !== header.pageSize) return `its pages are ${wal.pageSize} bytes and the database's are ${header.pageSize}`;
  const copies = pagesOf(wal, 1);
  if (copies.length === 0) return null;
  const headers = copies.map((page) => parseHeader(page));
  for (const copy of headers) {
    if (!copy || copy.pageSize !== header.pageSize) return 'its copy of page 1 is not an SQLite header with this page size';
    if (copy.applicationId !== header.applicationId && copy.applicationId !== ourApplicationId) {
      return `its copy of page 1 carries application_id ${hex(copy.applicationId)}, the database ${hex(header.applicationId)}`;
    }
  }
  const own = filePage(database, header.pageSize, 1)!;
  const first = headers[0]!.changeCounter;
  // In WAL mode SQLite need not bump the change counter on every commit (the wal-index tracks
  // changes), so a -wal of this store may carry page 1 at the file's own count with other bytes.
  // Only a -wal older than the file is refused here; the identity row check catches foreign ones.
  if (first === header.changeCounter || after(first, header.changeCounter) || copies.some((page) => page.equals(own))) return null;
  return `the file's header is at change ${header.changeCounter}, which the -wal (changes ${first} to ${headers.at(-1)!.changeCounter}) neither starts after nor contains`;
}

/**
 * Why the -wal's copies of the `store_identity` page (at `rootPage`, as the -wal leaves the schema)
 * do not continue the file's, or null. When the file has no such row at that page — a store made
 * before the row existed, whose first -wal creates it, or one whose table moved (a VACUUM, which
 * nothing here runs) — there is nothing to compare, and the other checks decide alone.
 */
export function identityMisfit(database: Buffer, pageSize: number, rootPage: number, wal: Wal): string | null {
  const copies = pagesOf(wal, rootPage);
  const ownPage = filePage(database, pageSize, rootPage);
  const own = ownPage && readIdentityRow(ownPage);
  if (copies.length === 0 || !own) return null;
  const rows = copies.map((page) => readIdentityRow(page));
  for (const row of rows) {
    if (!row) return `its copy of page ${rootPage} is not this store's identity row`;
    if (row.storeId !== own.storeId) return `it was written by another store (${row.storeId}; this file is ${own.storeId})`;
  }
  if (rows[0]!.writeCount === own.writeCount + 1 || copies.some((page) => page.equals(ownPage))) return null;
  return `it continues from write ${rows[0]!.writeCount - 1} but the file is at write ${own.writeCount} (a -wal left from an older or newer copy of this store)`;
}
