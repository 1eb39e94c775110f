import type { DecisionAdded } from '../../core/contract';
import { fail, ok, type Result } from '../../core/result';
import { inTransaction, type Db } from '../../db/connection';
import * as decisions from '../../db/decisions';
import { GONE } from '../handlers/context';
import type { BulkWriter } from './bulk-writer';
import { runBulkJob, type BulkJob } from './jobs';

/**
 * Adds a whole decision: by the host's bulk writer (a worker thread) when it has one, else here,
 * on the host's own connection (tests, the CLI). Answers with the new decision's list entry.
 */
export async function addDecision(db: Db, bulk: BulkWriter | undefined, job: BulkJob): Promise<Result<DecisionAdded>> {
  const done = bulk ? await bulk.run(job) : await runBulkJob(db, job, { transaction: (body) => inTransaction(db, body), report: () => {} });
  if (!done.ok) return done;
  const summary = decisions.findDecisionSummary(db, done.value.decisionId);
  // Deleted in another window between its commit and this answer.
  if (!summary) return fail('not-found', GONE.decision);
  return ok({ decision: summary, notes: done.value.notes });
}
