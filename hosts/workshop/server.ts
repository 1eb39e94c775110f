import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';
import type { ErrorCode, Result } from '../../core/result';
import { MAX_PARTICIPANT_BODY_BYTES, PARTICIPANT_TOKEN_HEADER, STATUS_BY_ERROR_CODE } from '../../core/transport';
import { inTransaction, type Db } from '../../db/connection';
import { isStoreBusyError } from '../../db/writable';
import { serveStatic } from '../shared/static-files';
import { RateLimiter } from './rate-limiter';
import { codeIsClosed, join, participantView, submit } from '../../service/rounds';

const CLOSED_PAGE_TEXT = 'The facilitator has closed it: it no longer takes weights. Thank you for taking part.';

/**
 * The workshop server: only the participant endpoints, on the interface the facilitator chose,
 * while a round is open. Every request must name this server's host; bodies are small JSON
 * parsed with the contract's schemas; joins and submissions are rate-limited.
 */

export interface WorkshopServerOptions {
  db: Db;
  staticDir: string;
  /** Interface to listen on: a LAN address for the room, 127.0.0.1 in tests. */
  hostname: string;
  port?: number;
  /**
   * Limits; tests lower them. Per minute: new participants per address, wrong codes per address
   * (past it every join from that address waits out the minute), calls per token and per address.
   * Per round: new participants per address. Per-address limits skip loopback addresses (only
   * this computer can come from one, and it holds the store already) unless `limitLoopback`.
   */
  limits?: { joinsPerAddress?: number; wrongCodesPerAddress?: number; joinsPerAddressPerRound?: number; callsPerToken?: number; callsPerAddress?: number; limitLoopback?: boolean };
  /** Called after every accepted submission or join, so the facilitator's view can refresh. */
  onChange?: () => void;
  /**
   * Pauses a big import or copy (service/bulk/) after its current short transaction, resolving
   * with the function that lets it go on; null when none runs. Joins and submissions made meanwhile
   * are written while it waits, instead of failing on the lock it holds.
   */
  pauseBulkWrite?: () => Promise<() => void> | null;
}

export interface WorkshopServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}
const refuse = (response: ServerResponse, status: number, code: ErrorCode, message: string) => send(response, status, { ok: false, error: { code, message } });
const reply = (response: ServerResponse, result: Result<unknown>) => send(response, result.ok ? 200 : STATUS_BY_ERROR_CODE[result.error.code], result);

async function readJson(request: IncomingMessage): Promise<{ body: unknown } | { problem: [number, string] }> {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return { problem: [415, 'Send JSON.'] };
  if (Number(request.headers['content-length'] ?? 0) > MAX_PARTICIPANT_BODY_BYTES) return { problem: [413, 'The request is too large.'] };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_PARTICIPANT_BODY_BYTES) return { problem: [413, 'The request is too large.'] };
    chunks.push(chunk);
  }
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
  } catch {
    return { problem: [400, 'The request body is not valid JSON.'] };
  }
}

/** What a join link serves once its round has closed: a page that says so, readable on a phone without the app's script. */
function sendClosedPage(response: ServerResponse): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Round closed</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:520px;margin:0 auto;padding:24px 16px;color:#1d2430}h1{font-size:24px}</style></head>
<body><main data-round-closed="true"><h1>This round is closed</h1><p>${CLOSED_PAGE_TEXT}</p></main></body></html>
`;
  response.writeHead(410, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(body);
}

/** The facilitator's own computer; anything that is not an IP address (an unknown peer) is limited like a phone. */
export const isLoopback = (address: string) => isIP(address) !== 0 && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/** Counts new participants per address in each round (in memory: a restart of the server starts the counts again). */
class PerRoundQuota {
  #counts = new Map<string, number>();
  constructor(readonly limit: number) {}
  allows(roundId: number, address: string): boolean {
    return (this.#counts.get(`${roundId} ${address}`) ?? 0) < this.limit;
  }
  count(roundId: number, address: string): void {
    const key = `${roundId} ${address}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }
}

/** At most this many writes per commit, so the server reads new requests between commits. */
const MAX_BATCH = 8;
/** How many times a write that met the lock (a big import starting, another app) is tried again before it fails. */
const MAX_BUSY_TRIES = 3;

/**
 * Group commit: the joins and submissions waiting when the event loop comes round are written in
 * one transaction, each still all-or-nothing in a savepoint of its own, so a burst of phones costs
 * one sync to disk per batch instead of one each — and nobody is answered before their write is on
 * disk. Submissions go first (someone's finished weights, perhaps as the timer runs out), then
 * joins; a batch holds at most MAX_BATCH, and the server reads what has arrived before the next.
 */
class CommitBatch {
  #first: Queued[] = [];
  #then: Queued[] = [];
  #scheduled = false;
  constructor(
    private readonly db: Db,
    private readonly pauseBulkWrite: () => Promise<() => void> | null = () => null,
  ) {}

