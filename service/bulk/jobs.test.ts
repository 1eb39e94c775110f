import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../core/contract';
import { inWriteTransaction } from '../../db/connection';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { leaveHalfWritten } from '../../db/test/half-written';
import { createDispatch, dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { runBulkJob } from './jobs';

const folder = temporaryFolder();

describe('a job written in steps, on its own connection (no host to clean up after it)', () => {
  it('removes what it committed when it fails half way, and reports the first failure', async () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const tables = ['decisions', 'options', 'criteria', 'scores', 'decisions_being_written', 'history_steps', 'history_log'];
    const before = tables.map(count);
    // 60 × 400 = 24,000 scores, many transactions of 25 ms; the store refuses the very last one.
    const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: 60 }, (_, o) => `Option ${o + 1}`)].join(',');
    const rows = Array.from({ length: 400 }, (_, c) => [`Criterion ${c + 1}`, 10, 'benefit', 0, 10, ...Array.from({ length: 60 }, (_, o) => (o === 59 && c === 399 ? 7 : 3))].join(','));
    db.exec("CREATE TRIGGER fail_at_seven BEFORE INSERT ON scores WHEN NEW.value = 7 BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
    const seen: number[] = [];
    const result = runBulkJob(db, { kind: 'importCsv', title: 'Big', text: `${header}\n${rows.join('\n')}\n` }, {
      transaction: (body) => inWriteTransaction(db, body),
      inSteps: true,
      report: (percent) => seen.push(percent),
    });
    await expect(result).rejects.toThrow('the disk is full');
    // It got far enough to have committed some of it before the failure.
    expect(Math.max(...seen)).toBeGreaterThan(50);
    expect(tables.map(count)).toEqual(before);
    db.close();
  });
});

describe('a call that keeps meeting the write lock while a big import runs', () => {
  it('is made again a few times, then fails in words instead of being retried without end', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const handlers = {
      createDecision: () => {
        calls++;
        throw busy;
      },
    } as unknown as Handlers;
    let held = 0;
    const answer = await dispatch(handlers, 'createDecision', { title: 'x' }, { pauseBulkWrite: () => (held++, Promise.resolve(() => held--)) });
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed (database is locked).' } });
    expect(calls).toBe(4);
    expect(held).toBe(0);
  });
});

describe('a decision a big import is still writing', () => {
  it('cannot be changed, deleted or reached through their options and criteria by any call', () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const id = leaveHalfWritten(db, process.ppid, 3);
    const [optionId] = db.prepare('SELECT id FROM options WHERE decision_id = ?').pluck().all(id) as number[];
    const [criterionId] = db.prepare('SELECT id FROM criteria WHERE decision_id = ?').pluck().all(id) as number[];
    const call = createDispatch(createHandlers(db));
    const rows = () => ['options', 'criteria', 'scores', 'history_steps'].map(count);
    const before = rows();
    for (const [name, input] of [
      ['getDecision', { decisionId: id }],
      ['deleteDecision', { decisionId: id }],
      ['updateDecision', { decisionId: id, title: 'Renamed' }],
      ['addOption', { decisionId: id, name: 'Sneaked in' }],
      ['setWeights', { decisionId: id, weights: [{ criterionId, weight: 5 }] }],
      ['updateOption', { optionId, name: 'Renamed' }],
      ['removeOption', { optionId }],
      ['removeCriterion', { criterionId }],
      ['setScore', { optionId, criterionId, value: 2 }],
    ] as const) {
      expect(call(name, input), name).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(rows()).toEqual(before);
    expect(db.prepare('SELECT decision_id FROM decisions_being_written').pluck().all()).toEqual([id]);
    db.close();
  });

});
