import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDecision } from '../db/decisions';
import { historyState } from '../db/history';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Result } from '../core/result';

const folder = temporaryFolder();
const WRITER = join(import.meta.dirname, 'test', 'undo-crash-writer.ts');
const ROOT = join(import.meta.dirname, '..');
const KILLS = 12;

/** Runs the writer, kills it (-9) `afterMs` after it is ready; answers how many moves it acknowledged. */
function moveUntilKilled(args: string[], afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_, signal) => (signal === 'SIGKILL' ? resolve(out.split('\n').slice(1, -1).length) : reject(new Error(`the writer stopped by itself: ${err}`))));
  });
}

const value = <T>(result: unknown): T => {
  const answer = result as Result<T>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

describe('kill -9 while a big step is undone and redone', () => {
  it(`leaves the decision wholly before or wholly after the step, and the step on one stack (${KILLS} kills)`, { timeout: 90_000 }, async () => {
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
    const decision = value<{ id: number; scores: { optionId: number; criterionId: number }[] }>(dispatch('importDecision', { document }));
    const [version] = value<{ id: number }[]>(dispatch('saveVersion', { decisionId: decision.id, name: 'All five' }));
    db.transaction(() => {
      for (const s of decision.scores) value(dispatch('setScore', { optionId: s.optionId, criterionId: s.criterionId, value: 1, rationale: 'one' }));
    })();
    db.prepare('DELETE FROM history_steps').run();
    db.close();

    const started = performance.now();
    let moves = 0;
    const seen = new Set<string>();
    for (let run = 0; run < KILLS; run++) {
      moves += await moveUntilKilled([file, String(decision.id), String(version.id)], 30 + Math.random() * 400);
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
        const history = historyState(reopened, decision.id);
        // All fives: the restore is done (its step to undo); all ones: not yet, or undone (to redo).
        if (state === '5 five') expect(history).toEqual({ undo: 'restore version “All five”', redo: null });
        else expect([JSON.stringify({ undo: null, redo: null }), JSON.stringify({ undo: null, redo: 'restore version “All five”' })]).toContain(JSON.stringify(history));
      } finally {
        reopened.close();
      }
    }
    expect(moves).toBeGreaterThan(KILLS);
    console.info(`undo crash test: ${KILLS} kills, ${moves} acknowledged restores, undos and redos of 1,000 scores; ${Math.round(performance.now() - started)} ms`);
    expect([...seen].sort()).toEqual(['1 one', '5 five']);
  });
});
