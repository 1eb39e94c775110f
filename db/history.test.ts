import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../core/model';
import { inTransaction, type Db } from './connection';
import { getDecision, insertDecision, listDecisions } from './decisions';
import { historyState, recordStep, redo, stepCounts, undo, UNDO_LIMIT } from './history';
import * as matrix from './matrix';
import { loadMigrations, migrate } from './migrations';
import { openDecisionStore } from './seed';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

/** What a person sees of a decision: everything but its modification time. */
const content = (decision: Decision | undefined) => {
  if (!decision) throw new Error('no decision');
  const { updatedAt, ...rest } = decision;
  void updatedAt;
  return rest;
};

function store() {
  const file = join(folder(), 'store.sqlite');
  const db = openDecisionStore(file);
  const decisionId = listDecisions(db)[0].id;
  const change = <T>(label: string, body: () => T, id = decisionId) => inTransaction(db, () => recordStep(db, id, label, body));
  const back = (id = decisionId) => inTransaction(db, () => undo(db, id));
  const again = (id = decisionId) => inTransaction(db, () => redo(db, id));
  const now = (id = decisionId) => content(getDecision(db, id));
  return { db, file, decisionId, change, back, again, now };
}

const emptyDecision = (db: Db, title: string) =>
  inTransaction(db, () => insertDecision(db, { title, context: '', options: [], criteria: [], scores: [], outcome: { status: 'open', chosenOption: null, reason: '' } }));

