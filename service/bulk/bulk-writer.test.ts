import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { DecisionAdded } from '../../core/contract';
import type { Result } from '../../core/result';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { createDispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import { getDecision } from '../../db/decisions';
import { decisionToXlsx } from '../xlsx-write';
import { startBulkWriter } from './bulk-writer';

const folder = temporaryFolder();

/** The spreadsheet layout: one row per criterion, one column per option; every score 3 except where `cell` says. */
function bigCsv(options: number, criteria: number, cell: (o: number, c: number) => number = () => 3): string {
  const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: options }, (_, o) => `Option ${o + 1}`)].join(',');
  const rows = Array.from({ length: criteria }, (_, c) => [`Criterion ${c + 1}`, 10, 'benefit', 0, 10, ...Array.from({ length: options }, (_, o) => cell(o, c))].join(','));
  return `${header}\n${rows.join('\n')}\n`;
}

function host() {
  const file = join(folder(), 'store.sqlite');
  const db = openDecisionStore(file);
  const bulk = startBulkWriter(db, file);
  const dispatch = createDispatch(createHandlers(db, undefined, bulk), { pauseBulkWrite: () => bulk.pause() });
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = () => ({ decisions: count('decisions'), options: count('options'), criteria: count('criteria'), scores: count('scores') });
  return { db, bulk, dispatch, counts };
}

/** Calls `listDecisions` on the host's own connection every 2 ms until `until` settles; the longest gap between answers. */
async function pingWhile(dispatch: ReturnType<typeof host>['dispatch'], until: Promise<unknown>): Promise<{ longest: number; answered: number }> {
  let settled = false;
  void until.finally(() => (settled = true));
  let last = performance.now();
  let longest = 0;
  let answered = 0;
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const answer = (await dispatch('listDecisions', {})) as Result<unknown>;
    expect(answer.ok).toBe(true);
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    answered++;
  }
  return { longest, answered };
}

