import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import type { Decision } from '../core/model';
import { scoreDecision } from '../core/decision-scoring';
import { buildReport } from '../core/report';
import { pytorchVsTensorflowWeightings } from '../core/templates/pytorch-vs-tensorflow';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import type { Result } from '../core/result';
import { createDispatch, type DispatchAnswer } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';
import { addedDecision, asText } from './test/added-decision';

const folder = temporaryFolder();

/** The answer of a method that answers at once (all but the workbook methods, which these tests do not call). */
function now(answer: DispatchAnswer): Result<unknown> {
  if (answer instanceof Promise) throw new Error('this method answers later: await it');
  return answer;
}

function service() {
  const file = join(folder(), 'store.sqlite');
  const db = openDecisionStore(file);
  const dispatch = createDispatch(createHandlers(db));
  const call = <K extends MethodName>(name: K, input: MethodInput<K>): MethodOutput<K> => {
    const result = now(dispatch(name, input));
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<K>;
  };
  const seeded = () => call('getDecision', { decisionId: call('listDecisions', {})[0].id });
  return { db, file, dispatch, call, seeded };
}

const leader = (decision: Decision) => {
  const result = scoreDecision(decision);
  if (!result.ok) throw new Error(result.error.message);
  return decision.options.find((o) => o.id === result.value.ranking[0])!.name;
};

