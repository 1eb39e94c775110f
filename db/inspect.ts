import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Db } from './connection';
import { APPLICATION_ID, IDENTITY_TABLE, judgeHeader, markedSince, schemaMismatch } from './identity';
import type { Migration } from './migrations';
import { openImage } from './snapshot';
import { incompleteness, parseHeader, type SqliteHeader } from './sqlite-header';
import { MOVE_ASIDE, StoreOpenError, type StoreProblem } from './store-error';
import { applyWal, readWal, type Wal } from './wal';
import { headerMisfit, identityMisfit } from './wal-fit';

/** A file judged to be one of our stores, as SQLite would see it. */
export interface Inspection {
  /** The file's bytes with its -wal's committed frames applied, as SQLite would read them. */
  image: Buffer;
  version: number;
  /** Carries APPLICATION_ID (false: an older store, recognised by its exact schema). */
  marked: boolean;
  /** Committed frames in the -wal that SQLite will apply on opening (0: none). */
  walFrames: number;
}

export interface InspectOptions {
  migrations: Migration[];
  /** quick_check at start; integrity_check for backups, which have time for the thorough one. */
  check?: 'quick_check' | 'integrity_check';
  /** The last sentence of a refusal: what the person can do. */
  wayOut?: string;
  nativeBinding?: string;
}

const listed = (lines: string[]) => (lines.length > 3 ? `${lines.slice(0, 3).join('; ')}; and ${lines.length - 3} more` : lines.join('; '));

function refuse(problem: StoreProblem, file: string, reason: string, wayOut = MOVE_ASIDE): never {
  throw new StoreOpenError(`${file} ${reason} It was left untouched. ${wayOut}`, problem);
}

function refuseWal(file: string, misfit: string): never {
  const wal = `${file}-wal`;
  throw new StoreOpenError(
    `${wal} does not belong to ${file}: ${misfit}. SQLite would have applied it over the store's contents, so neither file was opened or changed. ` +
      `Move ${wal} aside (keep it: it may hold changes made elsewhere) and start again.`,
    'foreign-wal',
  );
}

/** SQLite's verdict on the image: [] when it says "ok". A check that cannot even run is a verdict too. */
function checkProblems(db: Db, check: string): string[] {
  try {
    const rows = (db.pragma(`${check}(10)`) as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
    if (rows.length === 1 && rows[0] === 'ok') return [];
    // A row may hold several lines, under a "*** in database main ***" heading.
    return rows.flatMap((row) => row.split('\n')).filter((line) => line && !line.startsWith('***'));
  } catch (error) {
    return [(error as Error).message];
  }
}

function readIfPresent(path: string, wayOut: string | undefined): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    refuse('unreadable', path, `cannot be read (${code ?? (error as Error).message}), so whether SQLite may apply it cannot be judged.`, wayOut);
  }
}

/**
 * The whole file is read into memory to be checked there: no store of decisions comes near this
 * (a 300,000-cell decision is tens of MB), and Node reads no more than 2 GiB into one buffer.
 */
export const MAX_INSPECTED_BYTES = 1024 ** 3;

function identityRoot(db: Db): number | null {
  const row = db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?").get(IDENTITY_TABLE) as { rootpage: number } | undefined;
  return row?.rootpage ?? null;
}

/** The image with the -wal applied, after the checks that need only bytes. */
function withWal(file: string, bytes: Buffer, header: SqliteHeader, wal: Wal | null): Buffer {
  if (!wal || wal.committed.length === 0) return bytes;
  const misfit = headerMisfit(bytes, header, wal, APPLICATION_ID);
  if (misfit) refuseWal(file, misfit);
  return applyWal(bytes, wal);
}

