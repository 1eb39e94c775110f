import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkshopRound } from '../../../core/contract';
import { ok } from '../../../core/result';
import { DecisionEditor } from './decision-editor.svelte';
import { DEPLOYMENT, FakeHost, settle } from './test/fake-client';
import { WorkshopState, type Subscribe } from './workshop.svelte';

let host: FakeHost;
let editor: DecisionEditor;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2024-05-01T10:00:00Z'));
  host = new FakeHost();
  editor = new DecisionEditor(host.client, host.decision);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A live-events source the test can fire, as the browser host's event stream. */
function fakeEvents() {
  const listeners = new Map<string, Set<() => void>>();
  const subscribe: Subscribe = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)!.delete(listener);
  };
  return { subscribe, fire: (event: string) => listeners.get(event)?.forEach((l) => l()), count: (event: string) => listeners.get(event)?.size ?? 0 };
}

const join = (round: WorkshopRound, name: string, submitted: boolean) => {
  host.rounds = host.rounds.map((r) => (r.id === round.id ? { ...r, participants: [...r.participants, { id: r.participants.length + 1, number: r.participants.length + 1, name, submitted }] } : r));
};

describe('the facilitator’s workshop round', () => {
  it('starts a round with the chosen settings and counts down its time', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    workshop.anonymous = true;
    workshop.rule = 'median';
    workshop.minutes = 2;
    workshop.weighing = 'points';
    // People score the options on one criterion; one ticked and then removed from the decision is not sent.
    const scored = editor.decision.criteria[0].id;
    workshop.toggleScored(scored, true);
    workshop.toggleScored(987_654, true);
    workshop.toggleScored(scored, true);
    workshop.scoreRule = 'mean';
    await workshop.start();

    expect(host.callsTo('startRound')).toEqual([
      { decisionId: editor.id, name: '', anonymous: true, rule: 'median', weighing: 'points', scoreCriteria: [scored], scoreRule: 'mean', minutes: 2 },
    ]);
    expect(workshop.round?.state).toBe('open');
    expect(workshop.secondsLeft).toBe(120);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(workshop.secondsLeft).toBe(90);
    workshop.stop();
  });

  it('names the round, and removes a participant from the round it shows', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    workshop.name = 'Platform offsite, round 1';
    await workshop.start();
    expect(host.callsTo('startRound')[0].name).toBe('Platform offsite, round 1');
    expect(workshop.round?.name).toBe('Platform offsite, round 1');
    join(workshop.round!, 'Ada', true);
    join(workshop.round!, 'Ada (2)', false);
    await workshop.refresh();
    await workshop.remove(2);
    expect(host.callsTo('removeParticipant')).toEqual([{ roundId: workshop.round!.id, participantId: 2 }]);
    expect(workshop.round?.participants.map((p) => p.name)).toEqual(['Ada']);
    workshop.stop();
  });

  it('starts a round without a time limit when minutes is 0', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    workshop.minutes = 0;
    await workshop.start();
    expect(host.callsTo('startRound')[0].minutes).toBeNull();
    expect(workshop.secondsLeft).toBeNull();
    workshop.stop();
  });

  it('without live events, polls every second and shows who has submitted', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    await settle();
    const polls = host.callsTo('getRound').length;

    join(workshop.round!, 'Ada', true);
    join(workshop.round!, 'Grace', false);
    await vi.advanceTimersByTimeAsync(1000);

    expect(host.callsTo('getRound').length).toBe(polls + 1);
    expect(workshop.round!.participants.map((p) => p.name)).toEqual(['Ada', 'Grace']);
    expect(workshop.submitted.map((p) => p.name)).toEqual(['Ada']);
    expect(workshop.submittedCount).toBe(1);
    workshop.stop();
  });

  it('with live events, refreshes when told and polls only every ten seconds', async () => {
    const events = fakeEvents();
    const workshop = new WorkshopState(host.client, editor, events.subscribe);
    await workshop.start();
    await settle();
    const polls = host.callsTo('getRound').length;

    await vi.advanceTimersByTimeAsync(9_000);
    expect(host.callsTo('getRound').length).toBe(polls);

    join(workshop.round!, 'Ada', true);
    events.fire('rounds');
    await settle();
    expect(host.callsTo('getRound').length).toBe(polls + 1);
    expect(workshop.submittedCount).toBe(1);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(host.callsTo('getRound').length).toBe(polls + 2);

    workshop.stop();
    expect(events.count('rounds')).toBe(0);
  });

  it('stops watching once the round is closed', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    await workshop.update({ state: 'closed' });
    expect(workshop.round!.state).toBe('closed');
    const calls = host.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.calls).toHaveLength(calls);
  });

  it('shows a refused start and does not watch anything', async () => {
    host.refuseNext('startRound', 'A round is already open for this decision.', 'conflict');
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    expect(workshop.error).toBe('A round is already open for this decision.');
    expect(workshop.round).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.methods).toEqual(['startRound']);
  });

  it('picks a live round up again after a reload, but not a closed one', async () => {
    const first = new WorkshopState(host.client, editor, null);
    await first.start();
    await first.update({ state: 'closed' });
    const second = new WorkshopState(host.client, editor, null);
    await second.resume();
    expect(second.round).toBeNull();

    await first.start();
    first.stop();
    const third = new WorkshopState(host.client, editor, null);
    await third.resume();
    expect(third.round?.id).toBe(first.round!.id);
    expect(third.round?.state).toBe('open');
    third.stop();
  });

  it('names participants of an anonymous round by number', async () => {
    const workshop = new WorkshopState(host.client, editor, null);
    workshop.anonymous = true;
    await workshop.start();
    join(workshop.round!, '', true);
    await workshop.refresh();
    expect(workshop.label(0)).toBe('Participant 1');
    workshop.stop();
  });

  it('draws a QR code for the join link', async () => {
    host.joinUrl = 'http://192.168.1.5:4000/join?code=ABC234';
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    expect(workshop.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    workshop.dismiss();
    expect(workshop.round).toBeNull();
    expect(workshop.qrDataUrl).toBeNull();
  });

  it('applies the group’s weights to the decision, writing a resting slider first', async () => {
    host.answer('applyGroupWeights', () => {
      host.decision = { ...host.decision, criteria: host.decision.criteria.map((c) => (c.id === DEPLOYMENT ? { ...c, weight: 60 } : c)) };
      return ok(host.decision);
    });
    const workshop = new WorkshopState(host.client, editor, null);
    await workshop.start();
    workshop.stop();
    editor.setWeight(DEPLOYMENT, 100);
    await workshop.applyGroupWeights();
    expect(host.methods.slice(-2)).toEqual(['setWeights', 'applyGroupWeights']);
    expect(editor.weightOf(DEPLOYMENT)).toBe(60);
  });
});
