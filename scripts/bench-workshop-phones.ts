// The phones and the facilitator's page of the workshop benchmark (scripts/bench-workshop.ts), in
// a process of their own: in a room they are other devices, so their HTTP work must not sit in
// the server's event loop. Each phone is one client with one keep-alive connection (its own
// http.Agent with one socket), as a phone's browser is: it joins, then submits on that connection.
// Started by the benchmark with its job as JSON in argv[2]; prints its timings as JSON.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PARTICIPANT_TOKEN_HEADER } from '../core/transport';

/** The benchmark's own header: when the phone sent its submit (ms since the epoch, fractional). The server ignores it. */
export const SENT_AT_HEADER = 'x-bench-sent-at';

export interface PhonesJob {
  base: string;
  code: string;
  criteria: number[];
  /** The criteria the round asks people to score the options on (1–5 here), and the options. */
  scoreCriteria: number[];
  options: number[];
  participants: number;
  facilitator: { url: string; token: string; roundId: number };
}

export interface PhonesResult {
  join: number[];
  submit: number[];
  facilitator: number[];
  failures: string[];
  wall: number;
}

function client(base: string, agent: Agent) {
  const url = new URL(base);
  return (path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> => {
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
  };
}

async function run(job: PhonesJob): Promise<PhonesResult> {
  const result: PhonesResult = { join: [], submit: [], facilitator: [], failures: [], wall: 0 };
  let loadRunning = true;
  const page = client(job.facilitator.url, new Agent({ keepAlive: true, maxSockets: 1 }));
  const poll = (async () => {
    while (loadRunning) {
      const t0 = performance.now();
      await page(`/api/getRound`, { roundId: job.facilitator.roundId }, { 'x-decision-matrix-token': job.facilitator.token });
      result.facilitator.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const agents = Array.from({ length: job.participants }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent, i) => {
      const post = client(job.base, agent);
      const j0 = performance.now();
      const joined = await post('/w/join', { code: job.code, name: `Person ${i + 1}` });
      result.join.push(performance.now() - j0);
      if (!joined.json.ok) return void result.failures.push(`join ${joined.status}: ${joined.json.error.message}`);
      const weights = Object.fromEntries(job.criteria.map((id, c) => [String(id), 1 + ((i * 7 + c * 13) % 100)]));
      const t0 = performance.now();
      // When it was sent, on the clock both processes share, so the server side can time the answer from it.
      const sentAt = String(performance.timeOrigin + t0);
      // Every option scored on each criterion the round asks about, as a phone sends them.
      const scores = Object.fromEntries(
        job.scoreCriteria.map((criterion, c) => [String(criterion), Object.fromEntries(job.options.map((option, o) => [String(option), { value: 1 + ((i + c + o) % 5), reason: i % 3 === 0 ? 'tried it' : '' }]))]),
      );
      const sent = await post('/w/submit', { weights, scores }, { [PARTICIPANT_TOKEN_HEADER]: joined.json.value.token, [SENT_AT_HEADER]: sentAt });
      result.submit.push(performance.now() - t0);
      if (!sent.json.ok) result.failures.push(`submit ${sent.status}: ${sent.json.error.message}`);
    }),
  );
  result.wall = performance.now() - started;
  loadRunning = false;
  await poll;
  for (const agent of agents) agent.destroy();
  return result;
}

// Run only as the child process, not when the benchmark imports the header's name.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2]) as PhonesJob)));
