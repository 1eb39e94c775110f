/**
 * The 100-byte header at the start of every SQLite database file, read from bytes so a file can
 * be judged before SQLite opens it (opening may already write: a WAL switch, a -shm, a hot journal
 * rolled back). Layout: https://www.sqlite.org/fileformat2.html#the_database_header
 */

export const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface SqliteHeader {
  pageSize: number;
  /** Incremented by SQLite whenever page 1 is written (in WAL mode too, as each page-1 frame is written). */
  changeCounter: number;
  /** The database size in pages, or null when the header does not vouch for it (older writers). */
  pageCount: number | null;
  userVersion: number;
  applicationId: number;
}

/** A power of two from 512 to 65536 (stored as 1 for 65536), or null for anything else. */
function pageSizeAt(bytes: Buffer, offset: number): number | null {
  const raw = bytes.readUInt16BE(offset);
  const size = raw === 1 ? 65536 : raw;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : null;
}

/** The header, or null when the bytes do not start like an SQLite database. */
export function parseHeader(bytes: Buffer): SqliteHeader | null {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const pageSize = pageSizeAt(bytes, 16);
  if (pageSize === null) return null;
  const changeCounter = bytes.readUInt32BE(24);
  const inHeaderSize = bytes.readUInt32BE(28);
  // The in-header size is valid only when "version-valid-for" (offset 92) matches the change counter.
  const pageCount = inHeaderSize > 0 && bytes.readUInt32BE(92) === changeCounter ? inHeaderSize : null;
  return { pageSize, changeCounter, pageCount, userVersion: bytes.readInt32BE(60), applicationId: bytes.readInt32BE(68) };
}

/**
 * Why a whole database image is not complete (cut short, or not a whole number of pages), or null.
 * A file larger than its header says is fine: SQLite ignores the tail.
 */
export function incompleteness(header: SqliteHeader, size: number): string | null {
  if (size % header.pageSize !== 0) return `its ${size} bytes are not a whole number of ${header.pageSize}-byte pages`;
  if (header.pageCount !== null && size < header.pageCount * header.pageSize) {
    return `its header says ${header.pageCount} pages of ${header.pageSize} bytes (${header.pageCount * header.pageSize} bytes) but it has only ${size}`;
  }
  return null;
}