function inspectOnce(file: string, options: InspectOptions): Inspection {
  const { migrations, check = 'quick_check', wayOut } = options;
  const stats = statSync(file);
  if (!stats.isFile()) refuse('not-a-file', file, 'is not a file.', wayOut);
  if (stats.size > MAX_INSPECTED_BYTES) {
    refuse('too-large', file, `is ${(stats.size / 1024 ** 3).toFixed(1)} GiB, more than the 1 GiB this app checks before opening a store: it is unlikely to be a Decision Matrix database.`, wayOut);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    refuse('unreadable', file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, wayOut);
  }
  if (bytes.length === 0) refuse('empty', file, 'is empty (0 bytes), so it is not a Decision Matrix database.', wayOut);
  const header = parseHeader(bytes);
  if (!header) refuse('not-sqlite', file, 'is not a Decision Matrix database: it is not an SQLite database at all.', wayOut);

  // The -wal is read after the file: a checkpoint running meanwhile only copies frames that are
  // still in the -wal, so applying them repairs a half-copied page.
  const walBytes = readIfPresent(`${file}-wal`, wayOut);
  const wal = walBytes && walBytes.length > 0 ? readWal(walBytes) : null;
  const image = withWal(file, bytes, header, wal);
  const top = image === bytes ? header : parseHeader(image);
  if (!top) return refuseWal(file, 'applying it leaves no valid database header');
  const cut = incompleteness(top, image.length);
  if (cut) refuse('incomplete', file, `is incomplete: ${cut}. It was cut short (an interrupted copy, or a full disk).`, wayOut);

  const latest = migrations.length;
  const verdict = judgeHeader(top, latest, markedSince(migrations));
  if (verdict.kind === 'refused') refuse(verdict.problem, file, verdict.reason, wayOut);

  const db = openImage(image, options.nativeBinding);
  try {
    const problems = checkProblems(db, check);
    if (problems.length > 0) {
      if (image !== bytes && problemsAlone(bytes, check, options.nativeBinding).length === 0) {
        refuseWal(file, `applied, it would damage the store (${listed(problems)})`);
      }
      throw new StoreOpenError(`${file} is damaged: SQLite's ${check} reports ${listed(problems)}. Nothing was written to it.${wayOut ? ` ${wayOut}` : ''}`, 'corrupt');
    }
    const mismatch = schemaMismatch(db, top.userVersion, migrations, verdict.kind === 'unmarked');
    if (mismatch) refuse('unknown-schema', file, `is not a Decision Matrix database: it says schema version ${top.userVersion}, but its tables are not that version's (${mismatch}).`, wayOut);
    const root = image !== bytes ? identityRoot(db) : null;
    if (wal && root !== null) {
      const misfit = identityMisfit(bytes, header.pageSize, root, wal);
      if (misfit) refuseWal(file, misfit);
    }
  } finally {
    db.close();
  }
  return { image, version: top.userVersion, marked: verdict.kind === 'ours', walFrames: image === bytes ? 0 : wal!.committed.length };
}

/** The check on the file's own bytes, without the -wal: tells a damaging -wal from a damaged file. */
function problemsAlone(bytes: Buffer, check: string, nativeBinding: string | undefined): string[] {
  let db: Db;
  try {
    db = openImage(bytes, nativeBinding);
  } catch (error) {
    return [(error as Error).message];
  }
  try {
    return checkProblems(db, check);
  } finally {
    db.close();
  }
}

/**
 * Judges a file before anything writes to it, from its bytes and its -wal's, with SQLite reading
 * only a copy in memory: no -wal or -shm is created, nothing is changed, and what is refused
 * throws a StoreOpenError naming the file and the way out. A -shm beside the file means another
 * process may be writing the store meanwhile; a refusal is then double-checked once.
 */
export function inspectStore(file: string, options: InspectOptions): Inspection {
  try {
    return inspectOnce(file, options);
  } catch (error) {
    const racy = error instanceof StoreOpenError && ['corrupt', 'foreign-wal', 'incomplete'].includes(error.problem) && existsSync(`${file}-shm`);
    if (!racy) throw error;
    return inspectOnce(file, options);
  }
}
