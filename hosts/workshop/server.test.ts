import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { notInWords } from '../../service/test/words';
import { aggregateWeights, type AggregationRule } from '../../core/aggregation';
import { getDecision } from '../../db/decisions';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import * as workshop from '../../db/workshop';
import { changeRound, CLOSED_MESSAGE, REMOVED_MESSAGE, removeParticipant, roundView, startRound, TIME_UP_MESSAGE } from '../../service/rounds';
import { MAX_PARTICIPANT_BODY_BYTES, PARTICIPANT_TOKEN_HEADER } from '../../core/transport';
import { startBulkWriter } from '../../service/bulk/bulk-writer';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { isLoopback, startWorkshopServer, type WorkshopServer } from './server';

const folder = temporaryFolder();
const servers: WorkshopServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function room(
  options: { anonymous?: boolean; minutes?: number | null; rule?: AggregationRule; scoreFirst?: number; limits?: Parameters<typeof startWorkshopServer>[0]['limits']; bulk?: boolean } = {},
) {
  const file = join(folder(), 'store.sqlite');
  const db = openDecisionStore(file);
  const decision = getDecision(db, 1)!;
  const round = startRound(db, {
    decisionId: 1,
    anonymous: options.anonymous ?? false,
    rule: options.rule ?? 'geometric-mean',
    minutes: options.minutes ?? null,
    scoreCriteria: decision.criteria.slice(0, options.scoreFirst ?? 0).map((c) => c.id),
  });
  if (!round.ok) throw new Error(round.error.message);
  const bulk = options.bulk ? startBulkWriter(db, file) : undefined;
  const server = await startWorkshopServer({ db, staticDir: folder(), hostname: '127.0.0.1', limits: options.limits, pauseBulkWrite: () => bulk?.pause() ?? null });
  servers.push(server);
  const state = () => ({ participants: workshop.listParticipants(db, round.value.id), submissions: workshop.roundSubmissions(db, round.value.id) });
  return { db, decision, round: round.value, server, state, bulk };
}

