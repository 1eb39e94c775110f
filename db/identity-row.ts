/**
 * Reads the one `store_identity` row (store_id, write_count) straight from the bytes of its table's
 * page, so the copies of that page in a -wal can be compared with the database file's without
 * SQLite applying anything. Formats: https://www.sqlite.org/fileformat2.html#b_tree_pages (a table
 * leaf page: type 13, cell count at offset 3, cell pointers from offset 8) and #record_format.
 */

export interface IdentityRow {
  storeId: string;
  writeCount: number;
}

const TABLE_LEAF_PAGE = 13;

/** A SQLite varint (1–9 bytes, big-endian, high bit = more follows) and the offset after it. */
function varint(bytes: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) throw new RangeError('varint runs off the page');
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  return [value * 256 + bytes[at + 8], at + 9];
}

const INTEGER_WIDTHS: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8 };

function integerAt(bytes: Buffer, at: number, width: number): number {
  return width === 8 ? Number(bytes.readBigInt64BE(at)) : bytes.readIntBE(at, width);
}

/** The row in this page, or null when the page is not a one-row `store_identity` leaf. */
export function readIdentityRow(page: Buffer): IdentityRow | null {
  try {
    if (page[0] !== TABLE_LEAF_PAGE || page.readUInt16BE(3) !== 1) return null;
    const cell = page.readUInt16BE(8);
    const [payloadSize, afterSize] = varint(page, cell);
    const [rowid, record] = varint(page, afterSize);
    if (rowid !== 1 || record + payloadSize > page.length) return null;
    const [headerSize, firstType] = varint(page, record);
    const types: number[] = [];
    for (let at = firstType; at < record + headerSize; ) {
      const [type, next] = varint(page, at);
      types.push(type);
      at = next;
    }
    // id is the rowid (stored as NULL), then store_id TEXT, then write_count INTEGER.
    const [idType, textType, countType] = types;
    if (types.length !== 3 || idType !== 0 || textType < 13 || textType % 2 !== 1) return null;
    const textStart = record + headerSize;
    const textLength = (textType - 13) / 2;
    const storeId = page.toString('utf8', textStart, textStart + textLength);
    const countAt = textStart + textLength;
    const writeCount = countType === 8 ? 0 : countType === 9 ? 1 : INTEGER_WIDTHS[countType] ? integerAt(page, countAt, INTEGER_WIDTHS[countType]) : null;
    return writeCount === null ? null : { storeId, writeCount };
  } catch {
    return null;
  }
}