describe('service over a real store', () => {
  it('serves the seeded decision with both frameworks, six dimensions and twelve rationales', () => {
    const decision = service().seeded();
    expect(decision.options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow']);
    expect(decision.criteria.map((c) => c.name)).toEqual([
      'Ease of use',
      'Dynamic vs static computation graphs',
      'Ecosystem and tools',
      'Deployment and production',
      'Community and industry adoption',
      'Performance and scalability',
    ]);
    expect(decision.scores.filter((s) => s.value !== null && s.rationale)).toHaveLength(12);
  });

  it('ranks PyTorch first under research weights and TensorFlow under production weights, as stored', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const keyOf = (name: string) =>
      ({
        'Ease of use': 'ease-of-use',
        'Dynamic vs static computation graphs': 'computation-graphs',
        'Ecosystem and tools': 'ecosystem',
        'Deployment and production': 'deployment',
        'Community and industry adoption': 'community',
        'Performance and scalability': 'performance',
      })[name] as keyof typeof pytorchVsTensorflowWeightings.research;
    for (const [preset, expected] of [
      ['research', 'PyTorch'],
      ['production', 'TensorFlow'],
    ] as const) {
      const weights = decision.criteria.map((c) => ({ criterionId: c.id, weight: pytorchVsTensorflowWeightings[preset][keyOf(c.name)] }));
      call('setWeights', { decisionId: decision.id, weights });
      expect(leader(call('getDecision', { decisionId: decision.id }))).toBe(expected);
    }
  });

  it('keeps weights and scores after the store is closed and reopened', () => {
    const { db, file, call, seeded } = service();
    const decision = seeded();
    const deployment = decision.criteria.find((c) => c.name === 'Deployment and production')!;
    call('setWeights', { decisionId: decision.id, weights: [{ criterionId: deployment.id, weight: 90 }] });
    db.close();
    const reopened = createDispatch(createHandlers(openDecisionStore(file)));
    const again = now(reopened('getDecision', { decisionId: decision.id }));
    if (!again.ok) throw new Error(again.error.message);
    expect((again.value as Decision).criteria.find((c) => c.id === deployment.id)!.weight).toBe(90);
  });

  it('adds, renames, reorders, scores and removes options and criteria', () => {
    const { call, seeded } = service();
    const { id: decisionId } = seeded();
    let d = call('addOption', { decisionId, name: 'JAX' });
    const jax = d.options.at(-1)!;
    expect(d.options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow', 'JAX']);
    d = call('moveOption', { optionId: jax.id, toIndex: 0 });
    expect(d.options.map((o) => o.name)).toEqual(['JAX', 'PyTorch', 'TensorFlow']);
    d = call('updateOption', { optionId: jax.id, name: 'JAX (Google)' });
    expect(d.options[0].name).toBe('JAX (Google)');
    d = call('addCriterion', { decisionId, name: 'Licence cost', direction: 'cost', scale: { min: 0, max: 10, minLabel: 'free', maxLabel: 'expensive' } });
    const cost = d.criteria.at(-1)!;
    expect(cost).toMatchObject({ direction: 'cost', scale: { min: 0, max: 10, minLabel: 'free' }, weight: 50 });
    d = call('setScore', { optionId: jax.id, criterionId: cost.id, value: 0, rationale: 'Apache 2.0', source: 'https://example.org' });
    expect(d.scores.find((s) => s.optionId === jax.id)).toEqual({ optionId: jax.id, criterionId: cost.id, value: 0, rationale: 'Apache 2.0', source: 'https://example.org' });
    d = call('moveCriterion', { criterionId: cost.id, toIndex: 0 });
    expect(d.criteria[0].id).toBe(cost.id);
    d = call('removeCriterion', { criterionId: cost.id });
    expect(d.criteria.map((c) => c.id)).not.toContain(cost.id);
    expect(d.scores.filter((s) => s.criterionId === cost.id)).toEqual([]);
    d = call('removeOption', { optionId: jax.id });
    expect(d.options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow']);
  });

  it('creates, duplicates, renames and deletes decisions', async () => {
    const { call, seeded, dispatch } = service();
    const original = seeded();
    const blank = call('createDecision', { title: 'Which queue?' });
    expect(blank).toMatchObject({ title: 'Which queue?', options: [], criteria: [] });
    const copy = (await addedDecision(dispatch, 'duplicateDecision', { decisionId: original.id }));
    expect(copy.title).toBe('PyTorch vs TensorFlow (copy)');
    expect(copy.scores).toHaveLength(12);
    expect(copy.options.map((o) => o.id)).not.toEqual(original.options.map((o) => o.id));
    call('updateDecision', { decisionId: copy.id, title: 'Copy', context: 'notes' });
    expect(call('getDecision', { decisionId: copy.id })).toMatchObject({ title: 'Copy', context: 'notes' });
    call('deleteDecision', { decisionId: copy.id });
    expect(call('listDecisions', {}).map((d) => d.title).sort()).toEqual(['PyTorch vs TensorFlow', 'Which queue?']);
  });

  it('records the outcome: decided, the chosen option and why — and forgets the option if it is removed', async () => {
    const { call, seeded, dispatch } = service();
    const decision = seeded();
    const tensorflow = decision.options[1];
    let d = call('updateDecision', { decisionId: decision.id, status: 'decided', chosenOptionId: tensorflow.id, outcomeReason: 'We ship to phones.' });
    expect(d).toMatchObject({ status: 'decided', chosenOptionId: tensorflow.id, outcomeReason: 'We ship to phones.' });
    expect((await addedDecision(dispatch, 'duplicateDecision', { decisionId: decision.id }))).toMatchObject({ status: 'decided', outcomeReason: 'We ship to phones.' });
    d = call('removeOption', { optionId: tensorflow.id });
    expect(d.chosenOptionId).toBeNull();
  });

  it('ships the research and production weightings as scenarios that rank as the article concludes', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const kept = call('listScenarios', { decisionId: decision.id });
    expect(kept.map((s) => s.name)).toEqual(['Research and prototyping', 'Large-scale production']);
    expect(leader(call('applyScenario', { scenarioId: kept[1].id }))).toBe('TensorFlow');
    expect(leader(call('applyScenario', { scenarioId: kept[0].id }))).toBe('PyTorch');
  });

  it('keeps the current weights as a named scenario, and deletes it', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const deployment = decision.criteria.find((c) => c.name === 'Deployment and production')!;
    call('setWeights', { decisionId: decision.id, weights: [{ criterionId: deployment.id, weight: 77 }] });
    const saved = call('saveScenario', { decisionId: decision.id, name: 'Ops view' });
    expect(saved.at(-1)).toMatchObject({ name: 'Ops view', weights: { [deployment.id]: 77 } });
    call('setWeights', { decisionId: decision.id, weights: [{ criterionId: deployment.id, weight: 1 }] });
    expect(call('applyScenario', { scenarioId: saved.at(-1)!.id }).criteria.find((c) => c.id === deployment.id)!.weight).toBe(77);
    expect(call('deleteScenario', { scenarioId: saved.at(-1)!.id }).map((s) => s.name)).toEqual(['Research and prototyping', 'Large-scale production']);
  });

  it('keeps scenario names unique within a decision (spaces at the ends, case and composition aside)', () => {
    const { call, dispatch, seeded } = service();
    const decision = seeded();
    for (const name of ['Large-scale production', '  large-scale PRODUCTION ']) {
      const result = dispatch('saveScenario', { decisionId: decision.id, name });
      expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'This decision already has a scenario named “Large-scale production”: choose another name, or delete that one first.' } });
    }
    expect(call('listScenarios', { decisionId: decision.id })).toHaveLength(2);
    // Another decision may use the name.
    const other = call('createDecision', { title: 'Another' });
    call('addCriterion', { decisionId: other.id, name: 'Cost' });
    expect(call('saveScenario', { decisionId: other.id, name: 'Large-scale production' }).map((s) => s.name)).toEqual(['Large-scale production']);
  });

  it('duplicates a decision with its scenarios and weighting inputs; its workshop rounds stay with the original', async () => {
    const { call, seeded, dispatch } = service();
    const original = seeded();
    call('saveScenario', { decisionId: original.id, name: 'Mine' });
    call('startRound', { decisionId: original.id });
    const copy = (await addedDecision(dispatch, 'duplicateDecision', { decisionId: original.id }));
    expect(copy.title).toBe('PyTorch vs TensorFlow (copy)');
    expect(call('listScenarios', { decisionId: copy.id }).map((s) => [s.name, Object.values(s.weights)])).toEqual(
      call('listScenarios', { decisionId: original.id }).map((s) => [s.name, Object.values(s.weights)]),
    );
    expect(call('listScenarios', { decisionId: copy.id }).map((s) => s.name)).toEqual(['Research and prototyping', 'Large-scale production', 'Mine']);
    expect(call('listRounds', { decisionId: copy.id })).toEqual([]);
    expect(call('listRounds', { decisionId: original.id })).toHaveLength(1);
  });

  it('stores text exactly as typed', () => {
    const { call } = service();
    const title = '  <img src=x onerror=alert(1)> \u202Eevil\u202C 🧪 מבחן e\u0301  ';
    expect(call('createDecision', { title }).title).toBe(title);
  });

  it('exports a decision and imports it back unchanged', async () => {
    const { call, seeded, dispatch } = service();
    const exported = call('exportDecision', { decisionId: seeded().id });
    const imported = (await addedDecision(dispatch, 'importDecision', asText(exported)));
    expect(call('exportDecision', { decisionId: imported.id }).decision).toEqual({
      ...exported.decision,
      options: exported.decision.options.map((o, i) => ({ ...o, id: `o${imported.options[i].id}` })),
      criteria: exported.decision.criteria.map((c, i) => ({ ...c, id: `c${imported.criteria[i].id}` })),
      scores: expect.any(Array),
      // Keyed by criterion ids, which the import renumbers (service/lossless-json.test.ts compares them by position).
      scenarios: expect.any(Array),
    });
  });

  describe('refusals change nothing', () => {
    const cases: [string, (ids: { decisionId: number; optionId: number; criterionId: number }) => [string, unknown], string, string][] = [
      ['a score above the scale', (i) => ['setScore', { optionId: i.optionId, criterionId: i.criterionId, value: 6 }], 'invalid-input', 'outside its scale 1–5'],
      ['a NaN weight', (i) => ['setWeights', { decisionId: i.decisionId, weights: [{ criterionId: i.criterionId, weight: Number.NaN }] }], 'invalid-input', 'A weight must be a number'],
      ['a negative weight', (i) => ['setWeights', { decisionId: i.decisionId, weights: [{ criterionId: i.criterionId, weight: -5 }] }], 'invalid-input', 'must be zero or more'],
      ['a weight for a criterion of another decision', (i) => ['setWeights', { decisionId: i.decisionId, weights: [{ criterionId: i.criterionId, weight: 5 }, { criterionId: 9999, weight: 1 }] }], 'not-found', 'A weight is for a criterion that is not in this decision'],
      ['a blank option name', (i) => ['addOption', { decisionId: i.decisionId, name: '   ' }], 'invalid-input', 'The name must not be empty.'],
      ['an unknown field', (i) => ['addOption', { decisionId: i.decisionId, name: 'X', colour: 'red' }], 'invalid-input', 'The request carried something the app does not know'],
      ['a scale that would strand existing scores', (i) => ['updateCriterion', { criterionId: i.criterionId, scale: { min: 1, max: 3 } }], 'conflict', 'On “Ease of use”, the score of PyTorch (5) falls outside 1–3; change it first.'],
      ['an option name the decision has', (i) => ['addOption', { decisionId: i.decisionId, name: ' tensorflow ' }], 'conflict', 'This decision already has an option named “TensorFlow”: choose another name.'],
      ['renaming an option to another’s name', (i) => ['updateOption', { optionId: i.optionId, name: 'TensorFlow' }], 'conflict', 'already has an option named “TensorFlow”'],
      ['a criterion name the decision has', (i) => ['addCriterion', { decisionId: i.decisionId, name: 'EASE OF USE' }], 'conflict', 'This decision already has a criterion named “Ease of use”: choose another name.'],
      ['renaming a criterion to another’s name', (i) => ['updateCriterion', { criterionId: i.criterionId, name: 'Ecosystem and tools' }], 'conflict', 'already has a criterion named “Ecosystem and tools”'],
      ['a chosen option from another decision', (i) => ['updateDecision', { decisionId: i.decisionId, status: 'decided', chosenOptionId: 9999 }], 'not-found', 'The chosen option is not one of this decision’s options'],
      ['an unknown status', (i) => ['updateDecision', { decisionId: i.decisionId, status: 'maybe' }], 'invalid-input', 'status'],
      ['an unknown method', () => ['dropTables', {}], 'unknown-method', 'dropTables'],
      ['a missing decision', () => ['addOption', { decisionId: 424242, name: 'X' }], 'not-found', 'This decision no longer exists'],
    ];
    it.each(cases)('%s', (_, build, code, message) => {
      const { dispatch, seeded } = service();
      const before = seeded();
      const [name, input] = build({ decisionId: before.id, optionId: before.options[0].id, criterionId: before.criteria[0].id });
      const result = now(dispatch(name, input));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toContain(message);
        // In a person's words: no method or field names (camelCase), no paths, no internal ids.
        if (code !== 'unknown-method') expect(result.error.message).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b|\[\d+\]|\b(9999|424242)\b|\bid\b/);
      }
      expect(seeded()).toEqual(before);
    });
  });
});

