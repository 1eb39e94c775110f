import type { HandlersOf, HistoryMove, historyMethods, VersionSummary } from '../../core/contract';
import { toDocument } from '../../core/interchange';
import type { Decision } from '../../core/model';
import { fail, type Result } from '../../core/result';
import { documentAsDecision, versionChanges, type VersionReason } from '../../core/versions';
import type { Db } from '../../db/connection';
import * as history from '../../db/history';
import * as versions from '../../db/versions';
import { stepLabels } from '../history-labels';
import { refuse, type ServiceContext } from './context';

const NOT_FOUND_VERSION = 'That version no longer exists.';

/** Keeps a version of the decision as it is now (the document holds no scenarios or rounds). */
export function takeVersion({ db }: Pick<ServiceContext, 'db'>, decision: Decision, name: string, reason: VersionReason): void {
  versions.insertVersion(db, decision.id, name, reason, toDocument(decision));
}

/** A decision's versions, oldest first, each with what changed since the one before it. */
export function versionSummaries(db: Db, decisionId: number): VersionSummary[] {
  let previous: ReturnType<typeof documentAsDecision> | null = null;
  return versions.listVersions(db, decisionId).map((v) => {
    const decision = documentAsDecision(v.document);
    const changes = versionChanges(previous, decision);
    previous = decision;
    return { id: v.id, name: v.name, reason: v.reason, createdAt: v.createdAt, changes };
  });
}

/** SQLite refused a statement of the step (a constraint): the step no longer fits the decision. */
const isStoreRefusal = (error: unknown) => error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_CONSTRAINT');

/**
 * Undo, redo and versions. Undo and redo are each one transaction: the step is replayed whole or,
 * should a statement fail, not at all — and then, since the step no longer describes the
 * decision, the decision's steps are forgotten rather than left to fail again.
 */
export function historyHandlers(context: ServiceContext): HandlersOf<typeof historyMethods> {
  const { db, read, transaction, decision, changed, step } = context;

  const move = (decisionId: number, direction: 'undo' | 'redo'): Result<HistoryMove> => {
    try {
      return transaction(() => {
        decision(decisionId);
        const label = history[direction](db, decisionId);
        if (label === null) refuse('conflict', direction === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
        return { decision: changed(decisionId), label, history: history.historyState(db, decisionId) };
      });
    } catch (error) {
      if (!isStoreRefusal(error)) throw error;
      transaction(() => history.forgetSteps(db, decisionId));
      return fail('conflict', `“${direction === 'undo' ? 'Undo' : 'Redo'}” could not be applied: the decision was changed in a way that step does not follow. Its undo history has been cleared; the decision is as it was.`);
    }
  };

  return {
    historyState: ({ decisionId }) =>
      read(() => {
        decision(decisionId);
        return history.historyState(db, decisionId);
      }),
    undo: ({ decisionId }) => move(decisionId, 'undo'),
    redo: ({ decisionId }) => move(decisionId, 'redo'),
    listVersions: ({ decisionId }) =>
      read(() => {
        decision(decisionId);
        return versionSummaries(db, decisionId);
      }),
    saveVersion: ({ decisionId, name }) =>
      transaction(() => {
        takeVersion(context, decision(decisionId), name, 'manual');
        return versionSummaries(db, decisionId);
      }),
    getVersion: ({ versionId }) =>
      read(() => {
        const v = versions.findVersion(db, versionId) ?? refuse('not-found', NOT_FOUND_VERSION);
        const current = decision(v.decisionId);
        const was = documentAsDecision(v.document);
        // The decision as it was, in the shape every view of a decision reads.
        return { id: v.id, name: v.name, reason: v.reason, createdAt: v.createdAt, decision: { ...was, id: current.id, createdAt: current.createdAt, updatedAt: v.createdAt } };
      }),
    restoreVersion: ({ versionId }) =>
      transaction(() => {
        const v = versions.findVersion(db, versionId) ?? refuse('not-found', NOT_FOUND_VERSION);
        decision(v.decisionId);
        step(v.decisionId, stepLabels.restoreVersion(v.name), () => versions.restoreVersion(db, v.decisionId, documentAsDecision(v.document)));
        return changed(v.decisionId);
      }),
  };
}
