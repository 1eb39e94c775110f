import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { describeIssue } from '../../core/interchange';
import { API_TOKEN_HEADER, MAX_API_BODY_BYTES, sizeInWords, STATUS_BY_ERROR_CODE } from '../../core/transport';
import type { ErrorCode, Result } from '../../core/result';
import type { Dispatch } from '../../service/dispatch';
import { allowedHosts, hostIsAllowed, originIsAllowed, tokenMatches } from '../shared/security';
import { serveStatic } from '../shared/static-files';


export interface HttpHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** The access token (the CLI keeps one in the data folder: hosts/web/token-file.ts); when left out, 256 random bits for this run. */
  token?: string;
  /** Prints a decision's report to PDF; POST /export/pdf answers with the file when set. */
  exportPdf?: (decisionId: number, paper: 'A4' | 'Letter') => Promise<Buffer>;
}

const pdfRequestSchema = z.strictObject({ decisionId: z.number().int().positive(), paper: z.enum(['A4', 'Letter']).default('A4') });

export interface HttpHost {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  appUrl: string;
  port: number;
  token: string;
  /** Sends a server-sent event to every page listening on /events (e.g. "rounds" changed). */
  publish(event: string): void;
  close(): Promise<void>;
}

/** Server-sent events keep-alive, under common proxy and browser idle timeouts. */
const EVENTS_HEARTBEAT_MS = 25_000;

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  const status = result.ok ? 200 : STATUS_BY_ERROR_CODE[result.error.code];
  const body = JSON.stringify(result);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

const refuse = (response: ServerResponse, status: number, code: ErrorCode, message: string) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  response.end(JSON.stringify({ ok: false, error: { code, message } }));
};

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the caller answers 413 and the connection is closed after it.
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The browser host: the built renderer plus the contract at POST /api/<method>, on loopback only. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let hosts = new Set<string>();
  const listeners = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const listener of listeners) listener.write(': still here\n\n');
  }, EVENTS_HEARTBEAT_MS);
  heartbeat.unref();

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://placeholder');
      if (!hostIsAllowed(request, hosts)) return refuse(response, 403, 'forbidden', 'This server only answers on its own loopback address.');

      if (url.pathname === '/events') {
        // EventSource cannot send headers, so this one route takes the token as a query parameter.
        if (!originIsAllowed(request, hosts)) return refuse(response, 403, 'forbidden', 'Requests from other sites are refused.');
        if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return refuse(response, 401, 'forbidden', 'Missing or wrong access token.');
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
        return;
      }
      const isApi = url.pathname.startsWith('/api/');
      const isPdf = url.pathname === '/export/pdf' && options.exportPdf !== undefined;
      if (isApi || isPdf) {
        if (request.method !== 'POST') return refuse(response, 405, 'invalid-input', 'API methods are called with POST.');
        if (!originIsAllowed(request, hosts)) return refuse(response, 403, 'forbidden', 'Requests from other sites are refused.');
        if (!tokenMatches(request.headers[API_TOKEN_HEADER], token)) {
          return refuse(response, 401, 'forbidden', 'Missing or wrong access token: open the link that `decision-matrix web` printed.');
        }
        if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(response, 415, 'invalid-input', 'Send the input as application/json.');
        }
        const body = await readBody(request, MAX_API_BODY_BYTES);
        if (body === null) {
          response.once('finish', () => request.destroy());
          return refuse(response, 413, 'invalid-input', `The request is larger than ${sizeInWords(MAX_API_BODY_BYTES)}.`);
        }
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          return refuse(response, 400, 'invalid-input', 'The request body is not valid JSON.');
        }
        if (isApi) return sendResult(response, await options.dispatch(url.pathname.slice('/api/'.length), input));
        const pdfRequest = pdfRequestSchema.safeParse(input);
        if (!pdfRequest.success) return refuse(response, 400, 'invalid-input', describeIssue(pdfRequest.error.issues[0]));
        const found = await options.dispatch('getDecision', { decisionId: pdfRequest.data.decisionId });
        if (!found.ok) return sendResult(response, found);
        let pdf: Buffer;
        try {
          pdf = await options.exportPdf!(pdfRequest.data.decisionId, pdfRequest.data.paper);
        } catch (error) {
          return refuse(response, 500, 'internal', `The PDF could not be made: ${(error as Error).message}`);
        }
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'cache-control': 'no-store' });
        return void response.end(pdf);
      }

      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'invalid-input', 'Only GET is served here.');
      serveStatic(options.staticDir, url.pathname, response, request.method === 'HEAD', request.headers['accept-encoding']);
    } catch (error) {
      console.error('decision-matrix: request failed', error);
      if (!response.headersSent) refuse(response, 500, 'internal', 'The request failed unexpectedly.');
      else response.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${token}`,
    port,
    token,
    publish: (event) => {
      for (const listener of listeners) listener.write(`event: ${event}\ndata: {}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const listener of listeners) listener.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