describe('openWorkspace', () => {
  it('answers with the list, the decision asked for (else the latest), its scenarios, rounds and where undo stands', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const other = call('createDecision', { title: 'Which queue?' });
    const latest = call('openWorkspace', {});
    expect(latest.decisions.map((d) => d.title)).toEqual(['Which queue?', 'PyTorch vs TensorFlow']);
    expect(latest.decision?.id).toBe(other.id);
    expect(latest.scenarios).toEqual([]);

    const asked = call('openWorkspace', { decisionId: decision.id });
    expect(asked.decision?.title).toBe('PyTorch vs TensorFlow');
    expect(asked.scenarios.map((s) => s.name)).toEqual(call('listScenarios', { decisionId: decision.id }).map((s) => s.name));
    expect(asked.scenarios.length).toBeGreaterThan(0);
    expect(asked.rounds).toEqual([]);
    expect(asked.history).toEqual({ undo: null, redo: null });

    // An id that is gone falls back to the latest; an empty store has nothing to open.
    expect(call('openWorkspace', { decisionId: 9999 }).decision?.id).toBe(other.id);
    call('addOption', { decisionId: decision.id, name: 'JAX' });
    expect(call('openWorkspace', { decisionId: decision.id }).history).toEqual({ undo: 'add option “JAX”', redo: null });
    for (const { id } of latest.decisions) call('deleteDecision', { decisionId: id });
    expect(call('openWorkspace', {})).toEqual({ decisions: [], decision: null, scenarios: [], rounds: [], history: { undo: null, redo: null } });
  });
});

