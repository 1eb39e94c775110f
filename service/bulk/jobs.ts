import { performance } from 'node:perf_hooks';
import type { DecisionDraft } from '../../core/interchange';
import { parseDecisionDocumentText, toDocument } from '../../core/interchange';
import type { BulkProgress } from '../../core/contract';
import { ok, type Result } from '../../core/result';
import { inTransaction, type Db } from '../../db/connection';
import * as decisions from '../../db/decisions';
import { readDecisionHistory } from '../../db/decision-history';
import { removeUnfinishedDecision } from '../../db/unfinished';
import { csvToDraft } from '../csv';
import { catchRefusal, GONE, refuse } from '../handlers/context';
import { xlsxToDraft } from '../xlsx-read';

/** The work that adds a whole, possibly very big, decision: what a bulk worker is given. */
export type BulkJob =
  | { kind: 'importCsv'; title: string; text: string }
  | { kind: 'importXlsx'; title: string; base64: string }
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

/** The decision a job writes, and the notes its reading made; a file is read whole before anything is written. */
async function readJob(db: Db, job: BulkJob): Promise<Result<{ draft: DecisionDraft; notes: string[] }>> {
  switch (job.kind) {
    case 'importCsv':
      return csvToDraft(job.text, job.title);
    case 'importXlsx':
      return xlsxToDraft(Buffer.from(job.base64, 'base64'), job.title);
    case 'importDecision': {
      const parsed = parseDecisionDocumentText(job.text);
      return parsed.ok ? ok({ draft: parsed.value.decision, notes: [] }) : parsed;
    }
    case 'duplicateDecision':
      // Read in one transaction: on the worker, the host may write between two of its queries.
      return catchRefusal(() => ({ draft: inTransaction(db, () => copyOf(db, job.decisionId)), notes: [] }));
  }
}

/** How long one of a bulk job's transactions holds the write lock: a write made meanwhile waits at most about this long. */
export const STEP_MS = 25;
/** How many rows are written between two looks at the clock. */
const ROWS_PER_LOOK = 64;

/** How a job writes: in one transaction, or (`inSteps`) in transactions of about STEP_MS each, between which other writes may have the store. */
export interface JobWriting {
  transaction: <T>(body: () => T) => T;
  inSteps?: boolean;
  /** How far it got, 0–99 (100 is the answer). */
  report: (percent: number) => void;
}

/**
 * Runs a job on a connection: the file is read whole before anything is written (a refused file
 * leaves the store as it was), then the decision is written. Written in steps, it stays hidden
 * until the last step's commit shows it whole; a failure half way removes what was written, in
 * steps too. Either way all of it is kept, or none of it.
 */
export async function runBulkJob(db: Db, job: BulkJob, writing: JobWriting): Promise<Result<BulkDone>> {
  const read = await readJob(db, job);
  if (!read.ok) return read;
  const { draft, notes } = read.value;
  const { transaction, inSteps: stepwise, report } = writing;
  return catchRefusal(() => {
    if (!stepwise) return { decisionId: transaction(() => decisions.insertDecision(db, draft)), notes };
    let hidden: number | null = null;
    try {
      const decisionId = inSteps(decisions.writeDecision(db, draft, process.pid), writing, (progress) => {
        hidden = progress.decisionId;
        report(Math.min(99, Math.floor((progress.written / progress.total) * 100)));
      });
      return { decisionId, notes };
    } catch (error) {
      // What was committed is removed, in short transactions too; should that fail as well, the
      // host (or the next start) removes it, and the first failure is the one reported.
      try {
        if (hidden !== null) inSteps(removeUnfinishedDecision(db, hidden), writing, () => {}, 1);
      } catch {
        // Left for db/unfinished.ts.
      }
      throw error;
    }
  });
}

/**
 * Runs `steps` to the end in transactions of about STEP_MS each, telling `committed` the last
 * step of each transaction once it is committed (not before: a step rolled back never happened).
 * The clock is looked at every `stepsPerLook` steps (a row written is quick; a batch removed is not).
 */
export function inSteps<P, T>(steps: Generator<P, T, void>, { transaction }: Pick<JobWriting, 'transaction'>, committed: (last: P) => void, stepsPerLook = ROWS_PER_LOOK): T {
  for (;;) {
    const { last, result } = transaction(() => {
      const until = performance.now() + STEP_MS;
      let last: P | undefined;
      for (let rows = 1; ; rows++) {
        const step = steps.next();
        if (step.done) return { last, result: step } as const;
        last = step.value;
        if (rows % stepsPerLook === 0 && performance.now() >= until) return { last, result: null };
      }
    });
    if (last !== undefined) committed(last);
    if (result) return result.value;
  }
}
