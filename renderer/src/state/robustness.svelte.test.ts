import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RobustnessMatrix } from '../../../core/sensitivity';
import type { ToWorker } from './acceptability-jobs';
import { DecisionEditor } from './decision-editor.svelte';
import { ACCEPTABILITY_REST_MS, AcceptabilityAnalysis } from './robustness.svelte';
import { DEPLOYMENT, EASE_OF_USE, FakeHost, PYTORCH, TENSORFLOW } from './test/fake-client';
import { FakeWorker } from './test/fake-worker';

let host: FakeHost;
let editor: DecisionEditor;
let worker: FakeWorker;
let analysis: AcceptabilityAnalysis;

const matrixOf = (e: DecisionEditor): RobustnessMatrix => {
  if (!e.robustnessMatrix.ok) throw new Error(e.robustnessMatrix.error.message);
  return e.robustnessMatrix.value;
};
/** What a component's effect does on every change of the matrix or the weights. */
const follow = () => analysis.update(matrixOf(editor), editor.robustnessWeights);
const runs = () => worker.posted.filter((m): m is Extract<ToWorker, { type: 'run' }> => m.type === 'run');
const cancels = () => worker.posted.filter((m) => m.type === 'cancel');

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeHost();
  editor = new DecisionEditor(host.client, host.decision);
  worker = new FakeWorker();
  analysis = new AcceptabilityAnalysis(worker.start);
});

afterEach(() => {
  analysis.dispose();
  vi.useRealTimers();
});

describe('the editor’s one-weight analysis', () => {
  it('gives the seeded decision’s headline and follows a slider on every input', () => {
    expect(editor.sensitivity.ok && editor.sensitivity.value.headline).toBe(
      'PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)',
    );
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(editor.sensitivity.ok ? String(editor.sensitivity.value.leader) : editor.sensitivity.error.message);
      });
    });
    flushSync();
    editor.setWeight(DEPLOYMENT, 21);
    flushSync();
    stop();
    expect(seen).toEqual([String(PYTORCH), String(TENSORFLOW)]);
    const deployment = editor.sensitivity.ok && editor.sensitivity.value.criteria.find((c) => c.criterion === DEPLOYMENT);
    expect(deployment && deployment.weight).toBeCloseTo(21 / 111, 12);
  });

  it('uses the effective weights: under rank order the sliders do not count', () => {
    editor.setWeighting({ method: 'rank', rule: 'roc', order: [DEPLOYMENT, EASE_OF_USE] });
    const weights = new Map(editor.weighedCriteria.map((c) => [c.id, c.weight]));
    expect(editor.robustnessWeights).toEqual(matrixOf(editor).criteria.map((c) => weights.get(c.id as number)));
    editor.setWeight(EASE_OF_USE, 0);
    expect(editor.robustnessWeights).toEqual(matrixOf(editor).criteria.map((c) => weights.get(c.id as number)));
  });

  it('keeps the matrix while a slider moves (the worker is not sent it again)', () => {
    const before = matrixOf(editor);
    editor.setWeight(DEPLOYMENT, 50);
    expect(matrixOf(editor)).toBe(before);
  });
});

