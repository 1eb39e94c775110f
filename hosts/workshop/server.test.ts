import { request } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { notInWords } from '../../service/test/words';
import { aggregateWeights } from '../../core/aggregation';
import { getDecision } from '../../db/decisions';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import * as workshop from '../../db/workshop';
import { changeRound, roundView, startRound } from '../../service/rounds';
import { MAX_PARTICIPANT_BODY_BYTES, PARTICIPANT_TOKEN_HEADER } from '../../core/transport';
import { startWorkshopServer, type WorkshopServer } from './server';

const folder = temporaryFolder();
const servers: WorkshopServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function room(options: { anonymous?: boolean; minutes?: number | null; limits?: Parameters<typeof startWorkshopServer>[0]['limits'] } = {}) {
  const db = openDecisionStore(join(folder(), 'store.sqlite'));
  const decision = getDecision(db, 1)!;
  const round = startRound(db, { decisionId: 1, anonymous: options.anonymous ?? false, rule: 'geometric-mean', minutes: options.minutes ?? null });
  if (!round.ok) throw new Error(round.error.message);
  const server = await startWorkshopServer({ db, staticDir: folder(), hostname: '127.0.0.1', limits: options.limits });
  servers.push(server);
  const state = () => ({ participants: workshop.listParticipants(db, round.value.id), submissions: workshop.roundSubmissions(db, round.value.id) });
  return { db, decision, round: round.value, server, state };
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
      expect((await post(r.server, '/w/join', { code: r.round.code })).status).toBe(404);
      expect(r.state()).toEqual(before);
      expect(workshop.listRounds(r.db, 1)).toHaveLength(1);
    });

    it('join attempts past the limit per address', async () => {
      const r = await room({ limits: { joinsPerAddress: 3 } });
      for (let i = 0; i < 3; i++) expect((await post(r.server, '/w/join', { code: 'ZZZZZZ' })).status).toBe(404);
      const before = r.state();
      expect((await post(r.server, '/w/join', { code: r.round.code })).status).toBe(429);
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

describe('no body makes the workshop server fail', () => {
  /** JSON a phone (or anyone on the network) could send: nested values, odd keys, numbers at the edges. */
  const key = fc.oneof(fc.constantFrom('weights', 'code', 'name', '__proto__', 'constructor', 'prototype', '1', '001', '-1', '1.5', '1e3', ''), fc.string({ maxLength: 8 }));
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
    const r = await room({ limits: { joinsPerAddress: 1e9, callsPerToken: 1e9, callsPerAddress: 1e9 } });
    const token = await joined(r);
    const criteria = r.decision.criteria.map((c) => String(c.id));
    // Well-formed submissions with odd keys mixed in, beside the arbitrary ones.
    const nearSubmission = fc
      .tuple(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: criteria.length, maxLength: criteria.length }), fc.dictionary(key, leaf, { maxKeys: 2 }))
      .map(([weights, extra]) => JSON.stringify({ weights: { ...Object.fromEntries(criteria.map((id, i) => [id, weights[i]])), ...extra } }));
    for (const [path, bodies] of [
      ['/w/join', body],
      ['/w/round', body],
      ['/w/submit', fc.oneof(body, nearSubmission)],
    ] as const) {
      const samples = fc.sample(bodies, { numRuns: 5000, seed: 20261201 });
      for (let i = 0; i < samples.length; i += 50) {
        const replies = await Promise.all(samples.slice(i, i + 50).map((text) => post(r.server, path, text, { [PARTICIPANT_TOKEN_HEADER]: token })));
        const failed = replies.findIndex((reply) => reply.status >= 500);
        expect(failed === -1 ? null : { path, body: samples[i + failed] }).toBeNull();
        // Every refusal a phone shows is in the participant's words.
        for (const [k, reply] of replies.entries()) {
          if (reply.status >= 400) expect(notInWords(String(reply.json?.error?.message ?? '')), `${path} ${samples[i + k]} → ${JSON.stringify(reply.json)}`).toEqual([]);
        }
      }
    }
    expect(r.state().participants.length).toBeGreaterThan(0);
  }, 60_000);
});