function get(server: WorkshopServer, path: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'GET', path }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text: data }));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(server: WorkshopServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function joined(r: Awaited<ReturnType<typeof room>>, name = 'Ana') {
  const reply = await post(r.server, '/w/join', { code: r.round.code, name });
  expect(reply.status).toBe(200);
  return reply.json.value.token as string;
}

const weightsFor = (r: Awaited<ReturnType<typeof room>>, values: number[]) => Object.fromEntries(r.decision.criteria.map((c, i) => [String(c.id), values[i]]));

describe('workshop server', () => {
  it('lets people join by code, submit, resubmit (one record) and see their own weights', async () => {
    const r = await room();
    const token = await joined(r);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits of base64url
    expect((await post(r.server, '/w/join', { code: r.round.code.toLowerCase(), name: 'Bo' })).status).toBe(200);
    expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 2, 3, 4, 5, 6]) }, { [PARTICIPANT_TOKEN_HEADER]: token })).status).toBe(200);
    expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [6, 5, 4, 3, 2, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: token })).status).toBe(200);
    const { submissions, participants } = r.state();
    expect(submissions).toHaveLength(1);
    expect(Object.values(submissions[0].weights)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(participants.map((p) => [p.name, p.submitted])).toEqual([
      ['Ana', true],
      ['Bo', false],
    ]);
    const view = await post(r.server, '/w/round', {}, { [PARTICIPANT_TOKEN_HEADER]: token });
    expect(view.json.value).toMatchObject({ state: 'open', decisionTitle: 'PyTorch vs TensorFlow', groupWeights: null });
    expect(Object.values(view.json.value.myWeights)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('reveals the group weights the unit maths gives, and shares them only when asked', async () => {
    const r = await room({ anonymous: true });
    const a = await joined(r, 'hidden');
    const b = await joined(r, 'hidden too');
    await post(r.server, '/w/submit', { weights: weightsFor(r, [30, 30, 10, 5, 15, 10]) }, { [PARTICIPANT_TOKEN_HEADER]: a });
    await post(r.server, '/w/submit', { weights: weightsFor(r, [5, 5, 20, 35, 15, 20]) }, { [PARTICIPANT_TOKEN_HEADER]: b });
    changeRound(r.db, r.round.id, { state: 'revealed' });
    const view = roundView(r.db, r.round.id);
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.participants.map((p) => p.name)).toEqual(['', '']);
    const expected = aggregateWeights(r.decision.criteria.map((c) => c.id), workshop.roundSubmissions(r.db, r.round.id), 'geometric-mean');
    if (!expected.ok) throw new Error(expected.error.message);
    expect(view.value.result!.weights.weights).toEqual(expected.value.weights);
    expect((await post(r.server, '/w/round', {}, { [PARTICIPANT_TOKEN_HEADER]: a })).json.value.groupWeights).toBeNull();
    changeRound(r.db, r.round.id, { shareResult: true });
    expect((await post(r.server, '/w/round', {}, { [PARTICIPANT_TOKEN_HEADER]: a })).json.value.groupWeights).toEqual(expected.value.weights);
  });

  describe('refusals change nothing', () => {
    const cases: [string, (r: Awaited<ReturnType<typeof room>>, token: string) => Promise<{ status: number }>, number][] = [
      ['a wrong code', (r) => post(r.server, '/w/join', { code: 'ZZZZZZ' }), 404],
      ['a malformed code', (r) => post(r.server, '/w/join', { code: '<script>' }), 400],
      ['an unknown token', (r) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: 'x'.repeat(32) }), 403],
      ['no token', (r) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }), 403],
      ['a foreign Origin', (r, t) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: t, origin: 'http://evil.example' }), 403],
      ['a foreign Host', (r, t) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: t, host: 'evil.example' }), 403],
      ['an oversize body', (r, t) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]), pad: 'x'.repeat(MAX_PARTICIPANT_BODY_BYTES) }, { [PARTICIPANT_TOKEN_HEADER]: t }), 413],
      ['an unknown field', (r, t) => post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]), admin: true }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['a non-finite number', (r, t) => post(r.server, '/w/submit', `{"weights":{"${r.decision.criteria[0].id}":1e999}}`, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['a negative weight', (r, t) => post(r.server, '/w/submit', { weights: weightsFor(r, [-1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['an unknown criterion', (r, t) => post(r.server, '/w/submit', { weights: { ...weightsFor(r, [1, 1, 1, 1, 1, 1]), 99999: 1 } }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['a missing criterion', (r, t) => post(r.server, '/w/submit', { weights: { [r.decision.criteria[0].id]: 1 } }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      // Two spellings of one criterion reached the store as two weights (a UNIQUE failure, 500).
      ['one criterion spelt twice', (r, t) => post(r.server, '/w/submit', `{"weights":{${r.decision.criteria.map((c) => `"${c.id}":5`).join(',')},"00${r.decision.criteria[0].id}":9}}`, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['a __proto__ key', (r, t) => post(r.server, '/w/submit', `{"weights":{${r.decision.criteria.map((c) => `"${c.id}":5`).join(',')},"__proto__":9}}`, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['a constructor key', (r, t) => post(r.server, '/w/submit', { weights: { ...weightsFor(r, [1, 1, 1, 1, 1, 1]), constructor: 1 } }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
      ['weights as a list', (r, t) => post(r.server, '/w/submit', { weights: [1, 2, 3] }, { [PARTICIPANT_TOKEN_HEADER]: t }), 400],
    ];
    it.each(cases)('%s', async (_, attempt, status) => {
      const r = await room();
      const token = await joined(r);
      const before = r.state();
      expect((await attempt(r, token)).status).toBe(status);
      expect(r.state()).toEqual(before);
    });

    it('an expired round', async () => {
      const r = await room({ minutes: 1 });
      const token = await joined(r);
      r.db.prepare('UPDATE rounds SET ends_at = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString(), r.round.id);
      const before = r.state();
      expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: token })).status).toBe(409);
      expect((await post(r.server, '/w/join', { code: r.round.code })).status).toBe(409);
      expect(r.state()).toEqual(before);
    });

    it('a closed round keeps its history and takes no more weights', async () => {
      const r = await room();
      const token = await joined(r);
      await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 2, 3, 4, 5, 6]) }, { [PARTICIPANT_TOKEN_HEADER]: token });
      changeRound(r.db, r.round.id, { state: 'closed' });
      const before = r.state();
      expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [6, 5, 4, 3, 2, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: token })).status).toBe(409);
      const late = await post(r.server, '/w/join', { code: r.round.code });
      expect(late).toMatchObject({ status: 409, json: { error: { message: CLOSED_MESSAGE } } });
      expect(r.state()).toEqual(before);
      expect(workshop.listRounds(r.db, 1)).toHaveLength(1);
    });

    it('wrong codes past the limit per address block every join from it for the minute, and fewer never block the right code', async () => {
      const r = await room({ limits: { wrongCodesPerAddress: 3, limitLoopback: true } });
      for (let i = 0; i < 2; i++) expect((await post(r.server, '/w/join', { code: 'ZZZZZZ' })).status).toBe(404);
      expect((await post(r.server, '/w/join', { code: r.round.code, name: 'Typo Tom' })).status).toBe(200);
      expect((await post(r.server, '/w/join', { code: 'ZZZZZY' })).status).toBe(404);
      const before = r.state();
      // Now at the limit: a wrong code and the right one get the same answer, so refusals tell a guesser nothing.
      expect((await post(r.server, '/w/join', { code: 'ZZZZZX' })).status).toBe(429);
      expect((await post(r.server, '/w/join', { code: r.round.code })).status).toBe(429);
      expect(r.state()).toEqual(before);
    });

    it('new participants past the limit per address per minute', async () => {
      const r = await room({ limits: { joinsPerAddress: 2, joinsPerAddressPerRound: 100, limitLoopback: true } });
      await joined(r, 'One');
      await joined(r, 'Two');
      const before = r.state();
      expect((await post(r.server, '/w/join', { code: r.round.code, name: 'Three' })).status).toBe(429);
      expect(r.state()).toEqual(before);
    });

    it('new participants past the limit per address in one round, while that address may still rejoin as itself', async () => {
      const r = await room({ limits: { joinsPerAddressPerRound: 2, limitLoopback: true } });
      const first = await joined(r, 'One');
      await joined(r, 'Two');
      const before = r.state();
      const third = await post(r.server, '/w/join', { code: r.round.code, name: 'Three' });
      expect(third).toMatchObject({ status: 403, json: { error: { message: expect.stringMatching(/^Too many people have joined this round from this device/) } } });
      expect(r.state()).toEqual(before);
      expect((await post(r.server, '/w/join', { code: r.round.code, name: 'One' }, { [PARTICIPANT_TOKEN_HEADER]: first })).json.value).toEqual({ token: first, rejoined: true });
      expect(r.state()).toEqual(before);
    });

    it('calls past the limit per token', async () => {
      const r = await room({ limits: { callsPerToken: 2 } });
      const token = await joined(r);
      for (let i = 0; i < 2; i++) await post(r.server, '/w/round', {}, { [PARTICIPANT_TOKEN_HEADER]: token });
      const before = r.state();
      expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, { [PARTICIPANT_TOKEN_HEADER]: token })).status).toBe(429);
      expect(r.state()).toEqual(before);
    });
  });
});

