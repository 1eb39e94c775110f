import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import type { Decision } from '../core/model';
import type { Result } from '../core/result';
import { recordRounds } from '../core/round-record';
import { UNDO_LIMIT } from '../db/history';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch, type DispatchAnswer } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';
import { addedDecision } from './test/added-decision';

const folder = temporaryFolder();

function now(answer: DispatchAnswer): Result<unknown> {
  if (answer instanceof Promise) throw new Error('this method answers later: await it');
  return answer;
}

function service(file = join(folder(), 'store.sqlite')) {
  const db = openDecisionStore(file);
  const dispatch = createDispatch(createHandlers(db));
  const call = <K extends MethodName>(name: K, input: MethodInput<K>): MethodOutput<K> => {
    const result = now(dispatch(name, input));
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<K>;
  };
  const decisionId = call('listDecisions', {})[0].id;
  /** The decision and its scenarios, as a person sees them (not when they were last changed). */
  const seen = (id = decisionId) => {
    const { updatedAt, ...decision } = call('getDecision', { decisionId: id });
    void updatedAt;
    return { decision, scenarios: call('listScenarios', { decisionId: id }) };
  };
  return { db, file, dispatch, call, decisionId, seen };
}

type Service = ReturnType<typeof service>;
/** One kind of change: what it does to the seeded decision, and the label undo shows for it. */
type Seen = Omit<Decision, 'updatedAt'>;
type Change = [what: string, label: (d: Seen) => string, act: (s: Service, d: Seen) => unknown];

const changes: Change[] = [
  ['rename the decision', () => 'rename the decision to “Which framework?”', (s) => s.call('updateDecision', { decisionId: s.decisionId, title: 'Which framework?' })],
  ['edit the context', () => 'edit the context', (s) => s.call('updateDecision', { decisionId: s.decisionId, context: 'Line one\nline two ' })],
  ['mark it decided', () => 'mark the decision decided', (s, d) => s.call('updateDecision', { decisionId: s.decisionId, status: 'decided', chosenOptionId: d.options[1].id, outcomeReason: 'Speed.' })],
  ['add an option', () => 'add option “JAX”', (s) => s.call('addOption', { decisionId: s.decisionId, name: 'JAX' })],
  ['rename an option', (d) => `rename option “${d.options[0].name}” to “Torch”`, (s, d) => s.call('updateOption', { optionId: d.options[0].id, name: 'Torch' })],
  ['move an option', (d) => `move option “${d.options[0].name}”`, (s, d) => s.call('moveOption', { optionId: d.options[0].id, toIndex: 1 })],
  ['remove an option', (d) => `remove option “${d.options[0].name}”`, (s, d) => s.call('removeOption', { optionId: d.options[0].id })],
  ['add a criterion', () => 'add criterion “Licence”', (s) => s.call('addCriterion', { decisionId: s.decisionId, name: 'Licence', direction: 'cost' })],
  ['change a scale', (d) => `change the scale of “${d.criteria[0].name}”`, (s, d) => s.call('updateCriterion', { criterionId: d.criteria[0].id, scale: { min: 0, max: 10, minLabel: 'none', maxLabel: 'all' } })],
  ['move a criterion', (d) => `move criterion “${d.criteria[0].name}”`, (s, d) => s.call('moveCriterion', { criterionId: d.criteria[0].id, toIndex: 3 })],
  ['remove a criterion', (d) => `remove criterion “${d.criteria[1].name}”`, (s, d) => s.call('removeCriterion', { criterionId: d.criteria[1].id })],
  ['change a score', (d) => `score “${d.options[0].name}” on “${d.criteria[0].name}”`, (s, d) => s.call('setScore', { optionId: d.options[0].id, criterionId: d.criteria[0].id, value: 1 })],
  ['edit a rationale', (d) => `edit the rationale for “${d.options[0].name}” on “${d.criteria[0].name}”`, (s, d) => s.call('setScore', { optionId: d.options[0].id, criterionId: d.criteria[0].id, rationale: 'Measured  ' })],
  ['move a slider', (d) => `change the weight of “${d.criteria[0].name}”`, (s, d) => s.call('setWeights', { decisionId: s.decisionId, weights: [{ criterionId: d.criteria[0].id, weight: 77 }] })],
  ['switch method', () => 'switch to rank order', (s, d) => s.call('setWeighting', { decisionId: s.decisionId, method: 'rank', order: d.criteria.map((c) => c.id).reverse() })],
  ['change points', () => 'change the points', (s, d) => s.call('setWeighting', { decisionId: s.decisionId, points: d.criteria.map((c, i) => ({ criterionId: c.id, points: i === 0 ? 100 : 0 })) })],
  ['change swings', () => 'change the swing weights', (s, d) => s.call('setWeighting', { decisionId: s.decisionId, swing: d.criteria.map((c, i) => ({ criterionId: c.id, points: i === 0 ? 100 : 10 })) })],
  ['judge pairs', () => 'change the pairwise comparisons', (s, d) => s.call('setWeighting', { decisionId: s.decisionId, judgments: [{ more: d.criteria[0].id, less: d.criteria[1].id, ratio: 5 }] })],
  ['keep a scenario', () => 'keep scenario “Mine”', (s) => s.call('saveScenario', { decisionId: s.decisionId, name: 'Mine' })],
  ['apply a scenario', () => 'apply scenario “Research and prototyping”', (s) => s.call('applyScenario', { scenarioId: s.call('listScenarios', { decisionId: s.decisionId })[0].id })],
  ['delete a scenario', () => 'delete scenario “Research and prototyping”', (s) => s.call('deleteScenario', { scenarioId: s.call('listScenarios', { decisionId: s.decisionId })[0].id })],
];

