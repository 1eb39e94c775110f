import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionEditor } from './decision-editor.svelte';
import { ScenarioList } from './scenarios.svelte';
import { ok } from '../../../core/result';
import { DEPLOYMENT, EASE_OF_USE, FakeHost } from './test/fake-client';

let host: FakeHost;
let editor: DecisionEditor;
let scenarios: ScenarioList;

beforeEach(async () => {
  vi.useFakeTimers();
  host = new FakeHost();
  editor = new DecisionEditor(host.client, host.decision);
  scenarios = new ScenarioList(host.client, editor);
  await scenarios.load();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('scenarios (named weight sets)', () => {
  it('keeps the weights on screen, writing a slider that has not rested yet first', async () => {
    editor.setWeight(DEPLOYMENT, 100);
    expect(await scenarios.keepCurrent('Production')).toBe(true);

    expect(host.methods).toEqual(['listScenarios', 'setWeights', 'saveScenario']);
    expect(scenarios.items.map((s) => s.name)).toEqual(['Production']);
    expect(scenarios.items[0].weights[DEPLOYMENT]).toBe(100);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.calls).toHaveLength(3);
  });

  it('a taken name is refused in the banner, and the next kept scenario takes that refusal away', async () => {
    await scenarios.keepCurrent('Production');
    expect(await scenarios.keepCurrent('Production')).toBe(false);
    expect(editor.error).toMatch(/already has a scenario named “Production”/);
    expect(await scenarios.keepCurrent('Research')).toBe(true);
    expect(editor.error).toBeNull();
    expect(scenarios.items.map((s) => s.name)).toEqual(['Production', 'Research']);
  });

  it('applies one: the sliders and the ranking move to its weights', async () => {
    await scenarios.keepCurrent('As shipped');
    editor.setWeight(DEPLOYMENT, 100);
    editor.setWeight(EASE_OF_USE, 0);
    await editor.flushWeights();
    expect(editor.ranking[0].name).toBe('TensorFlow');

    expect(await scenarios.apply(scenarios.items[0].id)).toBe(true);
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.weightOf(EASE_OF_USE)).toBe(25);
    expect(editor.ranking[0].name).toBe('PyTorch');
    expect(editor.saveState).toBe('saved');
  });

  it('applied under another method, switches to direct weights (the sliders it moves), the rank order kept for later', async () => {
    await scenarios.keepCurrent('As shipped');
    editor.chooseMethod('rank');
    editor.setWeighting({ order: [DEPLOYMENT, EASE_OF_USE, 2, 3, 5, 6] });
    expect(scenarios.slidersInUse).toBe(false);
    expect(editor.ranking[0].name).toBe('TensorFlow');

    expect(await scenarios.apply(scenarios.items[0].id)).toBe(true);
    expect(host.methods.slice(-1)).toEqual(['applyScenario']);
    expect(editor.weighting.method).toBe('direct');
    expect(scenarios.slidersInUse).toBe(true);
    expect(editor.ranking[0].name).toBe('PyTorch');
    expect(editor.weighting.order).toEqual([DEPLOYMENT, EASE_OF_USE, 2, 3, 5, 6]);
    expect(editor.saveState).toBe('saved');
  });

  it('shows a refusal on the editor and leaves the list as it was', async () => {
    await scenarios.keepCurrent('As shipped');
    host.refuseNext('saveScenario', 'name: must not be empty');
    expect(await scenarios.keepCurrent(' ')).toBe(false);
    expect(editor.error).toBe('name: must not be empty');
    expect(scenarios.items.map((s) => s.name)).toEqual(['As shipped']);
  });

  it('deletes one', async () => {
    await scenarios.keepCurrent('A');
    await scenarios.keepCurrent('B');
    expect(await scenarios.remove(scenarios.items[0].id)).toBe(true);
    expect(scenarios.items.map((s) => s.name)).toEqual(['B']);
    expect(await scenarios.remove(12345)).toBe(false);
    expect(editor.error).toBe('There is no scenario with id 12345.');
  });
});

describe('applying a scenario never loses the weights on screen', () => {
  it('brings them back in one step, with the weighting method they had', async () => {
    // As the store does: the method and its inputs are kept; applying a scenario switches to direct weights.
    host.answer('setWeighting', ({ decisionId, method, rule, order }) => {
      host.decision = { ...host.decision, weighting: { ...host.decision.weighting, ...(method && { method }), ...(rule && { rule }), ...(order && { order }) } };
      return ok({ decisionId, updatedAt: host.decision.updatedAt });
    });
    host.answer('applyScenario', ({ scenarioId }) => {
      const scenario = host.scenarios.find((s) => s.id === scenarioId)!;
      const criteria = host.decision.criteria.map((c) => ({ ...c, weight: scenario.weights[c.id] ?? c.weight }));
      host.decision = { ...host.decision, criteria, weighting: { ...host.decision.weighting, method: 'direct' } };
      return ok(host.decision);
    });
    await scenarios.keepCurrent('As shipped');
    editor.setWeight(DEPLOYMENT, 60);
    editor.setWeighting({ method: 'rank', rule: 'roc', order: [DEPLOYMENT, EASE_OF_USE] });
    await editor.flushWeights();
    expect(editor.ranking[0].name).toBe('TensorFlow');

    expect(await scenarios.apply(scenarios.items[0].id)).toBe(true);
    expect(scenarios.before).toMatchObject({ applied: 'As shipped', method: 'rank' });
    expect(editor.weighting.method).toBe('direct');
    expect(editor.weightOf(DEPLOYMENT)).toBe(10);
    expect(editor.ranking[0].name).toBe('PyTorch');

    expect(await scenarios.restoreBefore()).toBe(true);
    expect(editor.weightOf(DEPLOYMENT)).toBe(60);
    expect(editor.weighting.method).toBe('rank');
    expect(editor.ranking[0].name).toBe('TensorFlow');
    expect(scenarios.before).toBeNull();
    expect(host.storedWeight(DEPLOYMENT)).toBe(60);
    expect(await scenarios.restoreBefore()).toBe(false);
  });

  it('has nothing to bring back when applying was refused', async () => {
    expect(await scenarios.apply(12345)).toBe(false);
    expect(scenarios.before).toBeNull();
  });
});