  run<T>(work: () => T, urgent: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (urgent ? this.#first : this.#then).push({ work, tries: 0, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      // A big import or copy holds the write lock most of the time: write while it waits.
      const paused = this.pauseBulkWrite();
      if (paused) {
        this.#scheduled = true;
        void paused.then((release) => {
          this.#scheduled = false;
          try {
            this.#flush();
          } finally {
            release();
          }
          if (this.#first.length + this.#then.length > 0) this.#schedule();
        });
        return;
      }
      this.#flush();
      if (this.#first.length + this.#then.length > 0) this.#schedule();
    });
  }

  #flush(): void {
    const queue = this.#first.splice(0, MAX_BATCH);
    queue.push(...this.#then.splice(0, MAX_BATCH - queue.length));
    let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
    try {
      outcomes = inTransaction(this.db, () =>
        queue.map((item) => {
          try {
            return { ok: true as const, value: inTransaction(this.db, item.work) };
          } catch (error) {
            return { ok: false as const, error };
          }
        }),
      );
    } catch (error) {
      for (const item of queue) item.reject(error);
      return;
    }
    queue.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      // A big import took the lock between the check and this write: written again, while it waits.
      else if (isStoreBusyError(outcome.error) && item.tries++ < MAX_BUSY_TRIES) this.#first.push(item);
      else item.reject(outcome.error);
    });
  }
}
interface Queued {
  work: () => unknown;
  /** How many times it met a write lock taken (a big import starting) and was put back. */
  tries: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export async function startWorkshopServer(options: WorkshopServerOptions): Promise<WorkshopServer> {
  const { db } = options;
  const limits = options.limits ?? {};
  const joins = new RateLimiter(limits.joinsPerAddress ?? 20, 60_000);
  const wrongCodes = new RateLimiter(limits.wrongCodesPerAddress ?? 10, 60_000);
  const perRound = new PerRoundQuota(limits.joinsPerAddressPerRound ?? 3);
  const perToken = new RateLimiter(limits.callsPerToken ?? 120, 60_000);
  const perAddress = new RateLimiter(limits.callsPerAddress ?? 600, 60_000);
  const batch = new CommitBatch(db, options.pauseBulkWrite);
  let ownHost = '';

  const server = createServer(async (request, response) => {
    try {
      if (request.headers.host?.toLowerCase() !== ownHost) return refuse(response, 403, 'forbidden', 'Wrong host.');
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${ownHost}`) return refuse(response, 403, 'forbidden', 'Requests from other sites are refused.');
      const address = request.socket.remoteAddress ?? 'unknown';
      const url = new URL(request.url ?? '/', 'http://placeholder');

      if (request.method === 'GET' && !url.pathname.startsWith('/w/')) {
        if (url.pathname === '/join' && codeIsClosed(db, url.searchParams.get('code') ?? '')) return sendClosedPage(response);
        const page = url.pathname === '/' || url.pathname === '/join' ? '/participant.html' : url.pathname;
        if (page !== '/participant.html' && !page.startsWith('/assets/')) return refuse(response, 404, 'not-found', 'Not found.');
        return serveStatic(options.staticDir, page, response, false, request.headers['accept-encoding']);
      }
      if (request.method !== 'POST') return refuse(response, 405, 'invalid-input', 'Use POST.');
      const limited = limits.limitLoopback === true || !isLoopback(address);
      if (limited && !perAddress.allow(address)) return refuse(response, 429, 'forbidden', 'Too many requests from this device; wait a minute.');
      const token = typeof request.headers[PARTICIPANT_TOKEN_HEADER] === 'string' ? (request.headers[PARTICIPANT_TOKEN_HEADER] as string) : undefined;

      if (url.pathname === '/w/join') {
        // Only wrong codes count toward this limit, so a few typos never block the right code; past
        // it, every join from the address waits out the minute (else the refusals would tell a
        // guesser which code is right).
        if (limited && wrongCodes.exhausted(address)) return refuse(response, 429, 'forbidden', 'Too many wrong codes from this device; wait a minute, then check the code on the screen.');
        if (limited && joins.exhausted(address)) return refuse(response, 429, 'forbidden', 'Too many joins from this device; wait a minute.');
        // Counted as a wrong code until it proves right, and as a new join until it proves a rejoin or
        // a refusal, so attempts sent all at once are all counted before any is looked up.
        if (limited) {
          wrongCodes.allow(address);
          joins.allow(address);
        }
        const read = await readJson(request);
        if ('problem' in read) {
          if (limited) {
            wrongCodes.refund(address);
            joins.refund(address);
          }
          return refuse(response, read.problem[0], 'invalid-input', read.problem[1]);
        }
        const admit = (roundId: number) => {
          if (!limited) return true;
          if (!perRound.allows(roundId, address)) return false;
          perRound.count(roundId, address);
          return true;
        };
        const joined = await batch.run(() => join(db, read.body, { token, admit }), false);
        if (limited && !(!joined.ok && joined.error.code === 'not-found')) wrongCodes.refund(address);
        if (limited && !(joined.ok && !joined.value.rejoined)) joins.refund(address);
        if (joined.ok && !joined.value.rejoined) options.onChange?.();
        return reply(response, joined.ok ? { ok: true, value: { token: joined.value.token, rejoined: joined.value.rejoined } } : joined);
      }
      if (token !== undefined && !perToken.allow(token)) return refuse(response, 429, 'forbidden', 'Too many requests; wait a minute.');
      if (url.pathname === '/w/round') return reply(response, participantView(db, token));
      if (url.pathname === '/w/submit') {
        const read = await readJson(request);
        if ('problem' in read) return refuse(response, read.problem[0], 'invalid-input', read.problem[1]);
        const submitted = await batch.run(() => submit(db, token, read.body), true);
        if (submitted.ok) options.onChange?.();
        return reply(response, submitted);
      }
      return refuse(response, 404, 'not-found', 'Not found.');
    } catch (error) {
      console.error('decision-matrix workshop: request failed', error);
      if (!response.headersSent) refuse(response, 500, 'internal', 'The request failed unexpectedly.');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ownHost = `${options.hostname}:${port}`;
  return {
    url: `http://${ownHost}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
