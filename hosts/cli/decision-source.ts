import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftWeighting, type DecisionDraft } from '../../core/interchange';
import type { Decision } from '../../core/model';
import { translateWeightingIds, type Weighting } from '../../core/weighting';
import { activeWeighting } from '../../core/weighting/inputs';
import { openStore, openStoreForReading, type Db } from '../../db/connection';
import { getDecision, insertDecision } from '../../db/decisions';

/** A decision to export, with the store it lives in (a throwaway one for a JSON file). */
export interface DecisionSource {
  db: Db;
  decision: Decision;
  /** How its weights are elicited (the active method), keyed by the store's criterion ids. */
  weighting: Weighting<number>;
  close(): void;
}

/**
 * Opens an existing store for reading only (never creating, migrating or seeding it, and leaving
 * nothing beside it) and finds the decision. A file that is not a current store of ours is refused.
 */
export function decisionFromStore(file: string, decisionId: number): DecisionSource {
  if (!existsSync(file)) throw new Error(`${file}: no such database`);
  const { db } = openStoreForReading(file, { wayOut: 'Give --db the path of a Decision Matrix store.' });
  const decision = getDecision(db, decisionId);
  if (!decision) {
    db.close();
    throw new Error(`${file}: there is no decision with id ${decisionId}`);
  }
  return { db, decision, weighting: activeWeighting(decision.weighting, decision.criteria), close: () => db.close() };
}

/** Loads a decision file into a temporary store, removed on close. */
export function decisionFromDraft(draft: DecisionDraft): DecisionSource {
  const folder = mkdtempSync(join(tmpdir(), 'decision-matrix-export-'));
  const { db } = openStore(join(folder, 'export.sqlite'));
  const id = db.transaction(() => insertDecision(db, draft))();
  const decision = getDecision(db, id)!;
  // Criteria are stored in the file's order: the file's i-th criterion (numbered i + 1 by
  // draftWeighting) is the stored decision's i-th.
  const storeIds = new Map(decision.criteria.map((c, i) => [i + 1, c.id]));
  return {
    db,
    decision,
    weighting: translateWeightingIds(draftWeighting(draft), storeIds),
    close: () => {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