/** A revealed round with two people's weights, for the group weights to be applied or kept. */
function revealedRound(s: Service): { id: number; code: string } {
  const round = s.call('startRound', { decisionId: s.decisionId });
  const { criteria } = s.call('getDecision', { decisionId: s.decisionId });
  for (const weight of [10, 90]) {
    const joined = rounds.join(s.db, { code: round.code, name: `P${weight}` });
    if (!joined.ok) throw new Error(joined.error.message);
    rounds.submit(s.db, joined.value.token, { weights: Object.fromEntries(criteria.map((c, i) => [String(c.id), i === 0 ? weight : 20])) });
  }
  s.call('updateRound', { roundId: round.id, state: 'revealed' });
  return round;
}

describe('every change to a decision is one step to undo and redo', () => {
  it.each(changes)('%s: undo puts it back exactly, redo does it again', (_what, label, act) => {
    const s = service();
    const before = s.seen();
    act(s, before.decision);
    const after = s.seen();
    expect(after).not.toEqual(before);
    const undone = s.call('undo', { decisionId: s.decisionId });
    expect(undone.label).toBe(label(before.decision));
    expect(s.seen()).toEqual(before);
    expect(undone.history).toEqual({ undo: null, redo: label(before.decision) });
    const { updatedAt, ...shown } = undone.decision;
    void updatedAt;
    expect(shown).toEqual(before.decision);
    expect(s.call('redo', { decisionId: s.decisionId }).label).toBe(label(before.decision));
    expect(s.seen()).toEqual(after);
  });

  it('applying the group weights is one step, and so is keeping them as a scenario', () => {
    const s = service();
    const round = revealedRound(s);
    const before = s.seen();
    s.call('setWeighting', { decisionId: s.decisionId, method: 'swing' });
    const swing = s.seen();
    s.call('applyGroupWeights', { roundId: round.id });
    expect(s.seen().decision.weighting.method).toBe('direct');
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe(`apply the group’s weights from round ${round.code}`);
    expect(s.seen()).toEqual(swing);
    s.call('undo', { decisionId: s.decisionId });
    expect(s.seen()).toEqual(before);
    s.call('keepGroupWeights', { roundId: round.id, name: 'Room' });
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe('keep the group’s weights as “Room”');
    expect(s.seen()).toEqual(before);
  });

  it('what became of the round is undone and redone with the step that made it: applied, kept as a scenario', () => {
    const s = service();
    const round = revealedRound(s);
    const outcomes = () => s.call('getRound', { roundId: round.id }).outcomes;
    const record = () => recordRounds(s.call('getDecision', { decisionId: s.decisionId }), [s.call('getRound', { roundId: round.id })])[0];
    s.call('applyGroupWeights', { roundId: round.id });
    const applied = outcomes();
    expect(applied.map((o) => o.kind)).toEqual(['applied']);
    expect(record().applied).toBe(true);
    s.call('undo', { decisionId: s.decisionId });
    expect(outcomes()).toEqual([]);
    expect(record()).toMatchObject({ applied: false, outcome: ['The group weights were neither applied nor kept as a scenario.'] });
    s.call('redo', { decisionId: s.decisionId });
    expect(outcomes()).toEqual(applied);
    s.call('keepGroupWeights', { roundId: round.id, name: 'Room “quoted”' });
    const both = outcomes();
    expect(both.map((o) => [o.kind, o.scenarioName])).toEqual([['applied', ''], ['scenario', 'Room “quoted”']]);
    s.call('undo', { decisionId: s.decisionId });
    expect(outcomes()).toEqual(applied);
    s.call('undo', { decisionId: s.decisionId });
    expect(outcomes()).toEqual([]);
    s.call('redo', { decisionId: s.decisionId });
    s.call('redo', { decisionId: s.decisionId });
    expect(outcomes()).toEqual(both);
  });

  it('a slider moved, let rest and moved again soon after is one step; another criterion is another', () => {
    const s = service();
    const { decision } = s.seen();
    const [a, b] = decision.criteria;
    for (const weight of [10, 20, 30]) s.call('setWeights', { decisionId: s.decisionId, weights: [{ criterionId: a.id, weight }] });
    s.call('setWeights', { decisionId: s.decisionId, weights: [{ criterionId: b.id, weight: 5 }] });
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe(`change the weight of “${b.name}”`);
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe(`change the weight of “${a.name}”`);
    expect(s.seen().decision).toEqual(s.seen().decision);
    expect(s.call('getDecision', { decisionId: s.decisionId }).criteria.find((c) => c.id === a.id)!.weight).toBe(a.weight);
    expect(s.call('historyState', { decisionId: s.decisionId }).undo).toBeNull();
  });

  it('says so when there is nothing to undo or redo', () => {
    const s = service();
    expect(now(s.dispatch('undo', { decisionId: s.decisionId }))).toEqual({ ok: false, error: { code: 'conflict', message: 'There is nothing to undo.' } });
    expect(now(s.dispatch('redo', { decisionId: s.decisionId }))).toEqual({ ok: false, error: { code: 'conflict', message: 'There is nothing to redo.' } });
  });

  it('weighting inputs sent again unchanged are no step, and leave redo as it was (points, AHP judgments)', () => {
    const s = service();
    const ids = s.seen().decision.criteria.map((c) => c.id);
    const points = { decisionId: s.decisionId, method: 'points' as const, points: ids.map((criterionId, i) => ({ criterionId, points: [30, 20, 15, 10, 15, 10][i] })) };
    s.call('setWeighting', points);
    s.call('setWeighting', { decisionId: s.decisionId, method: 'ahp', judgments: [{ more: ids[0], less: ids[1], ratio: 3 }] });
    s.call('undo', { decisionId: s.decisionId });
    const state = s.call('historyState', { decisionId: s.decisionId });
    expect(state.redo).not.toBeNull();
    // The page sends what is on screen again (a slider that rests, a reload): nothing changed.
    s.call('setWeighting', points);
    expect(s.call('historyState', { decisionId: s.decisionId })).toEqual(state);
    s.call('redo', { decisionId: s.decisionId });
    const judged = s.call('historyState', { decisionId: s.decisionId });
    s.call('setWeighting', { decisionId: s.decisionId, method: 'ahp', judgments: [{ more: ids[0], less: ids[1], ratio: 3 }] });
    expect(s.call('historyState', { decisionId: s.decisionId })).toEqual(judged);
  });

  it('a refused change is no step', () => {
    const s = service();
    const { decision } = s.seen();
    const refused = now(s.dispatch('setScore', { optionId: decision.options[0].id, criterionId: decision.criteria[0].id, value: 99 }));
    expect(refused.ok).toBe(false);
    expect(s.call('historyState', { decisionId: s.decisionId })).toEqual({ undo: null, redo: null });
  });

  it('keeps each decision its own steps, and creating or deleting a decision is no step', async () => {
    const s = service();
    const other = s.call('createDecision', { title: 'Other' });
    s.call('addOption', { decisionId: other.id, name: 'Only here' });
    s.call('setWeights', { decisionId: s.decisionId, weights: [{ criterionId: s.seen().decision.criteria[0].id, weight: 3 }] });
    expect(s.call('undo', { decisionId: other.id }).label).toBe('add option “Only here”');
    expect(now(s.dispatch('undo', { decisionId: other.id })).ok).toBe(false);
    const copy = (await addedDecision(s.dispatch, 'duplicateDecision', { decisionId: s.decisionId }));
    expect(s.call('historyState', { decisionId: copy.id })).toEqual({ undo: null, redo: null });
    expect(s.call('historyState', { decisionId: s.decisionId }).undo).toMatch(/^change the weight of/);
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, () => {
    const s = service();
    const { decision } = s.seen();
    for (let i = 0; i <= UNDO_LIMIT; i++) s.call('setScore', { optionId: decision.options[0].id, criterionId: decision.criteria[0].id, rationale: `note ${i}` });
    let undone = 0;
    while (now(s.dispatch('undo', { decisionId: s.decisionId })).ok) undone++;
    expect(undone).toBe(UNDO_LIMIT);
    expect(s.call('getDecision', { decisionId: s.decisionId }).scores.find((x) => x.optionId === decision.options[0].id && x.criterionId === decision.criteria[0].id)!.rationale).toBe('note 0');
  });

  it('a new change clears what could be redone', () => {
    const s = service();
    s.call('addOption', { decisionId: s.decisionId, name: 'A' });
    s.call('undo', { decisionId: s.decisionId });
    expect(s.call('historyState', { decisionId: s.decisionId }).redo).toBe('add option “A”');
    s.call('addOption', { decisionId: s.decisionId, name: 'B' });
    expect(s.call('historyState', { decisionId: s.decisionId })).toEqual({ undo: 'add option “B”', redo: null });
  });

  it('undoes after the app is started again (a new connection)', () => {
    const first = service();
    const before = first.seen();
    first.call('removeOption', { optionId: before.decision.options[0].id });
    first.db.close();
    const second = service(first.file);
    try {
      expect(second.call('undo', { decisionId: first.decisionId }).label).toBe(`remove option “${before.decision.options[0].name}”`);
      expect(second.seen()).toEqual(before);
    } finally {
      second.db.close();
    }
  });
});

describe('versions', () => {
  it('are taken by hand, at a reveal and when marked decided, each with what changed since the one before', () => {
    const s = service();
    const { decision } = s.seen();
    s.call('saveVersion', { decisionId: s.decisionId, name: 'Start' });
    s.call('removeOption', { optionId: decision.options[0].id });
    s.call('addCriterion', { decisionId: s.decisionId, name: 'Licence' });
    s.call('setWeights', { decisionId: s.decisionId, weights: [{ criterionId: decision.criteria[0].id, weight: 1 }] });
    const round = revealedRound(s);
    s.call('updateDecision', { decisionId: s.decisionId, status: 'decided', chosenOptionId: decision.options[1].id });
    const listed = s.call('listVersions', { decisionId: s.decisionId });
    expect(listed.map((v) => [v.name, v.reason])).toEqual([
      ['Start', 'manual'],
      [`Workshop round ${round.code} revealed`, 'reveal'],
      [`Decided: ${decision.options[1].name}`, 'decided'],
    ]);
    expect(listed[0].changes).toEqual([`${decision.options.length} options, ${decision.criteria.length} criteria, ${decision.scores.filter((x) => x.value !== null).length} scores`]);
    expect(listed[1].changes).toEqual([`Options removed: “${decision.options[0].name}”`, 'Criteria added: “Licence”', '1 weight changed']);
    expect(listed[2].changes).toEqual([`Decided: “${decision.options[1].name}”`]);
  });

  it('open read-only as the decision was, and restore as one step that undo takes back', () => {
    const s = service();
    const start = s.seen();
    const [version] = s.call('saveVersion', { decisionId: s.decisionId, name: 'Start' });
    s.call('removeOption', { optionId: start.decision.options[0].id });
    s.call('setScore', { optionId: start.decision.options[1].id, criterionId: start.decision.criteria[0].id, value: 1, rationale: 'later' });
    s.call('updateCriterion', { criterionId: start.decision.criteria[2].id, name: 'Renamed' });
    s.call('setWeighting', { decisionId: s.decisionId, method: 'ahp', judgments: [{ more: start.decision.criteria[0].id, less: start.decision.criteria[1].id, ratio: 3 }] });
    const edited = s.seen();
    const opened = s.call('getVersion', { versionId: version.id });
    const { updatedAt, ...was } = opened.decision;
    void updatedAt;
    expect(was).toEqual(start.decision);
    expect(s.seen()).toEqual(edited);
    expect(s.call('restoreVersion', { versionId: version.id }).options).toEqual(start.decision.options);
    expect(s.seen()).toEqual(start);
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe('restore version “Start”');
    expect(s.seen()).toEqual(edited);
    s.call('redo', { decisionId: s.decisionId });
    expect(s.seen()).toEqual(start);
  });
});

describe('what a workshop said survives undo, redo and restore', () => {
  it('a criterion removed by an undo and brought back by a redo (or a version) keeps every participant’s weight for it, closed rounds included', () => {
    const s = service();
    s.call('addCriterion', { decisionId: s.decisionId, name: 'Licence' });
    const round = s.call('startRound', { decisionId: s.decisionId });
    const { criteria } = s.call('getDecision', { decisionId: s.decisionId });
    const licence = criteria.find((c) => c.name === 'Licence')!.id;
    for (const weight of [10, 90]) {
      const joined = rounds.join(s.db, { code: round.code, name: `P${weight}` });
      if (!joined.ok) throw new Error(joined.error.message);
      rounds.submit(s.db, joined.value.token, { weights: Object.fromEntries(criteria.map((c) => [String(c.id), c.id === licence ? weight : 20])) });
    }
    s.call('updateRound', { roundId: round.id, state: 'revealed' });
    s.call('updateRound', { roundId: round.id, state: 'closed' });
    const groupWeight = () => s.call('getRound', { roundId: round.id }).result?.weights.weights[licence];
    const kept = () => s.db.prepare('SELECT COUNT(*) FROM submissions WHERE criterion_id = ?').pluck().get(licence);
    const before = groupWeight();
    expect(before).toBeGreaterThan(0);

    // Undo takes the added criterion away: the weights given for it are kept, and the round's result,
    // kept at its reveal (0013), still says what it said then.
    s.call('undo', { decisionId: s.decisionId });
    expect(kept()).toBe(2);
    expect(groupWeight()).toBe(before);
    s.call('redo', { decisionId: s.decisionId });
    expect(kept()).toBe(2);
    expect(groupWeight()).toBe(before);

    // A version from before the criterion, restored and then undone: the same.
    const versionNamed = (name: string) => s.call('listVersions', { decisionId: s.decisionId }).find((v) => v.name === name)!.id;
    s.call('saveVersion', { decisionId: s.decisionId, name: 'With Licence' });
    const version = versionNamed('With Licence');
    s.call('removeCriterion', { criterionId: licence });
    expect(kept()).toBe(2);
    s.call('saveVersion', { decisionId: s.decisionId, name: 'Without' });
    const without = versionNamed('Without');
    s.call('restoreVersion', { versionId: version });
    expect(groupWeight()).toBe(before);
    s.call('restoreVersion', { versionId: without });
    expect(kept()).toBe(2);
    expect(s.call('undo', { decisionId: s.decisionId }).label).toBe('restore version “Without”');
    expect(kept()).toBe(2);
    // Computed again from the weights (as a round revealed before 0013 is), the criterion counts as before.
    s.db.prepare('UPDATE rounds SET result = NULL WHERE id = ?').run(round.id);
    expect(groupWeight()).toBeCloseTo(before!, 12);
  });
});
