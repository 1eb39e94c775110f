import { join } from 'node:path';
import { DATABASE_FILE_NAME, inTransaction } from '../connection';
import { openDecisionStore } from '../seed';

/**
 * A store of about `megabytes` MB, made in one transaction (well under a second): one decision of
 * 100 options x 100 criteria whose scores carry long, incompressible rationales.
 */
export function bigStore(folder: string, megabytes = 40): string {
  const file = join(folder, DATABASE_FILE_NAME);
  const db = openDecisionStore(file);
  const rationaleBytes = Math.round((megabytes * 1e6) / 10_000 / 2);
  inTransaction(db, () => {
    db.exec("INSERT INTO decisions (id, title, created_at, updated_at) VALUES (100, 'Big', '2026-01-01', '2026-01-01')");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO options (id, decision_id, name, position) SELECT 1000 + i, 100, 'Option ' || i, i FROM n");
    db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO criteria (id, decision_id, name, scale_min, scale_max, weight, position) SELECT 1000 + i, 100, 'Criterion ' || i, 1, 5, 1, i FROM n",
    );
    db.prepare('INSERT INTO scores (option_id, criterion_id, value, rationale) SELECT o.id, c.id, 3, hex(randomblob(?)) FROM options o, criteria c WHERE o.decision_id = 100 AND c.decision_id = 100').run(rationaleBytes);
  });
  db.close();
  return file;
}
