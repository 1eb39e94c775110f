import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import { decisionRecordMarkdown } from '../core/markdown';
import { buildReport } from '../core/report';
import type { Result } from '../core/result';
import { recordRounds } from '../core/round-record';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';
import { addedDecision, asText } from './test/added-decision';

/** A round's record over the store: a past round says what it said at its reveal, whatever is edited after it; anonymous people keep their numbers. */
const folder = temporaryFolder();

// Research-minded weights put PyTorch first, production-minded ones TensorFlow (the seeded decision).
const RESEARCH = [30, 30, 10, 5, 15, 10];
const PRODUCTION = [5, 5, 20, 35, 15, 20];

function service() {
  const db = openDecisionStore(join(folder(), 'store.sqlite'));
  const dispatch = createDispatch(createHandlers(db));
  const call = <K extends MethodName>(name: K, input: MethodInput<K>): MethodOutput<K> => {
    const result = dispatch(name, input) as Result<unknown>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<K>;
  };
  const decision = call('getDecision', { decisionId: call('listDecisions', {})[0].id });
  const ids = decision.criteria.map((c) => c.id);
  /** A revealed round: Ana and Cy weigh for production, Bo for research. */
  const revealed = () => {
    const round = call('startRound', { decisionId: decision.id, weighing: 'points' });
    for (const [name, weights] of [['Ana', PRODUCTION], ['Bo', RESEARCH], ['Cy', PRODUCTION]] as const) {
      const joined = rounds.join(db, { code: round.code, name });
      if (!joined.ok) throw new Error(joined.error.message);
      const sent = rounds.submit(db, joined.value.token, { weights: Object.fromEntries(ids.map((id, i) => [String(id), weights[i]])) });
      if (!sent.ok) throw new Error(sent.error.message);
    }
    return call('updateRound', { roundId: round.id, state: 'revealed' });
  };
  const record = (decisionId = decision.id) => recordRounds(call('getDecision', { decisionId }), call('listRounds', { decisionId }))[0];
  return { db, call, dispatch, decision, revealed, record };
}

describe('a round’s result is kept at its reveal', () => {
  it('a score edited after the reveal changes neither who preferred what nor the group’s first, in the history, the Markdown record and the JSON export', async () => {
    const { call, decision, revealed, record, dispatch } = service();
    const round = revealed();
    const before = record();
    expect(before.result!.choicesInWords).toBe('2 of 3 preferred TensorFlow, the group’s first choice; 1 preferred PyTorch.');
    expect(round.asRevealed?.options.map((o) => o.name)).toEqual(decision.options.map((o) => o.name));

    // After the round, TensorFlow gets the worst score everywhere and PyTorch the best: today, everyone would prefer PyTorch.
    const [pytorch, tensorflow] = ['PyTorch', 'TensorFlow'].map((name) => decision.options.find((o) => o.name === name)!);
    for (const c of decision.criteria) {
      const [best, worst] = c.direction === 'benefit' ? [c.scale.max, c.scale.min] : [c.scale.min, c.scale.max];
      call('setScore', { optionId: pytorch.id, criterionId: c.id, value: best });
      call('setScore', { optionId: tensorflow.id, criterionId: c.id, value: worst });
    }
    call('updateOption', { optionId: tensorflow.id, name: 'TF (renamed later)' });
    call('updateRound', { roundId: round.id, state: 'closed' });

    const after = record();
    expect(after.result).toEqual(before.result);
    expect(after.result!.groupFirst).toBe('TensorFlow');
    const markdown = decisionRecordMarkdown(unwrapReport(call, decision.id), new Date('2026-12-02T12:00:00Z'));
    expect(markdown).toContain('2 of 3 preferred TensorFlow, the group’s first choice; 1 preferred PyTorch.');

    // The JSON export carries the kept result, and an import shows the round as it was revealed.
    const exported = call('exportDecision', { decisionId: decision.id });
    expect(exported.decision.rounds![0].result).toMatchObject({ version: 1, options: [{ name: 'PyTorch' }, { name: 'TensorFlow' }] });
    const imported = (await addedDecision(dispatch, 'importDecision', asText(exported)));
    expect(record(imported.id).result).toEqual({ ...before.result, criteria: before.result!.criteria.map((c, i) => ({ ...c, id: imported.criteria[i].id })), people: expect.any(Array) });
    expect(record(imported.id).result!.choicesInWords).toBe(before.result!.choicesInWords);
    expect(record(imported.id).result!.people.map((p) => [p.label, p.firstChoice])).toEqual([['Ana', 'TensorFlow'], ['Bo', 'PyTorch'], ['Cy', 'TensorFlow']]);
  });

  it('a round revealed before results were kept is computed from today’s decision, as before', () => {
    const { db, call, decision, revealed, record } = service();
    const round = revealed();
    db.prepare('UPDATE rounds SET result = NULL WHERE id = ?').run(round.id);
    expect(call('getRound', { roundId: round.id }).asRevealed).toBeNull();
    expect(record().result!.groupFirst).toBe('TensorFlow');
    const tensorflow = decision.options.find((o) => o.name === 'TensorFlow')!;
    call('updateOption', { optionId: tensorflow.id, name: 'TF' });
    expect(record().result!.groupFirst).toBe('TF');
  });

  it('removing someone after the reveal keeps the result again, without their weights', () => {
    const { call, revealed, record } = service();
    const round = revealed();
    const bo = round.participants.find((p) => p.name === 'Bo')!;
    call('removeParticipant', { roundId: round.id, participantId: bo.id });
    expect(record().result!.choicesInWords).toBe('2 of 2 preferred TensorFlow, the group’s first choice.');
  });
});

