import type { Db } from './connection';

/**
 * Undo and redo, per decision, in the store (migration 0008; docs/history.md). While a step is
 * recorded, triggers write the SQL that reverses each row change into history_log. Undoing a step
 * replays its statements newest first while the triggers record the reverse as a redo step, and
 * the other way round: SQLite's "Automatic Undo/Redo Using SQLite", with one stack pair per
 * decision. Every function here runs inside the caller's transaction (one user action).
 */

/** How many steps a decision keeps to undo. */
export const UNDO_LIMIT = 200;

export type Stack = 'undo' | 'redo';

/** The labels of the steps an undo and a redo would take back, or null when there is none. */
export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

interface StepRow {
  id: number;
  label: string;
  kind: string;
  createdAt: string;
}

export interface StepOptions {
  /**
   * A change of this kind soon after a step of the same kind (within joinWithinMs of it) joins
   * that step: a slider moved, let rest and moved again is one step to undo.
   */
  kind?: string;
  joinWithinMs?: number;
}

function mustBeInTransaction(db: Db): void {
  if (!db.inTransaction) throw new Error('A history step is recorded inside the transaction of its change.');
}

const recordingStep = (db: Db): number | null => (db.prepare('SELECT step_id AS id FROM history_recording WHERE id = 1').get() as { id: number | null }).id;
const setRecording = (db: Db, stepId: number | null) => db.prepare('UPDATE history_recording SET step_id = ? WHERE id = 1').run(stepId);

function topStep(db: Db, decisionId: number, stack: Stack): StepRow | undefined {
  return db
    .prepare('SELECT id, label, kind, created_at AS createdAt FROM history_steps WHERE decision_id = ? AND stack = ? ORDER BY id DESC LIMIT 1')
    .get(decisionId, stack) as StepRow | undefined;
}

function insertStep(db: Db, decisionId: number, stack: Stack, label: string, kind: string): number {
  return Number(
    db.prepare('INSERT INTO history_steps (decision_id, stack, label, kind, created_at) VALUES (?, ?, ?, ?, ?)').run(decisionId, stack, label, kind, new Date().toISOString())
      .lastInsertRowid,
  );
}

const hasStatements = (db: Db, stepId: number) => db.prepare('SELECT 1 FROM history_log WHERE step_id = ? LIMIT 1').get(stepId) !== undefined;

/** Keeps the newest UNDO_LIMIT steps of a stack. */
function trim(db: Db, decisionId: number, stack: Stack): void {
  db.prepare(
    `DELETE FROM history_steps WHERE decision_id = ? AND stack = ? AND id NOT IN
       (SELECT id FROM history_steps WHERE decision_id = ? AND stack = ? ORDER BY id DESC LIMIT ?)`,
  ).run(decisionId, stack, decisionId, stack, UNDO_LIMIT);
}

/**
 * Runs one change to a decision as one step to undo, labelled in the person's words. A change
 * that changed nothing is no step (and leaves the redo stack alone); one that did clears the redo
 * stack. Inside a step already being recorded, the change joins it.
 */
export function recordStep<T>(db: Db, decisionId: number, label: string, body: () => T, options: StepOptions = {}): T {
  mustBeInTransaction(db);
  if (recordingStep(db) !== null) return body();
  const { kind = '', joinWithinMs = 0 } = options;
  const top = kind && joinWithinMs > 0 ? topStep(db, decisionId, 'undo') : undefined;
  const joins = top !== undefined && top.kind === kind && Date.now() - Date.parse(top.createdAt) <= joinWithinMs && topStep(db, decisionId, 'redo') === undefined;
  const stepId = joins ? top.id : insertStep(db, decisionId, 'undo', label, kind);
  setRecording(db, stepId);
  let result: T;
  try {
    result = body();
  } finally {
    setRecording(db, null);
  }
  if (joins) {
    db.prepare('UPDATE history_steps SET created_at = ? WHERE id = ?').run(new Date().toISOString(), stepId);
  } else if (!hasStatements(db, stepId)) {
    db.prepare('DELETE FROM history_steps WHERE id = ?').run(stepId);
  } else {
    db.prepare("DELETE FROM history_steps WHERE decision_id = ? AND stack = 'redo'").run(decisionId);
    trim(db, decisionId, 'undo');
  }
  return result;
}

/**
 * Takes back the top step of one stack and records its reverse on the other: the step's
 * statements run newest first, with foreign keys checked at commit (a row comes back before the
 * rows that point to it, or after). Returns the step's label, or null when the stack is empty.
 * A statement that fails throws, and the caller's transaction leaves everything as it was.
 */
function replay(db: Db, decisionId: number, from: Stack): string | null {
  mustBeInTransaction(db);
  const step = topStep(db, decisionId, from);
  if (!step) return null;
  const to: Stack = from === 'undo' ? 'redo' : 'undo';
  const reverse = insertStep(db, decisionId, to, step.label, '');
  const statements = db.prepare('SELECT statement FROM history_log WHERE step_id = ? ORDER BY id DESC').pluck().all(step.id) as string[];
  db.pragma('defer_foreign_keys = ON');
  setRecording(db, reverse);
  try {
    for (const statement of statements) db.prepare(statement).run();
  } finally {
    setRecording(db, null);
  }
  db.prepare('DELETE FROM history_steps WHERE id = ?').run(step.id);
  trim(db, decisionId, to);
  return step.label;
}

/** Undoes the decision's last step; its label, or null when there is nothing to undo. */
export const undo = (db: Db, decisionId: number): string | null => replay(db, decisionId, 'undo');

/** Redoes the step undone last; its label, or null when there is nothing to redo. */
export const redo = (db: Db, decisionId: number): string | null => replay(db, decisionId, 'redo');

export function historyState(db: Db, decisionId: number): HistoryState {
  return { undo: topStep(db, decisionId, 'undo')?.label ?? null, redo: topStep(db, decisionId, 'redo')?.label ?? null };
}

/** How many steps each stack holds. */
export function stepCounts(db: Db, decisionId: number): Record<Stack, number> {
  const count = (stack: Stack) => (db.prepare('SELECT COUNT(*) AS n FROM history_steps WHERE decision_id = ? AND stack = ?').get(decisionId, stack) as { n: number }).n;
  return { undo: count('undo'), redo: count('redo') };
}

/** Forgets a decision's undo and redo steps (when one can no longer be replayed). */
export function forgetSteps(db: Db, decisionId: number): void {
  db.prepare('DELETE FROM history_steps WHERE decision_id = ?').run(decisionId);
}
