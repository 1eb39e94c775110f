import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionEditor, WEIGHT_SAVE_DELAY_MS } from './decision-editor.svelte';
import { DEPLOYMENT, EASE_OF_USE, FakeHost, PYTORCH, settle, TENSORFLOW } from './test/fake-client';

/** The name of the option ranked first. */
const leader = (editor: DecisionEditor) => editor.ranking[0]?.name;
const totalOf = (editor: DecisionEditor, optionId: number) => editor.ranking.find((o) => o.optionId === optionId)!.total;

let host: FakeHost;
let editor: DecisionEditor;

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeHost();
  editor = new DecisionEditor(host.client, host.decision);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('moving a weight slider', () => {
  it('reranks at once, without asking the host', () => {
    expect(leader(editor)).toBe('PyTorch');
    const before = totalOf(editor, TENSORFLOW);

    editor.setWeight(DEPLOYMENT, 100);

    expect(leader(editor)).toBe('TensorFlow');
    expect(totalOf(editor, TENSORFLOW)).toBeGreaterThan(before);
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
    expect(editor.criteria.find((c) => c.id === DEPLOYMENT)!.weight).toBe(100);
    expect(editor.normalisedWeights[DEPLOYMENT]).toBeCloseTo(100 / 190);
    expect(editor.saveState).toBe('saving');
    expect(host.calls).toEqual([]);
  });

  it('re-renders what reads the ranking (as a component would), with no client call', () => {
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(`${leader(editor)} ${editor.weightOf(DEPLOYMENT)}`);
      });
    });
    flushSync();
    editor.setWeight(DEPLOYMENT, 100);
    flushSync();
    stop();
    expect(seen).toEqual(['PyTorch 10', 'TensorFlow 100']);
    expect(host.calls).toEqual([]);
  });

  it('writes the weight once the slider has rested for 250 ms, not before', async () => {
    editor.setWeight(DEPLOYMENT, 100);

    await vi.advanceTimersByTimeAsync(249);
    expect(host.calls).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(host.callsTo('setWeights')).toEqual([{ decisionId: editor.id, weights: [{ criterionId: DEPLOYMENT, weight: 100 }] }]);
    expect(host.methods).toEqual(['setWeights']);

    await settle();
    expect(host.storedWeight(DEPLOYMENT)).toBe(100);
    expect(editor.saveState).toBe('saved');
    expect(editor.error).toBeNull();
    expect(leader(editor)).toBe('TensorFlow');
  });

  it('coalesces a drag into one write carrying only the latest weight of each slider', async () => {
    editor.setWeight(DEPLOYMENT, 40);
    await vi.advanceTimersByTimeAsync(200);
    editor.setWeight(DEPLOYMENT, 70);
    await vi.advanceTimersByTimeAsync(200);
    editor.setWeight(EASE_OF_USE, 5);
    await vi.advanceTimersByTimeAsync(200);
    editor.setWeight(DEPLOYMENT, 90);
    // 800 ms since the first move, but only 200 since the last: nothing written yet.
    await vi.advanceTimersByTimeAsync(200);
    expect(host.calls).toEqual([]);

    await vi.advanceTimersByTimeAsync(50);
    await settle();
    expect(host.callsTo('setWeights')).toEqual([
      {
        decisionId: editor.id,
        weights: [
          { criterionId: DEPLOYMENT, weight: 90 },
          { criterionId: EASE_OF_USE, weight: 5 },
        ],
      },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.calls).toHaveLength(1);
    expect(editor.saveState).toBe('saved');
  });

  it('ignores positions no slider can give (negative, not a number, an unknown criterion)', async () => {
    editor.setWeight(DEPLOYMENT, -1);
    editor.setWeight(DEPLOYMENT, Number.NaN);
    editor.setWeight(9999, 50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.calls).toEqual([]);
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.saveState).toBe('saved');
  });

  it('does not reshuffle which criteria the charts draw during a drag, only when the slider is let go', () => {
    // Ten criteria: the charts draw the seven heaviest and sum the rest as "Other criteria".
    const extra = [11, 12, 13, 14];
    host.decision.criteria.push(...extra.map((id) => ({ ...host.decision.criteria[0], id, name: `Extra ${id}`, weight: 1 })));
    editor = new DecisionEditor(host.client, host.decision);
    const grouped = () => editor.charted.grouped.map((c) => c.id);
    expect(grouped()).toEqual([12, 13, 14]);

    editor.setWeight(14, 100);
    expect(editor.weightOf(14)).toBe(100);
    expect(grouped()).toEqual([12, 13, 14]);

    editor.settleCharts();
    expect(grouped()).toEqual([11, 12, 13]);
  });
});

