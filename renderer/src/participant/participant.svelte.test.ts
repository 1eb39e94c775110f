import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PARTICIPANT_TOKEN_HEADER } from '../../../core/transport';
import type { ParticipantRoundView } from '../../../core/workshop';
import { ParticipantSession } from './participant.svelte';

/** A phone's page over a stand-in workshop server: the round's answers are set by the test. */
function stand(view: Partial<ParticipantRoundView>) {
  let current: ParticipantRoundView = {
    state: 'open',
    roundName: '',
    removed: false,
    accepting: true,
    secondsLeft: null,
    myName: 'Ana',
    minWeight: 1,
    decisionTitle: 'Queues',
    anonymous: false,
    weighing: 'sliders',
    endsAt: null,
    criteria: [{ id: 1, name: 'Cost', description: '', min: 0, max: 20, minLabel: '$0k/month', maxLabel: '$20k/month' }],
    myWeights: null,
    scoreCriteria: [],
    options: [],
    myScores: {},
    groupWeights: null,
    groupScores: null,
    ...view,
  };
  const calls: { path: string; token: string | undefined; body?: string }[] = [];
  const storage = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v), removeItem: (k: string) => storage.delete(k) });
  vi.stubGlobal('fetch', async (path: string, init: { headers: Record<string, string>; body?: string }) => {
    calls.push({ path, token: init.headers[PARTICIPANT_TOKEN_HEADER], body: init.body });
    const body = path === '/w/join' ? { ok: true, value: { token: init.headers[PARTICIPANT_TOKEN_HEADER] ?? 'new-token' } } : { ok: true, value: current };
    return { json: async () => body };
  });
  return { calls, storage, set: (change: Partial<ParticipantRoundView>) => (current = { ...current, ...change }) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the phone’s round', () => {
  it('counts the time down between polls, stops taking weights at 0:00, and follows "+1 min"', async () => {
    const server = stand({ secondsLeft: 5 });
    const session = new ParticipantSession('ABC234');
    session.name = 'Ana';
    await session.join();
    expect(session.secondsLeft).toBe(5);
    expect(session.accepting).toBe(true);
    // The poll runs every 3 s; the server still says 5 s at the first one, so the phone's own clock decides.
    server.set({ secondsLeft: 2 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(session.secondsLeft).toBe(2);
    server.set({ secondsLeft: 0, accepting: false });
    await vi.advanceTimersByTimeAsync(2000);
    expect(session.secondsLeft).toBe(0);
    expect(session.accepting).toBe(false);
    // The facilitator gives a minute more: the next poll brings it.
    server.set({ secondsLeft: 60, accepting: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(session.secondsLeft).toBe(60);
    expect(session.accepting).toBe(true);
  });

  it('keeps its token in this browser for the round, and sends it when joining again', async () => {
    const server = stand({});
    const first = new ParticipantSession('abc234');
    await first.join();
    expect(server.storage.get('workshop-token:ABC234')).toBe('new-token');
    // The link opened again (a new tab): the page picks the token up and asks for its round, without a join form.
    const again = new ParticipantSession('ABC234');
    expect(again.token).toBe('new-token');
    // Typing the code again into the form sends the kept token, so the server answers with the same participant.
    await again.join();
    expect(server.calls.filter((c) => c.path === '/w/join').map((c) => c.token)).toEqual([undefined, 'new-token']);
  });

  it('stops polling once the round is closed or the person removed', async () => {
    const server = stand({});
    const session = new ParticipantSession('ABC234');
    await session.join();
    server.set({ state: 'closed', accepting: false });
    await vi.advanceTimersByTimeAsync(3000);
    const asked = server.calls.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.calls.length).toBe(asked);
    expect(session.view?.state).toBe('closed');
  });

  it('sends the scores typed on the criterion’s scale with their reasons, leaves empty cells out, and refuses a score off the scale before sending', async () => {
    const server = stand({
      scoreCriteria: [1],
      options: [
        { id: 10, name: 'Kafka' },
        { id: 11, name: 'RabbitMQ' },
      ],
      myScores: { 1: { 11: { value: 4, reason: 'we ran it' } } },
    });
    const session = new ParticipantSession('ABC234');
    await session.join();
    // The last scores sent come back into the fields.
    expect(session.scores[1][11]).toEqual({ text: '4', reason: 'we ran it' });
    expect(session.scores[1][10]).toEqual({ text: '', reason: '' });
    session.setScore(1, 10, 'text', '25');
    await session.submit();
    expect(session.error).toBe('Your score for “Kafka” on “Cost” must be a number from 0 to 20, or left empty.');
    expect(server.calls.filter((c) => c.path === '/w/submit')).toEqual([]);
    session.setScore(1, 10, 'text', '12,5');
    expect(session.error).toBeNull();
    session.setScore(1, 10, 'reason', 'cheaper <b>hosting</b>');
    session.setScore(1, 11, 'text', '');
    await session.submit();
    const sent = JSON.parse(server.calls.find((c) => c.path === '/w/submit')!.body!);
    expect(sent.scores).toEqual({ 1: { 10: { value: 12.5, reason: 'cheaper <b>hosting</b>' } } });
    expect(session.error).toBeNull();
  });
});