describe('anonymous rounds', () => {
  it('each person keeps the number they joined with: removing Participant 1 leaves Participants 2 and 3, in the panel, the record and an import', async () => {
    const { db, call, decision, dispatch } = service();
    const ids = decision.criteria.map((c) => c.id);
    const round = call('startRound', { decisionId: decision.id, anonymous: true, rule: 'mean' });
    for (let i = 0; i < 3; i++) {
      const joined = rounds.join(db, { code: round.code });
      if (!joined.ok) throw new Error(joined.error.message);
      rounds.submit(db, joined.value.token, { weights: Object.fromEntries(ids.map((id, k) => [String(id), k === i ? 50 : 10])) });
    }
    const first = call('getRound', { roundId: round.id }).participants[0];
    call('removeParticipant', { roundId: round.id, participantId: first.id });
    const view = call('getRound', { roundId: round.id });
    expect(view.participants.map((p) => p.number)).toEqual([2, 3]);
    const labels = (decisionId: number) => recordRounds(call('getDecision', { decisionId }), call('listRounds', { decisionId }))[0].result;
    call('updateRound', { roundId: round.id, state: 'revealed' });
    expect(labels(decision.id)!.people.map((p) => p.label)).toEqual(['Participant 2', 'Participant 3']);
    // Someone joining after a removal gets the next number, not the freed one.
    const later = call('startRound', { decisionId: decision.id, anonymous: true });
    const a = rounds.join(db, { code: later.code });
    const b = rounds.join(db, { code: later.code });
    if (!a.ok || !b.ok) throw new Error('join refused');
    call('removeParticipant', { roundId: later.id, participantId: call('getRound', { roundId: later.id }).participants[1].id });
    rounds.join(db, { code: later.code });
    expect(call('getRound', { roundId: later.id }).participants.map((p) => p.number)).toEqual([1, 3]);
    call('updateRound', { roundId: later.id, state: 'closed' });

    const imported = (await addedDecision(dispatch, 'importDecision', asText(call('exportDecision', { decisionId: decision.id }))));
    const back = call('listRounds', { decisionId: imported.id });
    expect(back.map((r) => r.participants.map((p) => p.number))).toEqual([[1, 3], [2, 3]]);
    expect(recordRounds(imported, back).find((r) => r.number === 1)!.result!.people.map((p) => p.label)).toEqual(['Participant 2', 'Participant 3']);
  });
});

function unwrapReport(call: ReturnType<typeof service>['call'], decisionId: number) {
  const report = buildReport(call('getDecision', { decisionId }), call('listRounds', { decisionId }));
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
}
