import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The browser host's access token lives in the data folder, readable by its owner only. */
export const TOKEN_FILE_NAME = 'browser-host-token';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token the host answers to: kept across restarts, so open tabs and bookmarks keep working
 * on a fixed --port; a new one when asked (--new-token), or when the file is missing or not ours.
 */
export function browserHostToken(dataFolder: string, rotate = false, onUnsaved?: (message: string) => void): string {
  const file = join(dataFolder, TOKEN_FILE_NAME);
  if (!rotate) {
    try {
      const kept = readFileSync(file, 'utf8').trim();
      if (TOKEN.test(kept)) return kept;
    } catch {
      // No token yet: make one below.
    }
  }
  const token = randomBytes(32).toString('base64url');
  try {
    mkdirSync(dataFolder, { recursive: true });
    // Written whole under another name, then moved: a crash never leaves half a token.
    writeFileSync(`${file}.tmp`, `${token}\n`, { mode: 0o600 });
    chmodSync(`${file}.tmp`, 0o600);
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    // A read-only data folder still serves (read-only): the token lasts for this run only.
    onUnsaved?.(`the link's token could not be kept in ${dataFolder} (${(error as Error).message}); it works until the host stops`);
  }
  return token;
}