describe('a real room', () => {
  const as = (token: string) => ({ [PARTICIPANT_TOKEN_HEADER]: token });

  it('writes joins and submissions sent at once in shared commits, each still all or nothing: a refused one changes nothing, the others all count', async () => {
    const r = await room({ rule: 'mean' });
    const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => joined(r, `P${i}`)));
    expect(new Set(tokens).size).toBe(40);
    const replies = await Promise.all(
      tokens.map((token, i) => post(r.server, '/w/submit', { weights: weightsFor(r, i === 7 ? [1, 1, 1, 1, 1] : [i + 1, 1, 1, 1, 1, 1]) }, as(token))),
    );
    expect(replies.map((reply) => reply.status)).toEqual(tokens.map((_, i) => (i === 7 ? 400 : 200)));
    const stored = r.state().submissions;
    expect(stored).toHaveLength(39);
    expect(stored.map((s) => s.weights[r.decision.criteria[0].id]).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1).filter((w) => w !== 8));
  });

  it('joining again from a browser that holds its token returns the same participant, not a second one', async () => {
    const r = await room();
    const token = await joined(r, 'Ana');
    const again = await post(r.server, '/w/join', { code: r.round.code, name: 'Ana' }, as(token));
    expect(again.json.value).toEqual({ token, rejoined: true });
    expect(r.state().participants.map((p) => p.name)).toEqual(['Ana']);
    // A token from elsewhere (or none) is a new participant.
    expect((await post(r.server, '/w/join', { code: r.round.code, name: 'Ana' }, as('x'.repeat(32)))).json.value.rejoined).toBe(false);
    expect(r.state().participants).toHaveLength(2);
  });

  it('tells people with the same name apart: the facilitator and each phone see "Ana (2)"', async () => {
    const r = await room();
    const tokens = [await joined(r, 'Ana'), await joined(r, ' ana '), await joined(r, 'Bo'), await joined(r, 'Ana')];
    const view = roundView(r.db, r.round.id);
    expect(view.ok && view.value.participants.map((p) => p.name)).toEqual(['Ana', 'ana (2)', 'Bo', 'Ana (3)']);
    const mine = await Promise.all(tokens.map(async (t) => (await post(r.server, '/w/round', {}, as(t))).json.value.myName));
    expect(mine).toEqual(['Ana', 'ana (2)', 'Bo', 'Ana (3)']);
    // Stored as typed.
    expect(r.state().participants.map((p) => p.name)).toEqual(['Ana', ' ana ', 'Bo', 'Ana']);
  });

  it('a removed participant no longer counts, cannot send, and their phone says they were removed', async () => {
    const r = await room({ rule: 'mean' });
    const ana = await joined(r, 'Ana');
    const bo = await joined(r, 'Bo');
    await post(r.server, '/w/submit', { weights: weightsFor(r, [10, 10, 10, 10, 10, 50]) }, as(ana));
    await post(r.server, '/w/submit', { weights: weightsFor(r, [50, 10, 10, 10, 10, 10]) }, as(bo));
    const bosId = r.state().participants.find((p) => p.name === 'Bo')!.id;
    const removed = removeParticipant(r.db, r.round.id, bosId);
    expect(removed.ok && removed.value.participants.map((p) => p.name)).toEqual(['Ana']);
    expect(removeParticipant(r.db, r.round.id, bosId)).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const view = (await post(r.server, '/w/round', {}, as(bo))).json.value;
    expect(view).toMatchObject({ removed: true, accepting: false });
    const refused = await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, as(bo));
    expect(refused).toMatchObject({ status: 403, json: { error: { message: REMOVED_MESSAGE } } });
    // Nor can the same browser join again as someone new.
    expect((await post(r.server, '/w/join', { code: r.round.code, name: 'Bo' }, as(bo))).status).toBe(403);

    changeRound(r.db, r.round.id, { state: 'revealed' });
    const result = roundView(r.db, r.round.id);
    if (!result.ok || !result.value.result) throw new Error('no result');
    // Only Ana's weights count: the group's are hers.
    expect(result.value.result.weights.weights[r.decision.criteria[5].id]).toBeCloseTo(0.5, 10);
    expect(Object.keys(result.value.result.weights.participants)).toEqual([String(r.state().participants[0].id)]);
  });

  it('under the geometric mean no weight may be 0 (one 0 would be a silent veto); under the mean a 0 is a low vote', async () => {
    const geometric = await room();
    const token = await joined(geometric);
    expect((await post(geometric.server, '/w/round', {}, as(token))).json.value.minWeight).toBe(1);
    const before = geometric.state();
    const zero = await post(geometric.server, '/w/submit', { weights: weightsFor(geometric, [0, 10, 10, 10, 10, 10]) }, as(token));
    expect(zero.status).toBe(400);
    expect(zero.json.error.message).toMatch(/at least 1 .*“Ease of use” has 0/);
    expect(geometric.state()).toEqual(before);
    expect((await post(geometric.server, '/w/submit', { weights: weightsFor(geometric, [1, 10, 10, 10, 10, 10]) }, as(token))).status).toBe(200);

    const mean = await room({ rule: 'mean' });
    const other = await joined(mean);
    expect((await post(mean.server, '/w/round', {}, as(other))).json.value.minWeight).toBe(0);
    expect((await post(mean.server, '/w/submit', { weights: weightsFor(mean, [0, 10, 10, 10, 10, 10]) }, as(other))).status).toBe(200);
  });

  it('phones see the time left and "+1 min"; at 0:00 the round stops taking weights and says so', async () => {
    const r = await room({ minutes: 2 });
    const token = await joined(r);
    const first = (await post(r.server, '/w/round', {}, as(token))).json.value;
    expect(first).toMatchObject({ accepting: true });
    expect(first.secondsLeft).toBeGreaterThan(115);
    expect(first.secondsLeft).toBeLessThanOrEqual(120);
    changeRound(r.db, r.round.id, { addMinutes: 1 });
    expect((await post(r.server, '/w/round', {}, as(token))).json.value.secondsLeft).toBeGreaterThan(175);

    r.db.prepare('UPDATE rounds SET ends_at = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString(), r.round.id);
    expect((await post(r.server, '/w/round', {}, as(token))).json.value).toMatchObject({ state: 'open', accepting: false, secondsLeft: 0 });
    expect((await post(r.server, '/w/submit', { weights: weightsFor(r, [1, 1, 1, 1, 1, 1]) }, as(token))).json.error.message).toBe(TIME_UP_MESSAGE);
    // "+1 min" after 0:00 gives a minute from now.
    changeRound(r.db, r.round.id, { addMinutes: 1 });
    const reopened = (await post(r.server, '/w/round', {}, as(token))).json.value;
    expect(reopened.accepting).toBe(true);
    expect(reopened.secondsLeft).toBeGreaterThan(55);
    expect(reopened.secondsLeft).toBeLessThanOrEqual(60);
  });

  it('once its round has closed, the join link serves a page saying so, and open phones read the round as closed', async () => {
    const r = await room();
    const token = await joined(r);
    expect((await get(r.server, `/join?code=${r.round.code}`)).text).not.toMatch(/This round is closed/);
    changeRound(r.db, r.round.id, { state: 'closed' });
    const page = await get(r.server, `/join?code=${r.round.code.toLowerCase()}`);
    expect(page.status).toBe(410);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toContain('<h1>This round is closed</h1>');
    expect((await post(r.server, '/w/round', {}, as(token))).json.value).toMatchObject({ state: 'closed', accepting: false });
    // A code no round ever had still gets the join page.
    expect((await get(r.server, '/join?code=ZZZZZZ')).status).not.toBe(410);
  });
});

