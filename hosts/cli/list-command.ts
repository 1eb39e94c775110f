import { openStoreForReading } from '../../db/connection';
import { listDecisions } from '../../db/decisions';
import { databaseFile, defaultDataFolder } from '../shared/data-folder';

export const LIST_USAGE = `decision-matrix list [--db FILE | --data-dir DIR] [--json]`;

/**
 * `decision-matrix list`: the decisions in a store, with the ids `export --db FILE --id N` takes.
 * It only reads: the store is opened read-only and never migrated or seeded.
 */
export function listCommand(args: string[], option: (args: string[], name: string) => string | undefined): string {
  const file = option(args, '--db') ?? databaseFile(option(args, '--data-dir') ?? defaultDataFolder());
  const { db } = openStoreForReading(file);
  try {
    const decisions = listDecisions(db);
    if (args.includes('--json')) return `${JSON.stringify(decisions.map(({ id, title, updatedAt }) => ({ id, title, updatedAt })), null, 2)}\n`;
    if (decisions.length === 0) return `${file} holds no decisions.\n`;
    // Titles are user text: a line break in one would break the table, so it is shown as a space.
    return `${decisions.map((d) => `${d.id}\t${d.title.replace(/[\r\n\u2028\u2029]+/g, ' ')}`).join('\n')}\n`;
  } finally {
    db.close();
  }
}
