/**
 * A `-wal` file read the way SQLite's recovery reads it, so it can be judged before SQLite applies
 * it. Format: https://www.sqlite.org/fileformat2.html#walformat — a 32-byte header (magic, version,
 * page size, checkpoint sequence, two salts, a checksum of the header) and frames of a 24-byte
 * header (page number, database size for a commit frame, the salts again, a running checksum) plus
 * one page. Recovery keeps the frames whose salts match the header and whose running checksum is
 * right, up to the last commit frame among them; nothing after a bad frame counts.
 */

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN_SUMS = 0x377f0682;
const MAGIC_BIG_ENDIAN_SUMS = 0x377f0683;
const WAL_FORMAT_VERSION = 3007000;

export interface WalFrame {
  pageNumber: number;
  /** Where the page's bytes start in the -wal. */
  offset: number;
}

export interface Wal {
  bytes: Buffer;
  pageSize: number;
  /** The frames SQLite would apply on opening (empty: it would discard the file). */
  committed: WalFrame[];
  /** The database size in pages after the last committed transaction (0 when none). */
  pagesAfterCommit: number;
}

/** SQLite's WAL checksum: pairs of 32-bit words, each sum feeding the other, from a seed. */
function checksum(bytes: Buffer, start: number, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * The -wal's header and committed frames, or null when it has no valid header (too short, wrong
 * magic or version, bad header checksum): SQLite then treats it as empty and resets it.
 */
export function readWal(bytes: Buffer): Wal | null {
  if (bytes.length < WAL_HEADER_BYTES) return null;
  const magic = bytes.readUInt32BE(0);
  if (magic !== MAGIC_LITTLE_ENDIAN_SUMS && magic !== MAGIC_BIG_ENDIAN_SUMS) return null;
  if (bytes.readUInt32BE(4) !== WAL_FORMAT_VERSION) return null;
  const pageSize = bytes.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const bigEndian = magic === MAGIC_BIG_ENDIAN_SUMS;
  let sum = checksum(bytes, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== bytes.readUInt32BE(24) || sum[1] !== bytes.readUInt32BE(28)) return null;
  const salt1 = bytes.readUInt32BE(16);
  const salt2 = bytes.readUInt32BE(20);

  const frames: WalFrame[] = [];
  let committedCount = 0;
  let pagesAfterCommit = 0;
  for (let at = WAL_HEADER_BYTES; at + FRAME_HEADER_BYTES + pageSize <= bytes.length; at += FRAME_HEADER_BYTES + pageSize) {
    const pageNumber = bytes.readUInt32BE(at);
    const commitSize = bytes.readUInt32BE(at + 4);
    if (pageNumber === 0 || bytes.readUInt32BE(at + 8) !== salt1 || bytes.readUInt32BE(at + 12) !== salt2) break;
    sum = checksum(bytes, at, at + 8, bigEndian, sum);
    sum = checksum(bytes, at + FRAME_HEADER_BYTES, at + FRAME_HEADER_BYTES + pageSize, bigEndian, sum);
    if (sum[0] !== bytes.readUInt32BE(at + 16) || sum[1] !== bytes.readUInt32BE(at + 20)) break;
    frames.push({ pageNumber, offset: at + FRAME_HEADER_BYTES });
    if (commitSize > 0) {
      committedCount = frames.length;
      pagesAfterCommit = commitSize;
    }
  }
  return { bytes, pageSize, committed: frames.slice(0, committedCount), pagesAfterCommit };
}

/** The bytes of one frame's page. */
export function framePage(wal: Wal, frame: WalFrame): Buffer {
  return wal.bytes.subarray(frame.offset, frame.offset + wal.pageSize);
}

/** The database as SQLite would see it with the -wal applied: each committed frame in order, then the last commit's size. */
export function applyWal(database: Buffer, wal: Wal): Buffer {
  const image = Buffer.alloc(wal.pagesAfterCommit * wal.pageSize);
  database.copy(image, 0, 0, Math.min(database.length, image.length));
  for (const frame of wal.committed) {
    if (frame.pageNumber <= wal.pagesAfterCommit) framePage(wal, frame).copy(image, (frame.pageNumber - 1) * wal.pageSize);
  }
  return image;
}