describe('a slider moved while its save is in flight', () => {
  it('keeps the newer position when the save returns, and saves it next', async () => {
    const first = host.hold('setWeights');
    editor.setWeight(DEPLOYMENT, 100);
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    expect(first.called).toBe(true);

    editor.setWeight(DEPLOYMENT, 30);
    await first.release();

    expect(host.storedWeight(DEPLOYMENT)).toBe(100);
    expect(editor.weightOf(DEPLOYMENT)).toBe(30);
    expect(editor.saveState).toBe('saving');

    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    await settle();
    expect(host.callsTo('setWeights').map((c) => c.weights)).toEqual([[{ criterionId: DEPLOYMENT, weight: 100 }], [{ criterionId: DEPLOYMENT, weight: 30 }]]);
    expect(host.storedWeight(DEPLOYMENT)).toBe(30);
    expect(editor.weightOf(DEPLOYMENT)).toBe(30);
    expect(editor.saveState).toBe('saved');
  });

  it('holds another edit back until the weights in flight are answered, so its answer cannot move the slider back', async () => {
    const save = host.hold('setWeights');
    editor.setWeight(DEPLOYMENT, 100);
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    expect(save.called).toBe(true);

    const renamed = editor.change('updateDecision', { decisionId: editor.id, title: 'Which framework?' });
    await settle();
    expect(host.methods).toEqual(['setWeights']);

    await save.release();
    expect(await renamed).toBe(true);
    expect(host.methods).toEqual(['setWeights', 'updateDecision']);
    expect(editor.decision.criteria.find((c) => c.id === DEPLOYMENT)!.weight).toBe(100);
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
    expect(editor.saveState).toBe('saved');
  });

  it('keeps the newer position when another edit’s answer (the committed decision) is adopted', async () => {
    const rename = host.hold('updateDecision');
    const renamed = editor.change('updateDecision', { decisionId: editor.id, title: 'Which framework?' });
    await settle();
    expect(rename.called).toBe(true);

    editor.setWeight(DEPLOYMENT, 100);
    await rename.release();

    expect(await renamed).toBe(true);
    expect(editor.decision.title).toBe('Which framework?');
    // The answer carries the stored weight (10); the slider keeps what the user set.
    expect(editor.decision.criteria.find((c) => c.id === DEPLOYMENT)!.weight).toBe(10);
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
    expect(leader(editor)).toBe('TensorFlow');
    expect(editor.saveState).toBe('saving');

    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    await settle();
    expect(host.storedWeight(DEPLOYMENT)).toBe(100);
    expect(editor.saveState).toBe('saved');
  });

  it('keeps the newer position when the save in flight is refused and the store is read back', async () => {
    const first = host.hold('setWeights');
    editor.setWeight(DEPLOYMENT, 100);
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    editor.setWeight(EASE_OF_USE, 0);
    await first.refuse('Criterion 4 is not part of decision 7.');

    expect(editor.error).toBe('Criterion 4 is not part of decision 7.');
    expect(host.methods).toEqual(['setWeights', 'getDecision']);
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.weightOf(EASE_OF_USE)).toBe(0);

    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    await settle();
    expect(host.callsTo('setWeights')[1].weights).toEqual([{ criterionId: EASE_OF_USE, weight: 0 }]);
    expect(host.storedWeight(EASE_OF_USE)).toBe(0);
    expect(editor.saveState).toBe('saved');
    // A save that is taken clears the banner of the one that was not.
    expect(editor.error).toBeNull();
  });
});

describe('a refused weight save', () => {
  it('shows why, puts the slider back where the store has it, and leaves nothing to write', async () => {
    host.refuseNext('setWeights', 'The store is read-only.');
    editor.setWeight(DEPLOYMENT, 100);
    expect(leader(editor)).toBe('TensorFlow');

    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    await settle();

    expect(editor.error).toBe('The store is read-only.');
    expect(host.methods).toEqual(['setWeights', 'getDecision']);
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.liveWeights).toEqual({});
    expect(leader(editor)).toBe('PyTorch');
    expect(editor.saveState).toBe('saved');

    await vi.advanceTimersByTimeAsync(10_000);
    await editor.flushWeights();
    expect(host.methods).toEqual(['setWeights', 'getDecision']);
  });

  it('says the state is unknown when the store cannot be read back either, keeping the slider where it is', async () => {
    host.refuseNext('setWeights', 'Lost the connection.', 'internal');
    host.refuseNext('getDecision', 'Lost the connection.', 'internal');
    editor.setWeight(DEPLOYMENT, 100);
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    await settle();

    expect(editor.saveState).toBe('error');
    expect(editor.error).toBe('Lost the connection.');
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
  });

  it('refuses an edit the host refuses, reading the store back, and keeps an unsent slider', async () => {
    host.refuseNext('updateDecision', 'title: must not be empty');
    const rename = host.hold('updateDecision');
    const renamed = editor.change('updateDecision', { decisionId: editor.id, title: 'Kept?' });
    await settle();
    editor.setWeight(DEPLOYMENT, 100);
    await rename.release();

    expect(await renamed).toBe(false);
    expect(editor.error).toBe('title: must not be empty');
    expect(editor.decision.title).toBe('PyTorch vs TensorFlow');
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
    expect(editor.saveState).toBe('saving');
  });
});

