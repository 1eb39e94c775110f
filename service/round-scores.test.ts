import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../core/contract';
import type { Result } from '../core/result';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch, type DispatchAnswer } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';

/** Participants score too: a round that asks for scores on some criteria, through the service as the facilitator and the phones use it. */
const folder = temporaryFolder();

function now(answer: DispatchAnswer): Result<unknown> {
  if (answer instanceof Promise) throw new Error('this method answers later: await it');
  return answer;
}

function service() {
  const db = openDecisionStore(joinPath(folder(), 'store.sqlite'));
  const dispatch = (name: MethodName, input: unknown) => now(createDispatch(createHandlers(db))(name, input));
  const call = <K extends MethodName>(name: K, input: MethodInput<K>): MethodOutput<K> => {
    const result = dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value as MethodOutput<K>;
  };
  const decision = call('getDecision', { decisionId: call('listDecisions', {})[0].id });
  const [pytorch, tensorflow] = decision.options;
  // The seeded decision's criteria are scored from 1 to 5.
  const [first, second] = decision.criteria;
  const join = (code: string, name: string) => {
    const joined = rounds.join(db, { code, name });
    if (!joined.ok) throw new Error(joined.error.message);
    return joined.value.token;
  };
  const weights = Object.fromEntries(decision.criteria.map((c) => [String(c.id), 10]));
  return { db, dispatch, call, decision, pytorch, tensorflow, first, second, join, weights };
}

type Service = ReturnType<typeof service>;

/** A round asking for scores on the first two criteria, three people scoring PyTorch on the first (1, 4, 5) and one TensorFlow. */
function scoredRound(s: Service, options: { anonymous?: boolean; scoreRule?: 'mean' | 'median' } = {}) {
  const round = s.call('startRound', { decisionId: s.decision.id, scoreCriteria: [s.second.id, s.first.id], ...options });
  const tokens = ['Ana', 'Bo', 'Cy'].map((name) => s.join(round.code, name));
  const given: [number, string][] = [
    [1, 'Tried it: slow'],
    [4, ''],
    [5, 'Fast enough'],
  ];
  given.forEach(([value, reason], i) => {
    const scores = { [s.first.id]: { [s.pytorch.id]: { value, reason }, ...(i === 0 ? { [s.tensorflow.id]: { value: 3 } } : {}) } };
    expect(rounds.submit(s.db, tokens[i], { weights: s.weights, scores })).toEqual({ ok: true, value: { submitted: true } });
  });
  return { round, tokens };
}

