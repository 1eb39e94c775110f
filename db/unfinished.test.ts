import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from './connection';
import { findDecisionSummary, getDecision, listDecisions } from './decisions';
import { openDecisionStore } from './seed';
import { leaveHalfWritten } from './test/half-written';
import { temporaryFolder } from './test/temporary-store';

const folder = temporaryFolder();

const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
/** A pid no process has: one that just ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

describe('decisions a big import left half written', () => {
  it('are hidden from every read while they are written', () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const listed = listDecisions(db);
    const id = leaveHalfWritten(db, process.ppid, 3);
    expect(count(db, 'options')).toBeGreaterThan(0);
    expect(listDecisions(db)).toEqual(listed);
    expect(findDecisionSummary(db, id)).toBeUndefined();
    expect(getDecision(db, id)).toBeUndefined();
    db.close();
  });

  it('are removed, scores and all, at the next start when their writer is gone; the rest is kept', () => {
    const file = join(folder(), 'store.sqlite');
    let db = openDecisionStore(file);
    const before = { listed: listDecisions(db), options: count(db, 'options'), criteria: count(db, 'criteria'), scores: count(db, 'scores') };
    leaveHalfWritten(db, Number(deadPid()), 4);
    expect(count(db, 'scores')).toBe(before.scores + 1);
    db.close();
    db = openDecisionStore(file);
    expect({ listed: listDecisions(db), options: count(db, 'options'), criteria: count(db, 'criteria'), scores: count(db, 'scores') }).toEqual(before);
    expect(count(db, 'decisions_being_written')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('are removed at a start when marked by this process’s own pid: no writer of this process runs yet, and a pid is given again after a kill', () => {
    const file = join(folder(), 'store.sqlite');
    let db = openDecisionStore(file);
    const before = count(db, 'scores');
    leaveHalfWritten(db, process.pid, 4);
    db.close();
    db = openDecisionStore(file);
    expect([count(db, 'scores'), count(db, 'decisions_being_written')]).toEqual([before, 0]);
    db.close();
  });

  it('are kept (still hidden) at a start while their writer runs: another app may be importing into the same store', () => {
    const file = join(folder(), 'store.sqlite');
    let db = openDecisionStore(file);
    const id = leaveHalfWritten(db, process.ppid, 2);
    db.close();
    db = openDecisionStore(file);
    expect(db.prepare('SELECT decision_id FROM decisions_being_written').pluck().all()).toEqual([id]);
    expect(getDecision(db, id)).toBeUndefined();
    db.close();
  });
});
