/** What is wrong with a file handed to the app as its store (hosts pick their wording and offers by it). */
export type StoreProblem =
  | 'not-a-file'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'not-sqlite'
  | 'incomplete'
  | 'foreign'
  | 'unknown-schema'
  | 'newer'
  | 'older'
  | 'corrupt'
  | 'foreign-wal'
  | 'cannot-create';

/**
 * A store that cannot be opened; the message is written for the person who owns the file: it
 * names the file, what is wrong, that nothing was written, and what to do.
 */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
  constructor(
    message: string,
    readonly problem: StoreProblem,
    /** For a damaged store: the latest backup that passed its checks, if any. */
    readonly latestGoodBackup: string | null = null,
  ) {
    super(message);
  }
}

/** The usual way out, for a file in the data folder (the hosts' --data-dir, or the variable every host reads). */
export const MOVE_ASIDE = 'Move it aside, or choose another data folder (--data-dir DIR, or DECISION_MATRIX_DATA_DIR), and start again.';