describe('rank acceptability in a worker', () => {
  it('runs at once on the first look, reports progress in slices, then the result', () => {
    follow();
    expect(analysis.status).toBe('running');
    expect(runs()).toHaveLength(1);
    expect(runs()[0].settings).toMatchObject({ mode: 'uniform', draws: 10_000, seed: 1 });

    worker.step();
    worker.deliver();
    expect(analysis.status).toBe('running');
    expect(analysis.done).toBeGreaterThan(0);
    expect(analysis.progress).toBeLessThan(1);

    worker.runAll();
    const progress = worker.answered.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map((m) => m.done)).toEqual([...progress.map((m) => m.done)].sort((a, b) => a - b));
    expect(analysis.status).toBe('done');
    expect(analysis.current).toBe(true);
    expect(analysis.progress).toBe(1);
    const result = analysis.result!;
    expect(result).toMatchObject({ mode: 'uniform', draws: 10_000, seed: 1, complete: true });
    for (const option of result.options) expect(option.ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(worker.starts).toBe(1);
  });

  it('starts nothing when a slider moves in uniform mode: the draws ignore the weights', async () => {
    follow();
    worker.runAll();
    for (const weight of [20, 40, 80]) {
      editor.setWeight(DEPLOYMENT, weight);
      follow();
    }
    await vi.advanceTimersByTimeAsync(10 * ACCEPTABILITY_REST_MS);
    expect(worker.posted).toHaveLength(1);
    expect(analysis.current).toBe(true);
    expect(analysis.status).toBe('done');
  });

  it('in ordinal mode, cancels the run in hand at once and starts the new one only once the weights rest', async () => {
    follow();
    worker.runAll();
    analysis.choose('ordinal');
    expect(runs()).toHaveLength(2);
    worker.step();
    worker.deliver();
    expect(analysis.status).toBe('running');

    // Deployment (10) passes the three criteria at 15: the order of importance changes.
    editor.setWeight(DEPLOYMENT, 16);
    follow();
    expect(cancels()).toHaveLength(1);
    expect(analysis.status).toBe('waiting');
    expect(analysis.current).toBe(false);
    editor.setWeight(DEPLOYMENT, 30);
    follow();
    await vi.advanceTimersByTimeAsync(ACCEPTABILITY_REST_MS - 1);
    expect(runs()).toHaveLength(2);

    // The stale run finishes the slice already queued before the cancel, then stops: never a
    // result, and what it says meanwhile is not taken.
    const answersBefore = worker.answered.length;
    worker.runAll();
    expect(worker.answered.slice(answersBefore).map((m) => m.type)).toEqual(['progress']);
    expect(worker.pending).toBe(0);
    expect(analysis.status).toBe('waiting');
    expect(analysis.result!.mode).toBe('uniform');

    await vi.advanceTimersByTimeAsync(1);
    expect(runs()).toHaveLength(3);
    expect(runs()[2].settings.weights).toEqual(editor.robustnessWeights);
    worker.runAll();
    expect(analysis.status).toBe('done');
    expect(analysis.current).toBe(true);
    expect(analysis.result!.mode).toBe('ordinal');
    expect(worker.answered.filter((m) => m.type === 'result').map((m) => m.id)).toEqual([runs()[0].id, runs()[2].id]);
  });

  it('in ordinal mode, a weight change that keeps the order of importance starts nothing', async () => {
    analysis.choose('ordinal');
    follow();
    worker.runAll();
    editor.setWeight(DEPLOYMENT, 12);
    follow();
    await vi.advanceTimersByTimeAsync(10 * ACCEPTABILITY_REST_MS);
    expect(runs()).toHaveLength(1);
    expect(analysis.current).toBe(true);
  });

  it('ignores an answer to an older job that arrives after the weights moved', async () => {
    analysis.choose('interval', 0.05);
    follow();
    // The worker finishes the first run, but its answer has not reached the page yet.
    while (worker.step());
    editor.setWeight(DEPLOYMENT, 40);
    follow();
    worker.deliver();
    expect(analysis.result).toBeNull();
    expect(analysis.status).toBe('waiting');
    await vi.advanceTimersByTimeAsync(ACCEPTABILITY_REST_MS);
    worker.runAll();
    expect(analysis.result!.within).toBe(0.05);
    expect(analysis.current).toBe(true);
    expect(runs().at(-1)!.settings.weights).toEqual(editor.robustnessWeights);
  });

  it('moving back to the weights on screen before they rest needs no new run', async () => {
    analysis.choose('interval');
    follow();
    worker.runAll();
    editor.setWeight(DEPLOYMENT, 40);
    follow();
    expect(analysis.current).toBe(false);
    editor.setWeight(DEPLOYMENT, 10);
    follow();
    expect(analysis.current).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * ACCEPTABILITY_REST_MS);
    expect(runs()).toHaveLength(1);
    expect(analysis.status).toBe('done');
  });

  it('a changed matrix (an option added, left out for its missing scores) is a new run once it rests', async () => {
    follow();
    worker.runAll();
    expect(await editor.change('addOption', { decisionId: editor.id, name: 'JAX' })).toBe(true);
    follow();
    expect(analysis.current).toBe(false);
    await vi.advanceTimersByTimeAsync(ACCEPTABILITY_REST_MS);
    worker.runAll();
    expect(runs()).toHaveLength(2);
    expect(analysis.current).toBe(true);
    expect(analysis.result!.note).toBe('Left out: JAX has missing scores.');
  });

  it('says why when the worker refuses the job, and when it cannot start', () => {
    analysis.choose('interval', 0.05);
    analysis.update(matrixOf(editor), editor.robustnessWeights.map(() => 0));
    worker.runAll();
    expect(analysis.status).toBe('error');
    expect(analysis.error).toContain('All weights are zero');

    const failing = new FakeWorker();
    failing.failToStart = 'Refused to create a worker';
    const other = new AcceptabilityAnalysis(failing.start);
    other.update(matrixOf(editor), editor.robustnessWeights);
    failing.runAll();
    expect(other.status).toBe('error');
    expect(other.error).toBe('The rank acceptability could not be computed: Refused to create a worker.');
    other.dispose();

    const throwing = new AcceptabilityAnalysis(() => {
      throw new Error('Refused to create a worker from it');
    });
    throwing.update(matrixOf(editor), editor.robustnessWeights);
    expect(throwing.status).toBe('error');
    expect(throwing.error).toBe('The rank acceptability could not be computed: Refused to create a worker from it.');
  });

  it('has nothing to do without a matrix, and stops the worker when disposed', () => {
    analysis.update(null, []);
    expect(analysis.status).toBe('idle');
    expect(worker.starts).toBe(0);
    follow();
    analysis.dispose();
    expect(worker.stops).toBe(1);
  });
});
