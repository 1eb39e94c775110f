import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDecision } from '../db/decisions';
import { historyState } from '../db/history';
import { openDecisionStore } from '../db/seed';
import { runUntilKilled } from '../db/test/kill-after-ready';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Result } from '../core/result';
import { addedDecision, asText } from './test/added-decision';

const folder = temporaryFolder();
const WRITER = join(import.meta.dirname, 'test', 'undo-crash-writer.ts');
const KILLS = 12;

const value = <T>(result: unknown): T => {
  const answer = result as Result<T>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

describe('kill -9 while a big step is undone and redone', () => {
  it(`leaves the decision wholly before or wholly after the step, the step on one stack, and the last acknowledged move kept (${KILLS} kills)`, { timeout: 90_000 }, async () => {
    const file = join(folder(), 'decision-matrix.sqlite');
    const db = openDecisionStore(file);
    const dispatch = createDispatch(createHandlers(db));
    // 20 options × 50 criteria, every score 1; a version with every score 5 to restore.
    const document = {
      format: 'decision-matrix/v2' as const,
      decision: {
        title: 'Big',
        options: Array.from({ length: 20 }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` })),
        criteria: Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Criterion ${i}`, weight: 10, scale: { min: 1, max: 5, minLabel: '', maxLabel: '' } })),
        scores: Array.from({ length: 1000 }, (_, k) => ({ option: `o${k % 20}`, criterion: `c${Math.floor(k / 20)}`, value: 5, rationale: `five ${k}` })),
      },
    };
    const decision = await addedDecision(dispatch, 'importDecision', asText(document));
    const [version] = value<{ id: number }[]>(dispatch('saveVersion', { decisionId: decision.id, name: 'All five' }));
    db.transaction(() => {
      for (const s of decision.scores) value(dispatch('setScore', { optionId: s.optionId, criterionId: s.criterionId, value: 1, rationale: 'one' }));
    })();
    db.prepare('DELETE FROM history_steps').run();
    db.close();

    const started = performance.now();
    let moves = 0;
    const seen = new Set<string>();
    const label = 'restore version “All five”';
    // What the store holds after each move the writer acknowledged, and after the move it makes next.
    type State = { scores: '1 one' | '5 five'; history: { undo: string | null; redo: string | null } };
    const AFTER: Record<string, State> = {
      restore: { scores: '5 five', history: { undo: label, redo: null } },
      redo: { scores: '5 five', history: { undo: label, redo: null } },
      undo: { scores: '1 one', history: { undo: null, redo: label } },
    };
    const next = (state: State): State => (state.history.undo !== null ? AFTER.undo : AFTER.redo);
    let acknowledged: State = { scores: '1 one', history: { undo: null, redo: null } };
    for (let run = 0; run < KILLS; run++) {
      const lines = await runUntilKilled(WRITER, [file, String(decision.id), String(version.id)], 30 + Math.random() * 400);
      moves += lines.length;
      if (lines.length > 0) acknowledged = AFTER[lines.at(-1)!.replace('done ', '')];
      const reopened = openDecisionStore(file);
      try {
        expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(reopened.prepare('SELECT step_id FROM history_recording').pluck().get()).toBeNull();
        const scores = getDecision(reopened, decision.id)!.scores;
        expect(scores).toHaveLength(1000);
        const values = new Set(scores.map((s) => `${s.value} ${s.rationale.split(' ')[0]}`));
        // Never some scores of one side and some of the other.
        expect(values.size).toBe(1);
        const [state] = values;
        seen.add(state);
        const found = { scores: state, history: historyState(reopened, decision.id) };
        // The last acknowledged move survived: the store is as it left it, or one move further (a
        // move committed just before the kill, whose "done" was not written yet) — never further back.
        expect([acknowledged, next(acknowledged)].map((s) => JSON.stringify(s))).toContain(JSON.stringify(found));
        acknowledged = found as State;
      } finally {
        reopened.close();
      }
    }
    expect(moves).toBeGreaterThan(KILLS);
    console.info(`undo crash test: ${KILLS} kills, ${moves} acknowledged restores, undos and redos of 1,000 scores; ${Math.round(performance.now() - started)} ms`);
    expect([...seen].sort()).toEqual(['1 one', '5 five']);
  });
});