describe('weighting methods', () => {
  it('switch without losing any method’s inputs: rank order, then AHP, then back to the sliders as they were', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const ids = decision.criteria.map((c) => c.id);
    const sliders = decision.criteria.map((c) => c.weight);
    call('setWeighting', { decisionId: decision.id, method: 'rank', rule: 'roc', order: [ids[3], [ids[0], ids[1]], ids[2], ids[4], ids[5]] });
    const ranked = call('getDecision', { decisionId: decision.id });
    expect(ranked.weighting).toMatchObject({ method: 'rank', rule: 'roc', order: [ids[3], [ids[0], ids[1]], ids[2], ids[4], ids[5]] });
    // Deployment ranked first: TensorFlow leads under the rank-order centroid weights, and the report says how.
    const report = buildReport(ranked);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.leaders).toEqual(['TensorFlow']);
    expect(report.value.criteria.find((c) => c.id === ids[3])!.share).toBeCloseTo(0.4083, 4);
    expect(report.value.weighting[0]).toBe('Weighting method: Rank order (rank-order centroid).');
    expect(report.value.weighting[1]).toBe('Most important first: “Deployment and production”; “Ease of use” = “Dynamic vs static computation graphs” (tied); “Ecosystem and tools”; “Community and industry adoption”; “Performance and scalability”.');

    const judgments = ids.slice(1).map((id) => ({ more: ids[0], less: id, ratio: 3 }));
    call('setWeighting', { decisionId: decision.id, method: 'ahp', judgments });
    const ahp = call('getDecision', { decisionId: decision.id });
    expect(ahp.weighting.method).toBe('ahp');
    expect(ahp.weighting.judgments).toEqual(judgments);
    expect(ahp.weighting.order).toEqual(ranked.weighting.order);

    call('setWeighting', { decisionId: decision.id, method: 'direct' });
    const back = call('getDecision', { decisionId: decision.id });
    expect(back.criteria.map((c) => c.weight)).toEqual(sliders);
    expect(back.weighting.judgments).toEqual(judgments);
    expect(back.weighting.order).toEqual(ranked.weighting.order);
  });

  it('the JSON export carries the active method and its inputs, and imports back the same', async () => {
    const { call, seeded, dispatch } = service();
    const decision = seeded();
    const [a, b, c] = decision.criteria.map((x) => x.id);
    call('setWeighting', { decisionId: decision.id, method: 'ahp', judgments: [{ more: a, less: b, ratio: 5 }, { more: b, less: c, ratio: 2 }] });
    const document = call('exportDecision', { decisionId: decision.id });
    expect(document.decision.weighting).toEqual({ method: 'ahp', judgments: [{ more: `c${a}`, less: `c${b}`, ratio: 5 }, { more: `c${b}`, less: `c${c}`, ratio: 2 }] });
    const imported = (await addedDecision(dispatch, 'importDecision', asText(document)));
    const names = new Map(imported.criteria.map((x) => [x.id, x.name]));
    expect(imported.weighting.judgments.map((j) => [names.get(j.more), names.get(j.less), j.ratio])).toEqual([
      [decision.criteria[0].name, decision.criteria[1].name, 5],
      [decision.criteria[1].name, decision.criteria[2].name, 2],
    ]);
  });

  it.each([
    ['a criterion of another decision', { order: [9999] }, 'not-found'],
    ['a criterion ranked twice', 'twice', 'invalid-input'],
    ['a pair judged twice', 'pair', 'invalid-input'],
    ['a ratio above 9', 'ratio', 'invalid-input'],
  ] as const)('refuses %s and changes nothing', (_, kind, code) => {
    const { dispatch, call, seeded } = service();
    const decision = seeded();
    const [a, b] = decision.criteria.map((c) => c.id);
    const input =
      kind === 'twice' ? { order: [a, [a, b]] } : kind === 'pair' ? { judgments: [{ more: a, less: b, ratio: 2 }, { more: b, less: a, ratio: 3 }] } : kind === 'ratio' ? { judgments: [{ more: a, less: b, ratio: 10 }] } : kind;
    const before = call('getDecision', { decisionId: decision.id });
    const result = dispatch('setWeighting', { decisionId: decision.id, method: 'ahp', ...input });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(call('getDecision', { decisionId: decision.id })).toEqual(before);
  });
});