describe('while a big import holds the store', () => {
  it('a join and a submission are written between two of its short transactions, answered before it ends, and kept', async () => {
    const r = await room({ bulk: true });
    const dispatch = createDispatch(createHandlers(r.db, undefined, r.bulk), { pauseBulkWrite: () => r.bulk!.pause() });
    const token = await joined(r);
    const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: 100 }, (_, o) => `Option ${o + 1}`)].join(',');
    const rows = Array.from({ length: 800 }, (_, c) => [`Criterion ${c + 1}`, 10, 'benefit', 0, 10, ...Array.from({ length: 100 }, () => 3)].join(','));
    const importing = dispatch('importCsv', { title: 'Big', text: `${header}\n${rows.join('\n')}\n` });
    let imported = false;
    void Promise.resolve(importing).finally(() => (imported = true));
    while (!r.bulk!.progress()?.percent) await new Promise((resolve) => setTimeout(resolve, 2));
    const [submitted, second] = await Promise.all([
      post(r.server, '/w/submit', { weights: weightsFor(r, [1, 2, 3, 4, 5, 6]) }, { [PARTICIPANT_TOKEN_HEADER]: token }),
      post(r.server, '/w/join', { code: r.round.code, name: 'Bo' }),
    ]);
    expect([submitted.status, second.status]).toEqual([200, 200]);
    expect(imported).toBe(false);
    expect(await importing).toMatchObject({ ok: true });
    expect(r.state().submissions).toHaveLength(1);
    expect(r.state().participants.map((p) => p.name)).toEqual(['Ana', 'Bo']);
    await r.bulk!.close();
  });
});