describe('a round where people score the options too', () => {
  it('shows each phone the criteria to score with their scales and the options, and only its own scores', () => {
    const s = service();
    const { tokens } = scoredRound(s);
    const view = rounds.participantView(s.db, tokens[0]);
    if (!view.ok) throw new Error(view.error.message);
    // In the decision's order, whatever order the facilitator picked them in.
    expect(view.value.scoreCriteria).toEqual([s.first.id, s.second.id]);
    expect(view.value.options.map((o) => o.name)).toEqual(s.decision.options.map((o) => o.name));
    expect(view.value.criteria[0]).toMatchObject({ min: s.first.scale.min, max: s.first.scale.max, minLabel: s.first.scale.minLabel });
    expect(view.value.myScores).toEqual({ [s.first.id]: { [s.pytorch.id]: { value: 1, reason: 'Tried it: slow' }, [s.tensorflow.id]: { value: 3, reason: '' } } });
    // Bo's phone holds Bo's score and nobody else's.
    const bo = rounds.participantView(s.db, tokens[1]);
    expect(bo.ok && bo.value.myScores).toEqual({ [s.first.id]: { [s.pytorch.id]: { value: 4, reason: '' } } });
    expect(JSON.stringify(bo)).not.toContain('Tried it');
  });

  it('keeps the scores hidden until the reveal, then gives each cell the median of who scored it, its spread, and the disputed cells', () => {
    const s = service();
    const { round } = scoredRound(s);
    const open = s.call('getRound', { roundId: round.id });
    expect(open.scores).toBeNull();
    expect(JSON.stringify(open)).not.toContain('Tried it');
    const revealed = s.call('updateRound', { roundId: round.id, state: 'revealed' });
    expect(revealed.scoreRule).toBe('median');
    expect(revealed.scores?.cells.map((c) => [c.optionId, c.criterionId, c.value, c.count])).toEqual([
      [s.pytorch.id, s.first.id, 4, 3],
      [s.tensorflow.id, s.first.id, 3, 1],
    ]);
    expect(revealed.scores?.cells[0].standardDeviation).toBeCloseTo(Math.sqrt(26 / 9), 12);
    expect(revealed.scores?.cells[0].scores.map((p) => p.reason)).toEqual(['Tried it: slow', '', 'Fast enough']);
    expect(revealed.scores?.disputed).toEqual([{ optionId: s.pytorch.id, criterionId: s.first.id }]);
  });

  it('shows the phones the group score of each cell and how many scored it once the result is shared, never who said what', () => {
    const s = service();
    const { round, tokens } = scoredRound(s, { anonymous: true });
    s.call('updateRound', { roundId: round.id, state: 'revealed' });
    const phone = () => {
      const view = rounds.participantView(s.db, tokens[1]);
      if (!view.ok) throw new Error(view.error.message);
      return view.value;
    };
    expect(phone().groupScores).toBeNull();
    s.call('updateRound', { roundId: round.id, shareResult: true });
    expect(phone().groupScores).toEqual([
      { optionId: s.pytorch.id, criterionId: s.first.id, value: 4, count: 3 },
      { optionId: s.tensorflow.id, criterionId: s.first.id, value: 3, count: 1 },
    ]);
    expect(JSON.stringify(phone())).not.toContain('Tried it');
    // An option removed since the reveal has no name on the phone: its cell is left out.
    s.call('removeOption', { optionId: s.tensorflow.id });
    expect(phone().groupScores?.map((c) => c.optionId)).toEqual([s.pytorch.id]);
  });

  it('combines by the mean when the round was started so', () => {
    const s = service();
    const { round } = scoredRound(s, { scoreRule: 'mean' });
    expect(s.call('updateRound', { roundId: round.id, state: 'revealed' }).scores?.cells[0].value).toBeCloseTo(10 / 3, 12);
  });

  it('a removed person’s scores stop counting; a new submission replaces the earlier scores', () => {
    const s = service();
    const { round, tokens } = scoredRound(s);
    const ana = s.call('getRound', { roundId: round.id }).participants[0].id;
    s.call('removeParticipant', { roundId: round.id, participantId: ana });
    // Cy sends again, with no score for PyTorch: that cell now counts Bo alone.
    expect(rounds.submit(s.db, tokens[2], { weights: s.weights })).toMatchObject({ ok: true });
    const cells = s.call('updateRound', { roundId: round.id, state: 'revealed' }).scores?.cells;
    expect(cells?.map((c) => [c.optionId, c.value, c.count])).toEqual([[s.pytorch.id, 4, 1]]);
  });

  it('refuses, in words and changing nothing, a score off the scale, for a criterion not asked, for an unknown option, or in a weights-only round', () => {
    const s = service();
    const { round, tokens } = scoredRound(s);
    const attempt = (scores: unknown, token = tokens[1]) => rounds.submit(s.db, token, { weights: s.weights, scores });
    expect(attempt({ [s.first.id]: { [s.pytorch.id]: { value: 6 } } })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: `Your score for “${s.pytorch.name}” on “${s.first.name}” must be from 1 to 5 (it is 6).` },
    });
    expect(attempt({ [s.decision.criteria[2].id]: { [s.pytorch.id]: { value: 3 } } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('does not ask you to score') } });
    expect(attempt({ [s.first.id]: { 987654: { value: 3 } } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('option this decision no longer has') } });
    for (const odd of [{ ['0' + s.first.id]: {} }, JSON.parse(`{"__proto__": {"${s.pytorch.id}": {"value": 3}}}`), { [s.first.id]: { [s.pytorch.id]: { value: 3, colour: 'red' } } }, { [s.first.id]: { [s.pytorch.id]: 3 } }]) {
      expect(attempt(odd)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const bo = rounds.participantView(s.db, tokens[1]);
    expect(bo.ok && bo.value.myScores).toEqual({ [s.first.id]: { [s.pytorch.id]: { value: 4, reason: '' } } });
    s.call('updateRound', { roundId: round.id, state: 'closed' });

    const weightsOnly = s.call('startRound', { decisionId: s.decision.id });
    const token = s.join(weightsOnly.code, 'Di');
    expect(attempt({ [s.first.id]: { [s.pytorch.id]: { value: 3 } } }, token)).toMatchObject({ ok: false, error: { message: 'This round asks for weights only, not scores: reload the page.' } });
    // Weights alone, or an empty set of scores, are what such a phone sends.
    expect(attempt({}, token)).toMatchObject({ ok: true });
  });

  it('refuses to start a round scoring a criterion of another decision', () => {
    const s = service();
    const other = s.call('addCriterion', { decisionId: s.call('createDecision', { title: 'Other' }).id, name: 'Elsewhere' });
    const refused = s.dispatch('startRound', { decisionId: s.decision.id, scoreCriteria: [other.criteria[0].id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not in this decision') } });
    expect(s.call('listRounds', { decisionId: s.decision.id })).toEqual([]);
  });
});

describe('applying the group scores', () => {
  it('puts every scored cell’s group score into the matrix as one step that undo takes back and redo does again, with the round’s “applied” line; the rationales stay', () => {
    const s = service();
    const { round } = scoredRound(s);
    const cell = (decision: { scores: { optionId: number; criterionId: number; value: number | null; rationale: string }[] }, optionId: number) =>
      decision.scores.find((c) => c.optionId === optionId && c.criterionId === s.first.id);
    expect(s.dispatch('applyGroupScores', { roundId: round.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Reveal the round before applying its scores.' } });
    s.call('updateRound', { roundId: round.id, state: 'revealed' });
    const before = s.call('getDecision', { decisionId: s.decision.id });
    const applied = s.call('applyGroupScores', { roundId: round.id });
    expect(cell(applied, s.pytorch.id)).toMatchObject({ value: 4, rationale: cell(before, s.pytorch.id)!.rationale });
    expect(cell(applied, s.tensorflow.id)?.value).toBe(3);
    // Cells nobody scored keep their values.
    expect(applied.scores.filter((c) => c.criterionId !== s.first.id)).toEqual(before.scores.filter((c) => c.criterionId !== s.first.id));
    expect(s.call('getRound', { roundId: round.id }).outcomes.map((o) => o.kind)).toEqual(['scores-applied']);

    const undone = s.call('undo', { decisionId: s.decision.id });
    expect(undone.label).toBe(`apply the group’s scores from round ${round.code}`);
    expect(undone.decision.scores).toEqual(before.scores);
    // What became of the round goes with the step it was part of.
    expect(s.call('getRound', { roundId: round.id }).outcomes).toEqual([]);
    expect(s.call('redo', { decisionId: s.decision.id }).decision.scores).toEqual(applied.scores);
    expect(s.call('getRound', { roundId: round.id }).outcomes.map((o) => o.kind)).toEqual(['scores-applied']);
  });

  it('is refused for a round of weights only, and for one nobody scored in', () => {
    const s = service();
    const weightsOnly = s.call('startRound', { decisionId: s.decision.id });
    s.call('updateRound', { roundId: weightsOnly.id, state: 'revealed' });
    expect(s.dispatch('applyGroupScores', { roundId: weightsOnly.id })).toMatchObject({ ok: false, error: { message: 'This round asked for weights only: it has no group scores to apply.' } });
    s.call('updateRound', { roundId: weightsOnly.id, state: 'closed' });
    const unscored = s.call('startRound', { decisionId: s.decision.id, scoreCriteria: [s.first.id] });
    s.call('updateRound', { roundId: unscored.id, state: 'revealed' });
    expect(s.dispatch('applyGroupScores', { roundId: unscored.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Nobody has scored') } });
    expect(s.call('historyState', { decisionId: s.decision.id }).undo).toBeNull();
  });
});

describe('what people scored outlives a removed option or criterion', () => {
  it('an option removed and brought back by undo finds its scores again; meanwhile its cells leave the group scores', () => {
    const s = service();
    const { round } = scoredRound(s);
    s.call('updateRound', { roundId: round.id, state: 'revealed' });
    const cells = () => s.call('getRound', { roundId: round.id }).scores?.cells.map((c) => [c.optionId, c.value]);
    expect(cells()).toEqual([
      [s.pytorch.id, 4],
      [s.tensorflow.id, 3],
    ]);
    s.call('removeOption', { optionId: s.pytorch.id });
    expect(cells()).toEqual([[s.tensorflow.id, 3]]);
    s.call('undo', { decisionId: s.decision.id });
    expect(cells()).toEqual([
      [s.pytorch.id, 4],
      [s.tensorflow.id, 3],
    ]);
    s.call('removeCriterion', { criterionId: s.first.id });
    expect(s.call('getRound', { roundId: round.id }).scoreCriteria).toEqual([s.second.id]);
    s.call('undo', { decisionId: s.decision.id });
    expect(s.call('getRound', { roundId: round.id }).scoreCriteria).toEqual([s.first.id, s.second.id]);
    expect(cells()).toHaveLength(2);
  });

  it('a score the criterion’s new scale no longer holds is left out of the group', () => {
    const s = service();
    const { round } = scoredRound(s);
    s.call('updateRound', { roundId: round.id, state: 'revealed' });
    // The matrix's own scores for this criterion are 1–5 too; a 1–4 scale may strand them, so clear the 5s first.
    const decision = s.call('getDecision', { decisionId: s.decision.id });
    for (const cell of decision.scores.filter((c) => c.criterionId === s.first.id && c.value === 5)) s.call('setScore', { optionId: cell.optionId, criterionId: s.first.id, value: 4 });
    s.call('updateCriterion', { criterionId: s.first.id, scale: { min: 1, max: 4, minLabel: '', maxLabel: '' } });
    const cell = s.call('getRound', { roundId: round.id }).scores?.cells.find((c) => c.optionId === s.pytorch.id);
    // Cy's 5 is off the 1–4 scale: the median of 1 and 4.
    expect(cell).toMatchObject({ count: 2, value: 2.5 });
  });
});
