// Workshop load: 200 simulated participants join and submit at once over loopback, while the
// facilitator's app keeps polling its round. Prints lost submissions, submit latency and the
// facilitator call's latency meanwhile. Part of `npm run bench`; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
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

    const submitLatencies: number[] = [];
    const failures: string[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => {
        const joined = await fetch(`${base}/w/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: round.value.code, name: `Person ${i + 1}` }) });
        const joinBody = await joined.json();
        if (!joinBody.ok) return void failures.push(`join ${joined.status}: ${joinBody.error.message}`);
        const weights = Object.fromEntries(criteria.map((id, c) => [String(id), 1 + ((i * 7 + c * 13) % 100)]));
        const t0 = performance.now();
        const sent = await fetch(`${base}/w/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [PARTICIPANT_TOKEN_HEADER]: joinBody.value.token },
          body: JSON.stringify({ weights }),
        });
        const sentBody = await sent.json();
        submitLatencies.push(performance.now() - t0);
        if (!sentBody.ok) failures.push(`submit ${sent.status}: ${sentBody.error.message}`);
      }),
    );
    const wall = performance.now() - started;
    loadRunning = false;
    await poll;

    const stored = roundSubmissions(db, round.value.id).length;
    const s = stats(submitLatencies);
    const f = stats(facilitator);
    console.log(
      `workshop load, ${PARTICIPANTS} participants joining and submitting at once: lost submissions ${PARTICIPANTS - stored} (stored ${stored}, refused ${failures.length}), ` +
        `submit p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; facilitator getRound meanwhile p50 ${f.p50.toFixed(1)} ms, max ${f.max.toFixed(1)} ms (n=${f.n}); all done in ${wall.toFixed(0)} ms`,
    );
    if (failures.length > 0) console.log(`  first refusal: ${failures[0]}`);
  } finally {
    await controller.close();
    await host.close();
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
