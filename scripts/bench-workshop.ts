// Workshop load: 200 simulated participants join and submit at once over loopback, while the
// facilitator's app keeps polling its round. Prints lost submissions, submit latency as a phone
// sees it and as the server spends it, join latency, and the facilitator call's latency
// meanwhile. Part of `npm run bench`; asserts nothing.
//
// Each simulated phone is one client with one keep-alive connection (its own http.Agent with one
// socket), as a phone's browser is: it joins and then submits on the same connection. One shared
// client pool for all 200 (Node's fetch) measured something else: while the 200 joins were
// queued, it opened fresh sockets for the first few submits, which waited at the back of the
// kernel's accept queue behind every pending join (~1–2 s here), though the server answered each
// in a few milliseconds once it read it (see docs/performance.md).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getDecision } from '../db/decisions';
import { openDecisionStore } from '../db/seed';
import { roundSubmissions } from '../db/workshop';
import { startHttpHost } from '../hosts/web/server';
import { createDispatch } from '../service/dispatch';
import { createHandlers } from '../service/handlers';
import { WorkshopController } from '../hosts/workshop/controller';
import { PARTICIPANT_TOKEN_HEADER } from '../core/transport';

const PARTICIPANTS = 200;

/** One phone: its own agent holding at most one keep-alive connection. */
function phone(base: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  return {
    post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
      const text = JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = request(
          { agent, host: url.hostname, port: url.port, method: 'POST', path, headers: { host: url.host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } },
          (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (data += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(data) }));
          },
        );
        req.on('error', reject);
        req.end(text);
      });
    },
    close: () => agent.destroy(),
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: samples.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

export async function benchWorkshop(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'decision-matrix-bench-workshop-'));
  const db = openDecisionStore(join(folder, 'store.sqlite'));
  // Everyone here comes from 127.0.0.1; in a room each phone has its own address, so the
  // per-address limits are raised for the simulation (per-token limits stay as shipped).
  const controller = new WorkshopController(db, { hostname: '127.0.0.1', port: 0, staticDir: folder, limits: { joinsPerAddress: 10_000, callsPerAddress: 100_000 } });
  const handlers = createHandlers(db, controller);
  const host = await startHttpHost({ dispatch: createDispatch(handlers), staticDir: folder });
  try {
    const round = handlers.startRound({ decisionId: 1, anonymous: false, rule: 'geometric-mean', weighing: 'sliders', minutes: 30 });
    if (!round.ok) throw new Error(round.error.message);
    await controller.roundsChanged();
    const base = controller.url!;
    const criteria = getDecision(db, 1)!.criteria.map((c) => c.id);

    let loadRunning = true;
    const facilitator: number[] = [];
    const poll = (async () => {
      while (loadRunning) {
        const t0 = performance.now();
        const reply = await fetch(`${host.url}/api/getRound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-decision-matrix-token': host.token },
          body: JSON.stringify({ roundId: round.value.id }),
        });
        await reply.json();
        facilitator.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    // The server's own time for each submit: from its request event to the answer's last byte.
    const serverSubmit: number[] = [];
    const onRequest = (message: unknown) => {
      const { request: req, response } = message as { request: IncomingMessage; response: ServerResponse };
      if (req.url !== '/w/submit') return;
      const t0 = performance.now();
      response.once('finish', () => serverSubmit.push(performance.now() - t0));
    };
    subscribe('http.server.request.start', onRequest);

    const joinLatencies: number[] = [];
    const submitLatencies: number[] = [];
    const failures: string[] = [];
    const phones = Array.from({ length: PARTICIPANTS }, () => phone(base));
    const started = performance.now();
    await Promise.all(
      phones.map(async (client, i) => {
        const j0 = performance.now();
        const joined = await client.post('/w/join', { code: round.value.code, name: `Person ${i + 1}` });
        joinLatencies.push(performance.now() - j0);
        if (!joined.json.ok) return void failures.push(`join ${joined.status}: ${joined.json.error.message}`);
        const weights = Object.fromEntries(criteria.map((id, c) => [String(id), 1 + ((i * 7 + c * 13) % 100)]));
        const t0 = performance.now();
        const sent = await client.post('/w/submit', { weights }, { [PARTICIPANT_TOKEN_HEADER]: joined.json.value.token });
        submitLatencies.push(performance.now() - t0);
        if (!sent.json.ok) failures.push(`submit ${sent.status}: ${sent.json.error.message}`);
      }),
    );
    const wall = performance.now() - started;
    loadRunning = false;
    await poll;
    unsubscribe('http.server.request.start', onRequest);
    for (const client of phones) client.close();

    const stored = roundSubmissions(db, round.value.id).length;
    const s = stats(submitLatencies);
    const server = stats(serverSubmit);
    const j = stats(joinLatencies);
    const f = stats(facilitator);
    console.log(
      `workshop load, ${PARTICIPANTS} participants (one connection each) joining and submitting at once: lost submissions ${PARTICIPANTS - stored} (stored ${stored}, refused ${failures.length}), ` +
        `submit p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (server's own time p99 ${server.p99.toFixed(1)} ms); ` +
        `join p50 ${j.p50.toFixed(1)} ms, p99 ${j.p99.toFixed(1)} ms; facilitator getRound meanwhile p50 ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(1)} ms (n=${f.n}); all done in ${wall.toFixed(0)} ms`,
    );
    if (failures.length > 0) console.log(`  first refusal: ${failures[0]}`);
  } finally {
    await controller.close();
    await host.close();
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