describe('flushing (page close, opening another decision, an export, any other edit)', () => {
  it('sends the pending weights at once, and only once', async () => {
    editor.setWeight(DEPLOYMENT, 100);
    editor.setWeight(EASE_OF_USE, 5);
    // The page may be gone before anything awaited runs: the call must leave in the same turn.
    const flushed = editor.flushWeights();
    expect(host.callsTo('setWeights')).toEqual([
      {
        decisionId: editor.id,
        weights: [
          { criterionId: DEPLOYMENT, weight: 100 },
          { criterionId: EASE_OF_USE, weight: 5 },
        ],
      },
    ]);
    await flushed;
    expect(host.storedWeight(DEPLOYMENT)).toBe(100);
    expect(editor.saveState).toBe('saved');

    await vi.advanceTimersByTimeAsync(10_000);
    await editor.flushWeights();
    expect(host.calls).toHaveLength(1);
  });

  it('sends nothing when nothing is pending', async () => {
    await editor.flushWeights();
    expect(host.calls).toEqual([]);
  });

  it('writes the weights before any other edit, so its answer already holds them', async () => {
    editor.setWeight(DEPLOYMENT, 100);
    expect(await editor.change('updateDecision', { decisionId: editor.id, title: 'Which framework?' })).toBe(true);

    expect(host.methods).toEqual(['setWeights', 'updateDecision']);
    expect(editor.decision.criteria.find((c) => c.id === DEPLOYMENT)!.weight).toBe(100);
    expect(editor.weightOf(DEPLOYMENT)).toBe(100);
    expect(editor.liveWeights).toEqual({});
    expect(editor.saveState).toBe('saved');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.calls).toHaveLength(2);
  });
});

describe('a refusal shown while a save is in flight', () => {
  it('stays when the save is answered; the next change clears it', async () => {
    editor.chooseMethod('points');
    const save = host.hold('setWeighting');
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    expect(save.called).toBe(true);
    editor.refuse('“1,500” could be read two ways.');
    await save.release();
    expect(editor.error).toBe('“1,500” could be read two ways.');
    expect(editor.saveState).toBe('saved');

    await editor.change('updateDecision', { decisionId: editor.id, title: 'Frameworks' });
    expect(editor.error).toBeNull();
  });

  it('a refusal shown before the change was asked for is cleared by its success, as before', async () => {
    editor.refuse('Not a number.');
    editor.setWeight(DEPLOYMENT, 50);
    await editor.flushWeights();
    expect(editor.error).toBeNull();
  });
});

describe('deciding', () => {
  it('chooses the option leading under the weights on screen, written first', async () => {
    editor.setWeight(DEPLOYMENT, 100);
    expect(await editor.setStatus('decided')).toBe(true);

    expect(host.methods).toEqual(['setWeights', 'updateDecision']);
    expect(host.callsTo('updateDecision')).toEqual([{ decisionId: editor.id, status: 'decided', chosenOptionId: TENSORFLOW }]);
    expect(editor.decision.status).toBe('decided');
    expect(editor.decision.chosenOptionId).toBe(TENSORFLOW);
  });

  it('keeps a choice already made when reopened and decided again', async () => {
    await editor.change('updateDecision', { decisionId: editor.id, status: 'decided', chosenOptionId: PYTORCH });
    await editor.setStatus('open');
    editor.setWeight(DEPLOYMENT, 100);
    await editor.setStatus('decided');
    expect(editor.decision.chosenOptionId).toBe(PYTORCH);
  });
});

