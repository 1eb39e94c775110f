import { parseArgs } from 'node:util';
import { restoreBackup } from '../../db/restore';
import { databaseFile, defaultDataFolder } from '../shared/data-folder';

export const RESTORE_USAGE = 'decision-matrix restore [--data-dir DIR] [--backup FILE]';

export class RestoreUsageError extends Error {}

/**
 * Puts a backup in place of the store: the latest good one in DIR/backups, or FILE. The store
 * that was there (damaged, most likely) is kept beside it under a new name with its -wal and
 * -shm, never deleted. Run it with the app closed. Returns what to tell the person.
 */
export function restoreCommand(args: string[]): string {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, backup: { type: 'string' } } }));
  } catch (error) {
    throw new RestoreUsageError(`${(error as Error).message}\nUsage: ${RESTORE_USAGE}`);
  }
  const store = databaseFile(values['data-dir'] ?? defaultDataFolder());
  const { backup, keptAs } = restoreBackup(store, values.backup);
  const kept = keptAs.length > 0 ? `The store that was there is kept as ${keptAs.join(', ')}.` : 'There was no store in its place.';
  return `Restored ${store} from ${backup}. ${kept} Start the app to use it.\n`;
}
