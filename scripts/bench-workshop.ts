// Workshop load: 200 simulated participants join and submit (weights, and scores of both options
// on two criteria) at once over loopback, while the
// facilitator's page keeps polling its round. Prints lost submissions, submit latency as a phone
// sees it and as the server spends it, join latency, and the facilitator call's latency
// meanwhile. Part of `npm run bench`; asserts nothing.
//
// The phones and the facilitator's page run in a child process (scripts/bench-workshop-phones.ts),
// as other devices do; each phone is one client with one keep-alive connection. Two earlier
// set-ups measured the benchmark rather than the server: one shared client pool for all 200
// (Node's fetch) opened fresh sockets for the first few submits while the joins were queued, and
// those waited at the back of the kernel's accept queue behind every pending join (~1–2 s here),
// though the server answered each in milliseconds once it read it; and 200 clients in the
// server's own process put their HTTP work in the server's event loop (see docs/performance.md).
import { execFile } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { SENT_AT_HEADER, type PhonesJob, type PhonesResult } from './bench-workshop-phones';

const PARTICIPANTS = 200;

function runPhones(job: PhonesJob): Promise<PhonesResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-workshop-phones.ts'), JSON.stringify(job)], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as PhonesResult),
    );
  });
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
    const decision = getDecision(db, 1)!;
    const criteria = decision.criteria.map((c) => c.id);
    const scoreCriteria = criteria.slice(0, 2);
    const options = decision.options.map((o) => o.id);
    const round = handlers.startRound({ decisionId: 1, anonymous: false, rule: 'geometric-mean', weighing: 'sliders', minutes: 30, scoreCriteria });
    if (!round.ok) throw new Error(round.error.message);
    await controller.roundsChanged();
    const base = controller.url!;

    // Each submit timed to the server's answer (its last byte written): from the phone's sending it
    // (queueing in the kernel and in the server's event loop included), and from the server's
    // reading its headers (the server's own time). What the phone process takes to notice the
    // answer is left out: a phone has its own processor, the simulation shares two cores.
    const served: number[] = [];
    const serverSubmit: number[] = [];
    const onRequest = (message: unknown) => {
      const { request: req, response } = message as { request: IncomingMessage; response: ServerResponse };
      if (req.url !== '/w/submit') return;
      const t0 = performance.now();
      const sentAt = Number(req.headers[SENT_AT_HEADER]);
      response.once('finish', () => {
        const now = performance.now();
        serverSubmit.push(now - t0);
        served.push(performance.timeOrigin + now - sentAt);
      });
    };
    subscribe('http.server.request.start', onRequest);
    const phones = await runPhones({ base, code: round.value.code, criteria, scoreCriteria, options, participants: PARTICIPANTS, facilitator: { url: host.url, token: host.token, roundId: round.value.id } });
    unsubscribe('http.server.request.start', onRequest);
    const { failures, wall } = phones;

    const stored = roundSubmissions(db, round.value.id).length;
    const scoresStored = (db.prepare('SELECT COUNT(*) AS n FROM participant_scores').get() as { n: number }).n;
    const scoresSent = PARTICIPANTS * scoreCriteria.length * options.length;
    const s = stats(served);
    const seen = stats(phones.submit);
    const server = stats(serverSubmit);
    const j = stats(phones.join);
    const f = stats(phones.facilitator);
    console.log(
      `workshop load, ${PARTICIPANTS} participants (one connection each) joining and submitting at once: lost submissions ${PARTICIPANTS - stored} (stored ${stored}, refused ${failures.length}), lost scores ${scoresSent - scoresStored} of ${scoresSent}, ` +
        `submit, sent to answered: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (server's own time p99 ${server.p99.toFixed(1)} ms; ` +
        `as the simulated phones noticed it p50 ${seen.p50.toFixed(1)} ms, p99 ${seen.p99.toFixed(1)} ms); ` +
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