describe('big imports and copies on the bulk worker thread', () => {
  it('a 100,000-cell CSV is imported while other calls are answered, with progress on the way', async () => {
    const { bulk, dispatch } = host();
    const importing = dispatch('importCsv', { title: 'Big', text: bigCsv(100, 1000) }) as Promise<Result<DecisionAdded>>;
    const seen: number[] = [];
    const watching = (async () => {
      while (bulk.whenDone()) {
        const progress = (await dispatch('bulkProgress', {})) as Result<{ percent: number } | null>;
        if (progress.ok && progress.value) seen.push(progress.value.percent);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const { longest, answered } = await pingWhile(dispatch, importing);
    await watching;
    const result = await importing;
    expect(result).toMatchObject({ ok: true, value: { decision: { title: 'Big', optionCount: 100, criterionCount: 1000 }, notes: [] } });
    expect(answered).toBeGreaterThan(10);
    expect(longest).toBeLessThan(100);
    expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
    await bulk.close();
  });

  it('writes meanwhile are made between two of the import’s short transactions, not after it', async () => {
    const { bulk, dispatch, db } = host();
    const listed = () => (dispatch('listDecisions', {}) as Result<{ title: string }[]>);
    const before = listed();
    const importing = dispatch('importCsv', { title: 'Big', text: bigCsv(100, 1000) }) as Promise<Result<DecisionAdded>>;
    let finished = false;
    void importing.finally(() => (finished = true));
    while (!bulk.progress()?.percent) await new Promise((resolve) => setTimeout(resolve, 2));
    const waits: number[] = [];
    for (let i = 0; i < 10 && !finished; i++) {
      const started = performance.now();
      const answer = dispatch('createDecision', { title: `Meanwhile ${i}` });
      // Put off, not blocked: the host's thread is free at once.
      expect(performance.now() - started).toBeLessThan(100);
      expect(await answer).toMatchObject({ ok: true, value: { title: `Meanwhile ${i}` } });
      waits.push(performance.now() - started);
      // Half written, the import is not there for anyone who reads.
      if (!finished) expect(listed()).toMatchObject({ ok: true, value: expect.not.arrayContaining([expect.objectContaining({ title: 'Big' })]) });
    }
    expect(finished).toBe(false);
    expect(Math.max(...waits)).toBeLessThan(100);
    expect(await importing).toMatchObject({ ok: true, value: { decision: { title: 'Big', criterionCount: 1000 } } });
    const count = (db.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n;
    expect(count).toBe((before.ok ? before.value.length : 0) + waits.length + 1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM decisions_being_written').get()).toEqual({ n: 0 });
    await bulk.close();
  });

  it('bursts of writes at random moments of an import are all made, and the import is whole', async () => {
    const { bulk, dispatch, counts } = host();
    const before = counts();
    const importing = dispatch('importCsv', { title: 'Big', text: bigCsv(100, 800) }) as Promise<Result<DecisionAdded>>;
    let finished = false;
    void importing.finally(() => (finished = true));
    const answers: Promise<unknown>[] = [];
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
      for (let i = 0; i < 1 + Math.floor(Math.random() * 4); i++) answers.push(Promise.resolve(dispatch('createDecision', { title: `Burst ${answers.length}` })));
    }
    const settled = (await Promise.all(answers)) as Result<unknown>[];
    expect(settled.filter((a) => !a.ok)).toEqual([]);
    expect(await importing).toMatchObject({ ok: true });
    expect(counts()).toEqual({ decisions: before.decisions + answers.length + 1, options: before.options + 100, criteria: before.criteria + 800, scores: before.scores + 80_000 });
    await bulk.close();
  });

  it('a failure half way through the writing leaves nothing behind, and says so in words', async () => {
    const { bulk, dispatch, db, counts } = host();
    // The store fails at the last score of the file (a 7), after every other row was written.
    db.exec("CREATE TRIGGER fail_at_seven BEFORE INSERT ON scores WHEN NEW.value = 7 BEGIN SELECT RAISE(ABORT, 'the disk is full'); END");
    const before = counts();
    const result = await dispatch('importCsv', { title: 'Big', text: bigCsv(100, 500, (o, c) => (o === 99 && c === 499 ? 7 : 3)) });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'The import did not finish, and nothing was stored (the disk is full).' } });
    expect(counts()).toEqual(before);
    await bulk.close();
  });

  it('a file that is refused changes nothing, with the reader’s message', async () => {
    const { bulk, dispatch, counts } = host();
    const before = counts();
    expect(await dispatch('importCsv', { title: 'Bad', text: 'Criterion,Weight,Direction,A\nSpeed,3,sideways,2\n' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('"sideways" must be benefit or cost') } });
    expect(await dispatch('importDecision', { text: '{"format": ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^not valid JSON/) } });
    expect(await dispatch('duplicateDecision', { decisionId: 987 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(counts()).toEqual(before);
    await bulk.close();
  });

  it('a worker stopped half way (the app closing) leaves nothing behind, and the store takes writes again', async () => {
    const { bulk, dispatch, counts, db } = host();
    const before = counts();
    const importing = dispatch('importCsv', { title: 'Big', text: bigCsv(100, 1000) }) as Promise<Result<DecisionAdded>>;
    while ((bulk.progress()?.percent ?? 0) < 20) await new Promise((resolve) => setTimeout(resolve, 2));
    await bulk.close();
    expect(await importing).toEqual({ ok: false, error: { code: 'internal', message: 'The import did not finish, and nothing was stored (the app closed before it finished).' } });
    expect(counts()).toEqual(before);
    const other = createDispatch(createHandlers(db));
    expect(other('createDecision', { title: 'After' })).toMatchObject({ ok: true });
  });

  it('a big workbook is read and written by the worker while other calls are answered', { timeout: 30_000 }, async () => {
    const { bulk, dispatch, db } = host();
    const made = (await dispatch('importCsv', { title: 'Sheet', text: bigCsv(40, 300, (o, c) => (o + c) % 11) })) as Result<DecisionAdded>;
    if (!made.ok) throw new Error(made.error.message);
    const base64 = (await decisionToXlsx(getDecision(db, made.value.decision.id)!)).toString('base64');
    const importing = dispatch('importXlsx', { title: 'From the workbook', base64 }) as Promise<Result<DecisionAdded>>;
    // While the worker still reads the workbook (seconds), the store is the host's at once when it asks.
    while (!bulk.progress()) await new Promise((resolve) => setTimeout(resolve, 2));
    const asked = performance.now();
    const release = await bulk.pause()!;
    expect(performance.now() - asked).toBeLessThan(50);
    expect(bulk.progress()).toEqual({ kind: 'import', percent: 0 });
    release();
    const { longest } = await pingWhile(dispatch, importing);
    const result = await importing;
    expect(result).toMatchObject({ ok: true, value: { decision: { title: 'From the workbook', optionCount: 40, criterionCount: 300 } } });
    if (!result.ok) return;
    const copy = getDecision(db, result.value.decision.id)!;
    expect(copy.scores).toHaveLength(12_000);
    expect(copy.scores.filter((s) => s.value === 10)).toHaveLength(getDecision(db, made.value.decision.id)!.scores.filter((s) => s.value === 10).length);
    expect(longest).toBeLessThan(100);
    await bulk.close();
  });

  it('a big decision is duplicated by the worker, scores and all', async () => {
    const { bulk, dispatch, counts } = host();
    const imported = (await dispatch('importCsv', { title: 'Big', text: bigCsv(50, 400) })) as Result<DecisionAdded>;
    if (!imported.ok) throw new Error(imported.error.message);
    const before = counts();
    const copy = dispatch('duplicateDecision', { decisionId: imported.value.decision.id }) as Promise<Result<DecisionAdded>>;
    const { longest } = await pingWhile(dispatch, copy);
    expect(await copy).toMatchObject({ ok: true, value: { decision: { title: 'Big (copy)', optionCount: 50, criterionCount: 400 } } });
    expect(counts().scores).toBe(before.scores + 20_000);
    expect(longest).toBeLessThan(100);
    await bulk.close();
  });
});
