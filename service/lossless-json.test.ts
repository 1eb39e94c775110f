import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import type { DecisionDocument, DecisionDocumentInput } from '../core/interchange';
import type { Result } from '../core/result';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';
import { addedDecision, asText } from './test/added-decision';

/** A decision exported and imported elsewhere is the same decision: weighting inputs, scenarios and rounds included. */
const folder = temporaryFolder();

function service() {
  const db = openDecisionStore(join(folder(), 'store.sqlite'));
  const dispatch = createDispatch(createHandlers(db));
  const call = <K extends MethodName>(name: K, input: MethodInput<K>): MethodOutput<K> => {
    const result = dispatch(name, input) as Result<unknown>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<K>;
  };
  return { db, call, dispatch };
}

/** The file with its ids renamed by position, and row-dependent times left out: what must survive. */
function normalised(document: DecisionDocument): unknown {
  const text = JSON.stringify(document);
  const ids = [...new Set(text.match(/"[oc]\d+"/g) ?? [])];
  const renamed = ids.reduce((t, id, i) => t.replaceAll(id, `"k${i}"`), text);
  return JSON.parse(renamed, (key, value) => (key === 'createdAt' ? undefined : value));
}

describe('the JSON export carries everything', () => {
  it('every method’s inputs, the scenarios and the rounds come back after export → import', async () => {
    const { db, call, dispatch } = service();
    const decision = call('getDecision', { decisionId: call('listDecisions', {})[0].id });
    const ids = decision.criteria.map((c) => c.id);
    const [pytorch, tensorflow] = decision.options.map((o) => o.id);
    const round = call('startRound', { decisionId: decision.id, weighing: 'points', scoreCriteria: [ids[0], ids[2]], scoreRule: 'mean' });
    for (const [name, weights, score] of [['Ana', [10, 20, 30, 10, 20, 10], 2], ['Bo', [40, 10, 10, 10, 20, 10], 5]] as const) {
      const joined = rounds.join(db, { code: round.code, name });
      if (!joined.ok) throw new Error(joined.error.message);
      const scores = { [ids[0]]: { [pytorch]: { value: score, reason: `${name}: “why” <b>` }, [tensorflow]: { value: 3 } } };
      expect(rounds.submit(db, joined.value.token, { weights: Object.fromEntries(ids.map((id, i) => [String(id), weights[i]])), scores })).toMatchObject({ ok: true });
    }
    rounds.join(db, { code: round.code, name: 'Cy (never sent)' });
    call('updateRound', { roundId: round.id, state: 'revealed' });
    call('keepGroupWeights', { roundId: round.id, name: 'After the workshop' });
    call('applyGroupWeights', { roundId: round.id });
    call('applyGroupScores', { roundId: round.id });
    const closed = call('startRound', { decisionId: decision.id, anonymous: true, rule: 'median' });
    const someone = rounds.join(db, { code: closed.code, name: 'ignored' });
    if (!someone.ok) throw new Error(someone.error.message);
    rounds.submit(db, someone.value.token, { weights: Object.fromEntries(ids.map((id) => [String(id), 5])) });
    call('updateRound', { roundId: closed.id, state: 'closed' });
    // The group weights applied switched the method to sliders; the other methods' inputs come after.
    call('setWeighting', { decisionId: decision.id, rule: 'rank-sum', order: [ids[3], [ids[0], ids[1]], ids[2], ids[4], ids[5]] });
    call('setWeighting', { decisionId: decision.id, points: ids.map((criterionId, i) => ({ criterionId, points: [30, 20, 10, 20, 10, 10][i] })) });
    call('setWeighting', { decisionId: decision.id, method: 'ahp', judgments: [{ more: ids[0], less: ids[1], ratio: 3 }, { more: ids[1], less: ids[2], ratio: 2 }, { more: ids[2], less: ids[3], ratio: 5 }, { more: ids[3], less: ids[4], ratio: 1 }, { more: ids[4], less: ids[5], ratio: 4 }] });

    const first = call('exportDecision', { decisionId: decision.id });
    expect(first.decision.weighting).toMatchObject({ method: 'ahp' });
    expect(first.decision.saved).toMatchObject({ sliders: expect.any(Object), points: expect.any(Object), rank: { rule: 'rank-sum' } });
    expect(first.decision.scenarios?.map((s) => s.name)).toEqual(['Research and prototyping', 'Large-scale production', 'After the workshop']);
    expect(first.decision.rounds?.[0]).toMatchObject({
      state: 'revealed',
      weighing: 'points',
      closedAt: null,
      outcomes: [
        { kind: 'scenario', scenarioName: 'After the workshop', at: expect.any(String) },
        { kind: 'applied', scenarioName: '', at: expect.any(String) },
        { kind: 'scores-applied', scenarioName: '', at: expect.any(String) },
      ],
      scoreRule: 'mean',
      scoreCriteria: [`c${ids[0]}`, `c${ids[2]}`],
      participants: [
        { name: 'Ana', scores: [{ option: `o${pytorch}`, criterion: `c${ids[0]}`, value: 2, reason: 'Ana: “why” <b>' }, { option: `o${tensorflow}`, criterion: `c${ids[0]}`, value: 3, reason: '' }] },
        { name: 'Bo', scores: [{ option: `o${pytorch}`, criterion: `c${ids[0]}`, value: 5, reason: 'Bo: “why” <b>' }, expect.anything()] },
        { name: 'Cy (never sent)', weights: null, scores: [] },
      ],
    });
    expect(first.decision.rounds?.[1]).toMatchObject({ scoreCriteria: [], participants: [{ scores: [] }] });
    expect(first.decision.rounds?.[1]).toMatchObject({ state: 'closed', anonymous: true, rule: 'median', closedAt: expect.any(String), outcomes: [], participants: [{ name: '' }] });

    const imported = (await addedDecision(dispatch, 'importDecision', asText(first)));
    const second = call('exportDecision', { decisionId: imported.id });
    // Imported rounds are history: closed (a round still revealed closes at the import); everything else is as it was.
    const closedAt = second.decision.rounds![0].closedAt;
    expect(closedAt).toEqual(expect.any(String));
    expect(second.decision.rounds![1].closedAt).toBe(first.decision.rounds![1].closedAt);
    expect(normalised(second)).toEqual(normalised({ ...first, decision: { ...first.decision, rounds: first.decision.rounds!.map((r) => ({ ...r, state: 'closed', closedAt: r.closedAt ?? closedAt })) } }));
    expect(imported.weighting.order.length).toBe(5);
    expect(imported.criteria.map((c) => c.weight)).toEqual(call('getDecision', { decisionId: decision.id }).criteria.map((c) => c.weight));
    // Newest first, as the app lists them; each keeps its result and what became of it.
    const history = call('listRounds', { decisionId: imported.id });
    expect(history[1]).toMatchObject({ state: 'closed', joinUrl: null, result: expect.anything(), outcomes: first.decision.rounds![0].outcomes });
    expect(history[0]).toMatchObject({ anonymous: true, participants: [{ name: '', submitted: true }], result: expect.anything(), scores: null });
    // The group scores are computed again from the people's scores: the mean of 2 and 5.
    expect(history[1].scores?.cells.map((c) => [c.count, c.value])).toEqual([
      [2, 3.5],
      [2, 3],
    ]);
  });

  it('a file without the scoring fields is a round of weights only; scores off their scale or for a criterion the round did not score are refused', async () => {
    const { call, dispatch } = service();
    const base = call('exportDecision', { decisionId: call('listDecisions', {})[0].id });
    const [c1, c2] = base.decision.criteria.map((c) => c.id);
    const o1 = base.decision.options[0].id;
    const roundWith = (extra: object, scores: unknown[]) =>
      ({ ...base, decision: { ...base.decision, rounds: [{ state: 'closed', ...extra, participants: [{ name: 'Ana', weights: { [c1]: 1 }, scores }] }] } }) as DecisionDocumentInput;
    const old = (await addedDecision(dispatch, 'importDecision', asText(roundWith({}, []))));
    expect(call('listRounds', { decisionId: old.id })[0]).toMatchObject({ scoreRule: 'median', scoreCriteria: [], scores: null });
    const other = createDispatch(createHandlers(openDecisionStore(join(folder(), 'other.sqlite'))));
    const refused = (document: DecisionDocumentInput) => other('importDecision', asText(document));
    expect(await refused(roundWith({ scoreCriteria: [c1] }, [{ option: o1, criterion: c1, value: 9 }]))).toMatchObject({ ok: false, error: { message: expect.stringContaining(`9 is outside the scale 1–5 of criterion "${c1}"`) } });
    expect(await refused(roundWith({ scoreCriteria: [c1] }, [{ option: o1, criterion: c2, value: 3 }]))).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not one this round scored') } });
    expect(await refused(roundWith({ scoreCriteria: [c1] }, [{ option: 'nope', criterion: c1, value: 3 }]))).toMatchObject({ ok: false, error: { message: expect.stringContaining('no option has the id "nope"') } });
    expect(await refused(roundWith({ scoreCriteria: ['nope'] }, []))).toMatchObject({ ok: false, error: { message: expect.stringContaining('no criterion has the id "nope"') } });
  });

  it('a removed participant stays in the file with their weights and comes back removed: their weights still do not count', async () => {
    const { db, call, dispatch } = service();
    const decision = call('getDecision', { decisionId: call('listDecisions', {})[0].id });
    const ids = decision.criteria.map((c) => c.id);
    const round = call('startRound', { decisionId: decision.id, rule: 'mean' });
    const people = (['Ana', 'Bo', 'Cy'] as const).map((name, i) => {
      const joined = rounds.join(db, { code: round.code, name });
      if (!joined.ok) throw new Error(joined.error.message);
      rounds.submit(db, joined.value.token, { weights: Object.fromEntries(ids.map((id, k) => [String(id), k === i ? 50 : 10])) });
      return name;
    });
    const id = (name: string) => call('getRound', { roundId: round.id }).participants.find((p) => p.name === name)!.id;
    // Bo leaves before the reveal, Cy after it: neither counts in the result.
    call('removeParticipant', { roundId: round.id, participantId: id('Bo') });
    call('updateRound', { roundId: round.id, state: 'revealed' });
    call('removeParticipant', { roundId: round.id, participantId: id('Cy') });
    call('updateRound', { roundId: round.id, state: 'closed' });
    const result = call('getRound', { roundId: round.id }).result!;

    const exported = call('exportDecision', { decisionId: decision.id });
    const file = exported.decision.rounds![0];
    expect(file.participants.map((p) => [p.name, p.removedAt !== null, p.weights !== null])).toEqual(people.map((name) => [name, name !== 'Ana', true]));
    const imported = (await addedDecision(dispatch, 'importDecision', asText(exported)));
    const back = call('listRounds', { decisionId: imported.id })[0];
    expect(back.participants.map((p) => p.name)).toEqual(['Ana']);
    expect(Object.keys(back.result!.participants)).toHaveLength(1);
    expect(Object.values(back.result!.weights.weights)).toEqual(Object.values(result.weights.weights));
    // Computed again from the weights (as without a kept result), the removed still do not count.
    db.prepare('UPDATE rounds SET result = NULL WHERE id = ?').run(back.id);
    expect(Object.values(call('getRound', { roundId: back.id }).result!.weights.weights)).toEqual(Object.values(result.weights.weights));
    const again = call('exportDecision', { decisionId: imported.id }).decision.rounds![0];
    expect(again.participants).toEqual(file.participants.map((p) => ({ ...p, weights: expect.any(Object) })));
  });

  it('property: generated scenarios and rounds survive export → import → export unchanged', async () => {
    const { call, dispatch } = service();
    const decision = call('getDecision', { decisionId: call('listDecisions', {})[0].id });
    const base = call('exportDecision', { decisionId: decision.id });
    const keys = base.decision.criteria.map((c) => c.id);
    const weights = fc.tuple(...keys.map(() => fc.integer({ min: 0, max: 100 }))).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
    const scenario = fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), weights });
    const round = fc.record({
      state: fc.constant('closed' as const),
      anonymous: fc.boolean(),
      rule: fc.constantFrom('mean' as const, 'median' as const, 'geometric-mean' as const),
      weighing: fc.constantFrom('sliders' as const, 'points' as const, 'rank' as const),
      closedAt: fc.constantFrom(null, '2026-11-30T10:00:00.000Z'),
      outcomes: fc.array(
        fc.record({ kind: fc.constantFrom('applied' as const, 'scenario' as const), scenarioName: fc.string({ maxLength: 12 }), at: fc.constant('2026-11-30T09:55:00.000Z') }),
        { maxLength: 2 },
      ),
      participants: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), weights: fc.option(weights, { nil: null }) }), { maxLength: 4 }),
    });
    // Rounds where people scored too: each cell on its scale (the seeded criteria score 1–5), with a reason.
    const options = base.decision.options.map((o) => o.id);
    const scored = fc.record({
      state: fc.constant('closed' as const),
      scoreRule: fc.constantFrom('mean' as const, 'median' as const),
      scoreCriteria: fc.constant(keys.slice(0, 2)),
      participants: fc.array(
        fc.record({
          name: fc.string({ maxLength: 12 }),
          weights,
          scores: fc.uniqueArray(
            fc.record({ option: fc.constantFrom(...options), criterion: fc.constantFrom(...keys.slice(0, 2)), value: fc.integer({ min: 1, max: 5 }), reason: fc.string({ maxLength: 20 }) }),
            { selector: (s) => `${s.option} ${s.criterion}`, maxLength: 4 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.asyncProperty(fc.array(scenario, { maxLength: 3 }), fc.array(fc.oneof(round, scored), { maxLength: 3 }), async (scenarios, generated) => {
        const document = { ...base, decision: { ...base.decision, scenarios, rounds: generated } } as DecisionDocumentInput;
        const once = call('exportDecision', { decisionId: (await addedDecision(dispatch, 'importDecision', asText(document))).id });
        const twice = call('exportDecision', { decisionId: (await addedDecision(dispatch, 'importDecision', asText(once))).id });
        expect(normalised(twice)).toEqual(normalised(once));
        expect(once.decision.scenarios ?? []).toHaveLength(scenarios.length);
        expect((once.decision.rounds ?? []).map((r) => r.participants.length)).toEqual(generated.map((r) => r.participants.length));
        expect((once.decision.rounds ?? []).map((r) => r.outcomes)).toEqual(generated.map((r) => ('outcomes' in r ? r.outcomes : [])));
        expect((once.decision.rounds ?? []).map((r) => r.participants.map((p) => p.scores.length))).toEqual(
          generated.map((r) => r.participants.map((p) => ('scores' in p ? p.scores.length : 0))),
        );
        // An anonymous round keeps no name, even one the file gives it.
        expect((once.decision.rounds ?? []).filter((r) => r.anonymous).flatMap((r) => r.participants.map((p) => p.name)).every((name) => name === '')).toBe(true);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });
});