describe('scenarios under another weighting method', () => {
  it('keep the effective weights, and applying one goes back to sliders set to them', () => {
    const { call, seeded } = service();
    const decision = seeded();
    const ids = decision.criteria.map((c) => c.id);
    call('setWeighting', { decisionId: decision.id, method: 'rank', order: [ids[3], ids[0], ids[1], ids[2], ids[4], ids[5]] });
    const [kept] = call('saveScenario', { decisionId: decision.id, name: 'Deployment first' }).filter((s) => s.name === 'Deployment first');
    expect(kept.weights[ids[3]]).toBeCloseTo(40.83, 2);
    call('setWeighting', { decisionId: decision.id, method: 'direct' });
    const applied = call('applyScenario', { scenarioId: kept.id });
    expect(applied.weighting.method).toBe('direct');
    expect(applied.weighting.order).toEqual([ids[3], ids[0], ids[1], ids[2], ids[4], ids[5]]);
    expect(leader(applied)).toBe('TensorFlow');
  });
});

describe('how people weigh in a round', () => {
  it('is the facilitator’s choice, stored with the round and shown to each phone', () => {
    const { db, call, seeded } = service();
    const decision = seeded();
    const round = call('startRound', { decisionId: decision.id, weighing: 'rank' });
    expect(round.weighing).toBe('rank');
    const joined = rounds.join(db, { code: round.code });
    if (!joined.ok) throw new Error(joined.error.message);
    const view = rounds.participantView(db, joined.value.token);
    expect(view.ok && view.value.weighing).toBe('rank');
    expect(call('listRounds', { decisionId: decision.id })[0].weighing).toBe('rank');
  });
});

