// Opens a store the way the hosts do and tries a read and two writes through the real service;
// run by hosts/web/read-only.test.ts as a user who may not write the file or its folder.
// Usage: node --import tsx hosts/web/test/read-only-child.ts <store file>
import { StoreOpenError } from '../../../db/connection';
import { openAppStore } from '../../../db/seed';
import { createDispatch } from '../../../service/dispatch';
import { createHandlers } from '../../../service/handlers';

const file = process.argv[2];
try {
  const { db, readOnly } = openAppStore(file);
  const dispatch = createDispatch(createHandlers(db), { readOnly });
  const listed = dispatch('listDecisions', {});
  const created = dispatch('createDecision', { title: 'Should not be saved' });
  const renamed = dispatch('updateDecision', { decisionId: 1, title: 'Renamed' });
  db.close();
  process.stdout.write(JSON.stringify({ readOnly, listed, created, renamed }));
} catch (error) {
  process.stdout.write(JSON.stringify({ refused: error instanceof StoreOpenError ? error.message : String(error) }));
}