describe('choosing a weighting method', () => {
  it('starts a method with no inputs from the weights in use, so the ranking stays, and writes it once the inputs rest', async () => {
    const before = editor.ranking.map((o) => [o.name, o.total]);
    editor.chooseMethod('points');
    expect(editor.weighting.method).toBe('points');
    expect(editor.weighting.points).toEqual({ 1: 25, 2: 20, 3: 15, 4: 10, 5: 15, 6: 15 });
    expect(editor.effective.ok && editor.effective.value.name).toBe('100 points');
    expect(editor.ranking.map((o) => [o.name, o.total])).toEqual(before);
    expect(host.calls).toEqual([]);

    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS);
    expect(host.callsTo('setWeighting')).toEqual([
      {
        decisionId: editor.id,
        method: 'points',
        points: [1, 2, 3, 4, 5, 6].map((criterionId, i) => ({ criterionId, points: [25, 20, 15, 10, 15, 15][i] })),
      },
    ]);
    expect(editor.saveState).toBe('saved');
  });

  it('ranks by the weights in use, ties tied, and reranks when a criterion moves to the top', () => {
    editor.chooseMethod('rank');
    expect(editor.weighting.order).toEqual([EASE_OF_USE, 2, [3, 5, 6], DEPLOYMENT]);
    expect(leader(editor)).toBe('PyTorch');
    editor.setWeighting({ order: [DEPLOYMENT, EASE_OF_USE, 2, [3, 5, 6]] });
    expect(leader(editor)).toBe('TensorFlow');
    expect(editor.effective.ok && editor.effective.value.name).toBe('Rank order (rank-order centroid)');
  });

  it('leaves AHP for the team to judge: no weights until the judgments connect every criterion', () => {
    editor.chooseMethod('ahp');
    expect(editor.weighting.judgments).toEqual([]);
    expect(editor.scores.ok).toBe(false);
    expect(editor.ranking).toEqual([]);
  });

  it('finds each method’s inputs as it left them, the sliders included', () => {
    editor.chooseMethod('rank');
    editor.setWeighting({ order: [DEPLOYMENT, EASE_OF_USE, 2, 3, 5, 6] });
    editor.chooseMethod('ahp');
    editor.setWeighting({ judgments: [{ more: 1, less: 2, ratio: 3 }] });
    editor.chooseMethod('direct');
    expect(editor.criteria.map((c) => c.weight)).toEqual([25, 20, 15, 10, 15, 15]);
    editor.chooseMethod('rank');
    expect(editor.weighting.order).toEqual([DEPLOYMENT, EASE_OF_USE, 2, 3, 5, 6]);
    editor.chooseMethod('ahp');
    expect(editor.weighting.judgments).toEqual([{ more: 1, less: 2, ratio: 3 }]);
  });

  it('seeds from the weights the method leaves, not the sliders', () => {
    editor.chooseMethod('rank');
    editor.setWeighting({ order: [DEPLOYMENT, EASE_OF_USE, 2, 3, 5, 6] });
    editor.chooseMethod('swing');
    expect(editor.weighting.swing[DEPLOYMENT]).toBe(100);
    expect(editor.weighting.swing[EASE_OF_USE]).toBe(Math.round((0.2417 / 0.4083) * 100));
  });
});

describe('undo and redo', () => {
  it('takes back the last change as the store has it, says what it undid, and can redo it', async () => {
    await settle();
    expect(editor.history).toEqual({ undo: null, redo: null });
    await editor.change('addOption', { decisionId: editor.id, name: 'JAX' });
    await settle();
    expect(editor.history.undo).toBe('change');
    expect(await editor.undo()).toBe(true);
    expect(editor.decision.options.map((o) => o.name)).not.toContain('JAX');
    expect(editor.historyMessage).toBe('Undid: change');
    expect(editor.history).toEqual({ undo: null, redo: 'change' });
    expect(await editor.redo()).toBe(true);
    expect(editor.decision.options.map((o) => o.name)).toContain('JAX');
    expect(editor.historyMessage).toBe('Redid: change');
  });

  it('writes a slider that has not rested yet first, so undo takes back that drag and the slider follows the store', async () => {
    await settle();
    editor.setWeight(DEPLOYMENT, 100);
    expect(await editor.undo()).toBe(true);
    expect(host.methods).toEqual(['setWeights', 'undo']);
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.liveWeights).toEqual({});
    expect(leader(editor)).toBe('PyTorch');
    await vi.advanceTimersByTimeAsync(WEIGHT_SAVE_DELAY_MS * 2);
    expect(host.methods).toEqual(['setWeights', 'undo']);
  });

  it('asks nothing when there is nothing to undo, and a new change clears the message', async () => {
    await settle();
    expect(await editor.undo()).toBe(false);
    expect(host.calls).toEqual([]);
    await editor.change('addOption', { decisionId: editor.id, name: 'JAX' });
    await editor.undo();
    expect(editor.historyMessage).not.toBeNull();
    await editor.change('addOption', { decisionId: editor.id, name: 'Keras' });
    expect(editor.historyMessage).toBeNull();
    await settle();
    expect(editor.history).toEqual({ undo: 'change', redo: null });
  });
});

describe('a text too long to keep', () => {
  it('is refused in words, and the header says "Not saved" (not "All changes saved") until a text that fits is saved', async () => {
    const pasted = 'x'.repeat(20_001);
    expect(await editor.saveText('context', pasted)).toBe(false);
    expect(editor.error).toMatch(/at most 20000 characters/);
    expect(editor.saveState).toBe('error');
    expect(editor.decision.context).not.toBe(pasted);

    expect(await editor.saveText('context', pasted.slice(0, 20_000))).toBe(true);
    expect(editor.saveState).toBe('saved');
    expect(editor.decision.context).toHaveLength(20_000);
  });
});
