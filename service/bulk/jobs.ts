import type { DecisionDraft } from '../../core/interchange';
import { parseDecisionDocumentText, toDocument } from '../../core/interchange';
import type { BulkProgress } from '../../core/contract';
import type { Result } from '../../core/result';
import type { Db } from '../../db/connection';
import * as decisions from '../../db/decisions';
import { readDecisionHistory } from '../../db/decision-history';
import { csvToDraft } from '../csv';
import { catchRefusal, GONE, refuse, unwrap } from '../handlers/context';

/** The work that adds a whole, possibly very big, decision: what a bulk worker is given. */
export type BulkJob =
  | { kind: 'importCsv'; title: string; text: string }
  | { kind: 'importDecision'; text: string }
  | { kind: 'duplicateDecision'; decisionId: number };

/** A job done: the new decision's id, and the spreadsheet import's notes. */
export interface BulkDone {
  decisionId: number;
  notes: string[];
}

export const progressKind = (job: BulkJob): BulkProgress['kind'] => (job.kind === 'duplicateDecision' ? 'duplicate' : 'import');

/** What a failure says when nothing was stored, in the person's words. */
export function failedMessage(job: BulkJob, why: string): string {
  return `${job.kind === 'duplicateDecision' ? 'The copy' : 'The import'} did not finish, and nothing was stored (${why}).`;
}

/** The copy a duplicate stores: the scenarios come along (named weights belong to the content), the workshop rounds stay with the original. */
function copyOf(db: Db, decisionId: number): DecisionDraft {
  const original = decisions.getDecision(db, decisionId) ?? refuse('not-found', GONE.decision);
  const { scenarios } = readDecisionHistory(db, decisionId);
  const copy = toDocument(original, undefined, { scenarios, rounds: [] }).decision;
  return { ...copy, title: `${copy.title} (copy)` };
}

/**
 * Runs a job on a connection: a file is read whole before anything is written (a refused file
 * leaves the store as it was), then the decision is written in one transaction, telling
 * `report` how far it got. All of it is committed, or none of it.
 */
export function runBulkJob(db: Db, job: BulkJob, report: (percent: number) => void, transaction: <T>(body: () => T) => T): Result<BulkDone> {
  return catchRefusal(() => {
    const parsed =
      job.kind === 'importCsv' ? unwrap(csvToDraft(job.text, job.title)) : job.kind === 'importDecision' ? { draft: unwrap(parseDecisionDocumentText(job.text)).decision, notes: [] } : null;
    const onProgress = (written: number, total: number) => report(Math.min(99, Math.floor((written / total) * 100)));
    return transaction(() => {
      const draft = job.kind === 'duplicateDecision' ? copyOf(db, job.decisionId) : parsed!.draft;
      return { decisionId: decisions.insertDecision(db, draft, onProgress), notes: parsed?.notes ?? [] };
    });
  });
}