describe('no body makes the workshop server fail', () => {
  /** JSON a phone (or anyone on the network) could send: nested values, odd keys, numbers at the edges. */
  const key = fc.oneof(
    fc.constantFrom('weights', 'scores', 'value', 'reason', 'code', 'name', '__proto__', 'constructor', 'prototype', '1', '001', '-1', '1.5', '1e3', ''),
    fc.string({ maxLength: 8 }),
  );
  const leaf = fc.oneof(fc.constantFrom(0, -0, 1, -1, 5, 100, 1e308, -1e308, 2 ** 53, Number.MIN_VALUE), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('any'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('any'), { maxKeys: 5 }),
  })).any;
  const body = fc.oneof(
    value.map((v) => JSON.stringify(v)),
    fc.dictionary(key, value, { maxKeys: 4 }).map((v) => JSON.stringify(v)),
    fc.dictionary(fc.oneof(key, fc.integer({ min: 0, max: 12 }).map(String)), leaf, { maxKeys: 8 }).map((weights) => JSON.stringify({ weights })),
    fc.string({ maxLength: 30 }),
  );

  it('answers 5,000 arbitrary bodies per endpoint without a 5xx, and a refused one changes nothing', async () => {
    // A round where people also score the options on two of the criteria.
    const r = await room({ scoreFirst: 2, limits: { joinsPerAddress: 1e9, callsPerToken: 1e9, callsPerAddress: 1e9 } });
    const token = await joined(r);
    const asked = r.round.scoreCriteria;
    expect(asked).toHaveLength(2);
    const criteria = r.decision.criteria.map((c) => String(c.id));
    const options = r.decision.options.map((o) => String(o.id));
    // Well-formed submissions with odd keys mixed in, beside the arbitrary ones.
    const nearWeights = fc
      .tuple(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: criteria.length, maxLength: criteria.length }), fc.dictionary(key, leaf, { maxKeys: 2 }))
      .map(([weights, extra]) => ({ ...Object.fromEntries(criteria.map((id, i) => [id, weights[i]])), ...extra }));
    const nearSubmission = nearWeights.map((weights) => JSON.stringify({ weights }));
    // And with scores: any criterion key (asked or not, odd or not), option keys, values on and off the scale, reasons and strays.
    const score = fc.oneof(
      fc.record({ value: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), leaf) }),
      fc.record({ value: fc.integer({ min: 1, max: 5 }), reason: fc.oneof(fc.string({ maxLength: 20 }), leaf) }),
      fc.record({ value: fc.integer({ min: 1, max: 5 }), extra: leaf }),
      value,
    );
    const nearScores = fc
      .tuple(nearWeights, fc.dictionary(fc.oneof(fc.constantFrom(...criteria), key), fc.dictionary(fc.oneof(fc.constantFrom(...options), key), score, { maxKeys: 3 }), { maxKeys: 3 }))
      .map(([weights, scores]) => JSON.stringify({ weights, scores }));
    // Close to what a phone sends: whole weights, scores on the asked criteria, values a step either side of the scale.
    const phoneScores = fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: criteria.length, maxLength: criteria.length }),
        fc.dictionary(fc.constantFrom(...asked.map(String)), fc.dictionary(fc.constantFrom(...options), fc.record({ value: fc.integer({ min: 0, max: 6 }), reason: fc.string({ maxLength: 20 }) }), { maxKeys: 2 }), { maxKeys: 2 }),
      )
      .map(([weights, scores]) => JSON.stringify({ weights: Object.fromEntries(criteria.map((id, i) => [id, weights[i]])), scores }));
    let scoresSeen = 0;
    for (const [path, bodies] of [
      ['/w/join', body],
      ['/w/round', body],
      ['/w/submit', fc.oneof(body, nearSubmission, nearScores, phoneScores)],
    ] as const) {
      const samples = fc.sample(bodies, { numRuns: 5000, seed: 20261201 });
      for (let i = 0; i < samples.length; i += 50) {
        const replies = await Promise.all(samples.slice(i, i + 50).map((text) => post(r.server, path, text, { [PARTICIPANT_TOKEN_HEADER]: token })));
        const failed = replies.findIndex((reply) => reply.status >= 500);
        expect(failed === -1 ? null : { path, body: samples[i + failed] }).toBeNull();
        // Whatever was taken is a score of an option on an asked criterion, on that criterion's scale.
        const stored = workshop.roundScores(r.db, r.round.id);
        scoresSeen += stored.length;
        for (const s of stored) {
          expect(asked).toContain(s.criterionId);
          const { scale } = r.decision.criteria.find((c) => c.id === s.criterionId)!;
          expect(s.value >= scale.min && s.value <= scale.max, `${s.value} on ${scale.min}–${scale.max}`).toBe(true);
        }
        // Every refusal a phone shows is in the participant's words.
        for (const [k, reply] of replies.entries()) {
          if (reply.status >= 400) expect(notInWords(String(reply.json?.error?.message ?? '')), `${path} ${samples[i + k]} → ${JSON.stringify(reply.json)}`).toEqual([]);
        }
      }
    }
    expect(r.state().participants.length).toBeGreaterThan(0);
    expect(scoresSeen, 'some generated scores were well-formed and taken').toBeGreaterThan(0);
  }, 60_000);
});

describe('which addresses go without the per-address join limits', () => {
  it('only the facilitator’s own computer: loopback IPs, never an address that is not an IP', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].filter(isLoopback)).toHaveLength(4);
    expect(['192.168.1.20', '::ffff:10.0.0.7', 'fe80::1', 'unknown', '', 'localhost'].filter(isLoopback)).toEqual([]);
  });
});
