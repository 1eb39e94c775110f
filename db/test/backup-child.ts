// A host that makes its daily backup, for db/backup-kill.test.ts to kill in the middle of it.
// Usage: node --import tsx db/test/backup-child.ts <data folder> <day>
import { join } from 'node:path';
import { backUpDaily } from '../backups';
import { DATABASE_FILE_NAME } from '../connection';
import { openDecisionStore } from '../seed';

const [folder, day] = process.argv.slice(2);
const db = openDecisionStore(join(folder, DATABASE_FILE_NAME));
process.stdout.write('backing up\n');
await backUpDaily(db, folder, new Date(`${day}T12:00:00Z`));
process.stdout.write('done\n');
db.close();
