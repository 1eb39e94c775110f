import type { ErrorCode } from './result';

/**
 * What the HTTP hosts and the pages they serve agree on: header names, size limits and the status
 * each error code travels with. One home for each, imported by both sides.
 */

/** The browser host's route for a contract method. */
export const apiRoute = (method: string) => `/api/${method}`;

/** Carries the browser host's access token on every API call. */
export const API_TOKEN_HEADER = 'x-decision-matrix-token';
/** Carries a workshop participant's token. */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';

const MB = 1024 * 1024;
/** Files (JSON, CSV) larger than this are refused before they are read, on every surface. */
export const MAX_IMPORT_FILE_BYTES = 10 * MB;
/** Largest request body the browser host accepts; an imported decision document fits with room to spare. */
export const MAX_API_BODY_BYTES = 5 * MB;
/** Largest request body the workshop server accepts from a phone. */
export const MAX_PARTICIPANT_BODY_BYTES = 16 * 1024;

/** A size in the words a limit message uses: "10 MB", "16 KB". */
export function sizeInWords(bytes: number): string {
  return bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} KB`;
}

/** The HTTP status that goes with each error value. */
export const STATUS_BY_ERROR_CODE: Readonly<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'unknown-method': 404,
  forbidden: 403,
  internal: 500,
};

/** The DOM event the desktop shell's Edit menu dispatches in the page, its detail 'undo' or 'redo' (renderer/src/history-keys.ts). */
export const HISTORY_MENU_EVENT = 'decision-matrix:history';