describe('weighting inputs and other decisions', () => {
  it('a judgment naming another decision’s criterion is refused, and a duplicate keeps every method’s inputs', async () => {
    const { dispatch, call, seeded } = service();
    const decision = seeded();
    const other = call('addCriterion', { decisionId: call('createDecision', { title: 'Other' }).id, name: 'Elsewhere' });
    const [a, b] = decision.criteria.map((c) => c.id);
    const refused = dispatch('setWeighting', { decisionId: decision.id, judgments: [{ more: a, less: other.criteria[0].id, ratio: 3 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(call('getDecision', { decisionId: decision.id }).weighting.judgments).toEqual([]);

    call('setWeighting', { decisionId: decision.id, method: 'points', points: decision.criteria.map((c, i) => ({ criterionId: c.id, points: i === 0 ? 100 : 0 })) });
    call('setWeighting', { decisionId: decision.id, judgments: [{ more: a, less: b, ratio: 4 }] });
    const copy = (await addedDecision(dispatch, 'duplicateDecision', { decisionId: decision.id }));
    expect(copy.weighting.method).toBe('points');
    expect(copy.criteria.map((c) => c.weight)).toEqual(decision.criteria.map((c) => c.weight));
    expect(Object.values(copy.weighting.points)).toEqual([100, 0, 0, 0, 0, 0]);
    expect(copy.weighting.judgments).toEqual([{ more: copy.criteria[0].id, less: copy.criteria[1].id, ratio: 4 }]);
  });
});