describe('undo and redo in the store', () => {
  it('removing an option and undoing it brings back the option, its scores and rationale, and its place', () => {
    const { db, change, back, again, now } = store();
    const before = now();
    const option = before.options[0];
    expect(before.scores.some((s) => s.optionId === option.id && s.rationale !== '')).toBe(true);
    change(`remove option “${option.name}”`, () => matrix.deleteOption(db, option.id));
    const removed = now();
    expect(removed.options.map((o) => o.id)).not.toContain(option.id);
    expect(back()).toBe(`remove option “${option.name}”`);
    expect(now()).toEqual(before);
    expect(again()).toBe(`remove option “${option.name}”`);
    expect(now()).toEqual(removed);
  });

  it('keeps text exactly as typed: quotes, NUL, emoji, combining marks, spaces at the ends', () => {
    const { db, decisionId, change, back, again, now } = store();
    const typed = " O'Brien \"x\" \u0000 😀 e\u0301 \\ -- ; DROP TABLE options; ";
    const id = change('add', () => matrix.insertOption(db, decisionId, typed, typed));
    const criterion = now().criteria[0];
    change('score', () => matrix.upsertScore(db, id, criterion.id, { value: 2, rationale: typed, source: typed }));
    const typedState = now();
    change('rename', () => matrix.updateOption(db, id, { name: 'plain', description: '' }));
    back();
    expect(now()).toEqual(typedState);
    expect(now().options.find((o) => o.id === id)!.name).toBe(typed);
    back();
    back();
    again();
    again();
    expect(now()).toEqual(typedState);
    expect(now().scores.find((s) => s.optionId === id)!.rationale).toBe(typed);
  });

  it('keeps numbers exactly: a weight of 1/3 comes back as the same double', () => {
    const { db, change, back, now } = store();
    const criterion = now().criteria[0];
    change('weight', () => matrix.setWeight(db, criterion.id, 1 / 3));
    change('weight', () => matrix.setWeight(db, criterion.id, 0.1 + 0.2));
    back();
    expect(now().criteria[0].weight).toBe(1 / 3);
  });

  it(`keeps the last ${UNDO_LIMIT} steps of a decision`, () => {
    const { db, decisionId, change, back, now } = store();
    const criterion = now().criteria[0];
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) change(`weight ${i}`, () => matrix.setWeight(db, criterion.id, i));
    expect(stepCounts(db, decisionId)).toEqual({ undo: UNDO_LIMIT, redo: 0 });
    let undone = 0;
    while (back() !== null) undone++;
    expect(undone).toBe(UNDO_LIMIT);
    // The oldest five steps are gone: the weight goes back to what step 5 set, not further.
    expect(now().criteria[0].weight).toBe(5);
    expect(stepCounts(db, decisionId)).toEqual({ undo: 0, redo: UNDO_LIMIT });
  });

  it('a new change clears the redo stack; a change that changes nothing does not', () => {
    const { db, decisionId, change, back, again, now } = store();
    const criterion = now().criteria[0];
    change('first', () => matrix.setWeight(db, criterion.id, 11));
    change('second', () => matrix.setWeight(db, criterion.id, 12));
    back();
    expect(historyState(db, decisionId)).toEqual({ undo: 'first', redo: 'second' });
    change('nothing', () => matrix.setWeight(db, criterion.id, 11));
    expect(historyState(db, decisionId)).toEqual({ undo: 'first', redo: 'second' });
    change('third', () => matrix.setWeight(db, criterion.id, 13));
    expect(historyState(db, decisionId)).toEqual({ undo: 'third', redo: null });
    expect(again()).toBeNull();
    expect(now().criteria[0].weight).toBe(13);
  });

  it('keeps each decision its own steps', () => {
    const { db, decisionId, change, back, now } = store();
    const other = emptyDecision(db, 'Other');
    change('add to other', () => matrix.insertOption(db, other, 'Elsewhere'), other);
    const criterion = now().criteria[0];
    change('weight here', () => matrix.setWeight(db, criterion.id, 42));
    expect(historyState(db, other)).toEqual({ undo: 'add to other', redo: null });
    expect(back(other)).toBe('add to other');
    expect(now(other).options).toEqual([]);
    expect(now().criteria[0].weight).toBe(42);
    expect(back(other)).toBeNull();
    expect(historyState(db, decisionId).undo).toBe('weight here');
  });

  it('an id freed in one decision is not reused by another: undo still brings the row back', () => {
    const { db, decisionId, change, back, now } = store();
    const newest = change('add', () => matrix.insertOption(db, decisionId, 'Newest'));
    change('remove', () => matrix.deleteOption(db, newest));
    const other = emptyDecision(db, 'Other');
    const elsewhere = inTransaction(db, () => matrix.insertOption(db, other, 'Elsewhere'));
    expect(elsewhere).toBeGreaterThan(newest);
    back();
    expect(now().options.find((o) => o.id === newest)?.name).toBe('Newest');
    expect(now(other).options.map((o) => o.name)).toEqual(['Elsewhere']);
  });

  it('undo works after the store is closed and opened again (a new connection)', () => {
    const { db, file, decisionId, change, now } = store();
    const option = now().options[1];
    const before = now();
    change('remove', () => matrix.deleteOption(db, option.id));
    db.close();
    const reopened = openDecisionStore(file);
    try {
      expect(historyState(reopened, decisionId)).toEqual({ undo: 'remove', redo: null });
      expect(inTransaction(reopened, () => undo(reopened, decisionId))).toBe('remove');
      expect(content(getDecision(reopened, decisionId))).toEqual(before);
    } finally {
      reopened.close();
    }
    const again = openDecisionStore(file);
    try {
      expect(historyState(again, decisionId)).toEqual({ undo: null, redo: 'remove' });
      inTransaction(again, () => redo(again, decisionId));
      expect(content(getDecision(again, decisionId)).options.map((o) => o.id)).not.toContain(option.id);
    } finally {
      again.close();
    }
  });

  it('a step is replayed whole or not at all: a statement that fails leaves the decision and the step as they were', () => {
    const { db, decisionId, change, back, now } = store();
    const [a, b] = now().options;
    change('remove two', () => {
      matrix.deleteOption(db, a.id);
      matrix.deleteOption(db, b.id);
    });
    const removed = now();
    // Damage the step's first statement (replayed last): the replay fails after half of it ran.
    db.prepare("UPDATE history_log SET statement = 'INSERT INTO nowhere VALUES (1)' WHERE id = (SELECT MIN(id) FROM history_log)").run();
    expect(() => back()).toThrow();
    expect(now()).toEqual(removed);
    expect(historyState(db, decisionId)).toEqual({ undo: 'remove two', redo: null });
    expect(db.prepare('SELECT step_id FROM history_recording').pluck().get()).toBeNull();
  });

  it('a change that is rolled back leaves no step, and the recording is never left on', () => {
    const { db, decisionId, change, now } = store();
    const option = now().options[0];
    expect(() =>
      change('refused', () => {
        matrix.deleteOption(db, option.id);
        throw new Error('refused half way');
      }),
    ).toThrow('refused half way');
    expect(historyState(db, decisionId)).toEqual({ undo: null, redo: null });
    expect(now().options[0]).toEqual(option);
    expect(db.prepare('SELECT step_id FROM history_recording').pluck().get()).toBeNull();
  });

  it('a change made without recording forgets the decision’s steps rather than leaving them stale', () => {
    const { db, decisionId, change, back, now } = store();
    const option = now().options[0];
    change('rename', () => matrix.updateOption(db, option.id, { name: 'Renamed' }));
    inTransaction(db, () => matrix.deleteOption(db, option.id));
    expect(historyState(db, decisionId)).toEqual({ undo: null, redo: null });
    expect(back()).toBeNull();
  });

  it('an older store upgraded to 0008 keeps its rows, starts with no steps, and never gives out an id it already used', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const migrations = loadMigrations();
    migrate(db, migrations.filter((m) => m.version < 8));
    const decisionId = insertDecision(db, {
      title: 'Before 0008',
      context: '',
      options: [{ id: 'a', name: 'A', description: '' }, { id: 'b', name: 'B', description: '' }],
      criteria: [{ id: 'x', name: 'X', description: '', direction: 'benefit', scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: 1 }],
      scores: [{ option: 'b', criterion: 'x', value: 4, rationale: 'kept', source: '' }],
      outcome: { status: 'open', chosenOption: null, reason: '' },
    });
    // Every row as the older schema holds it, read with plain SQL (today's reads need today's schema):
    // the same columns hold the same values after the upgrade.
    const tables = ['decisions', 'options', 'criteria', 'scores'];
    const columns = new Map(tables.map((t) => [t, (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).filter((c) => c !== 'updated_at')]));
    const rows = () => Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT ${columns.get(t)!.join(', ')} FROM ${t} ORDER BY rowid`).all()]));
    const before = rows();
    migrate(db, migrations);
    expect(rows()).toEqual(before);
    const newest = getDecision(db, decisionId)!.options[1].id;
    expect(historyState(db, decisionId)).toEqual({ undo: null, redo: null });
    inTransaction(db, () => recordStep(db, decisionId, 'remove B', () => matrix.deleteOption(db, newest)));
    expect(inTransaction(db, () => matrix.insertOption(db, decisionId, 'C'))).toBe(newest + 1);
    db.close();
  });

  it('every table with decision data is recorded, or is on the exclusion list with its reason', () => {
    const { db } = store();
    expect(unrecordedTables(db)).toEqual([]);
    // Every excluded table exists: the list says why each is left out, and nothing stale.
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    expect(Object.keys(NOT_RECORDED).filter((t) => !tables.includes(t))).toEqual([]);
    // A table a later migration adds without triggers fails the check.
    db.exec('CREATE TABLE option_notes (id INTEGER PRIMARY KEY, option_id INTEGER NOT NULL REFERENCES options(id), note TEXT NOT NULL)');
    expect(unrecordedTables(db)).toEqual(['option_notes']);
  });

  it('the recording triggers cover every column of every recorded table', () => {
    const { db } = store();
    const triggers = new Map((db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[]).map((t) => [t.name, t.sql]));
    const skipped: Record<string, string[]> = { decisions: ['id', 'created_at', 'updated_at'] };
    const recorded = recordedTables(db);
    expect(recorded).toContain('round_outcomes');
    for (const table of recorded) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((c) => !(skipped[table] ?? []).includes(c));
      const update = triggers.get(`history_${table}_update`) ?? '';
      for (const column of columns) expect(update, `${table}.${column} in the update trigger`).toContain(`old.${column}`);
      if (table !== 'decisions') {
        const remove = triggers.get(`history_${table}_delete`) ?? '';
        for (const column of columns) expect(remove, `${table}.${column} in the delete trigger`).toContain(`old.${column}`);
      }
    }
  });
});

/**
 * The tables the undo triggers leave alone, and why. Every other table holds what a decision is
 * made of and must be recorded (history_<table>_insert, _delete, _update, and the _forget_ ones).
 */
const NOT_RECORDED: Record<string, string> = {
  // Workshop rounds, who joined and what they submitted happen in front of a room and on other
  // people's phones: kept as history of their own, not undone (docs/history.md).
  rounds: 'workshop rounds',
  participants: 'workshop participants',
  submissions: 'participants’ weights',
  participant_scores: 'participants’ scores',
  round_score_criteria: 'the criteria a round asks people to score',
  // The undo history itself, and the ids it relies on never being given out again.
  history_steps: 'undo steps',
  history_log: 'undo statements',
  history_recording: 'the step being recorded',
  row_ids: 'highest ids ever given',
  // Versions are kept, never undone: saving one changes nothing and they are not deleted.
  decision_versions: 'named versions',
  // Which store this is, not decision data.
  store_identity: 'the store’s identity',
  // Which decisions a big import or copy is still writing: bookkeeping of the write, not content.
  decisions_being_written: 'decisions still being written',
};

/** Creating and deleting a decision are not steps (docs/history.md): its row is recorded on update only. */
const UPDATE_ONLY = new Set(['decisions']);

function recordedTables(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return tables.filter((t) => !(t in NOT_RECORDED));
}

/** Tables neither excluded nor carrying every recording and forgetting trigger. */
function unrecordedTables(db: Db): string[] {
  const triggers = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]);
  return recordedTables(db).filter((table) => {
    const kinds = UPDATE_ONLY.has(table) ? ['update', 'forget_update'] : ['insert', 'delete', 'update', 'forget_update', 'forget_delete'];
    return !kinds.every((kind) => triggers.has(`history_${table}_${kind}`));
  });
}
