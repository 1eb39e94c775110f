import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openDecisionStore } from '../../db/seed';
import { temporaryFolder } from '../../db/test/temporary-store';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { API_TOKEN_HEADER as TOKEN_HEADER, MAX_API_BODY_BYTES as MAX_BODY_BYTES } from '../../core/transport';
import { startHttpHost, type HttpHost } from './server';

const folder = temporaryFolder();
const hosts: HttpHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function host(files: Record<string, string> = {}) {
  const dir = folder();
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  for (const [path, text] of Object.entries(files)) writeFileSync(join(staticDir, path), text);
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const db = openDecisionStore(join(dir, 'store.sqlite'));
  const started = await startHttpHost({ dispatch: createDispatch(createHandlers(db)), staticDir });
  hosts.push(started);
  return started;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw requests, so Host and Origin can be set as an attacker would. */
function send(h: HttpHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: h.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (h: HttpHost, method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(h, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token, ...headers },
    body: JSON.stringify(input),
  });

describe('HTTP host', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment of the printed link', async () => {
    const h = await host();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.appUrl).toBe(`${h.url}/#token=${h.token}`);
    expect(Buffer.from(h.token, 'base64url')).toHaveLength(32);
  });

  it('answers a contract call with its result', async () => {
    const h = await host();
    const reply = await api(h, 'listDecisions', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: [{ title: 'PyTorch vs TensorFlow' }] });
  });

  it.each([
    ['no token', { [TOKEN_HEADER]: '' }, 401],
    ['a wrong token', { [TOKEN_HEADER]: 'x'.repeat(43) }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }, 403],
  ])('refuses a call with %s', async (_, headers, status) => {
    const h = await host();
    const reply = await api(h, 'deleteDecision', { decisionId: 1 }, headers);
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.parse((await api(h, 'listDecisions', {})).body).value).toHaveLength(1);
  });

  it('accepts its own Origin', async () => {
    const h = await host();
    expect((await api(h, 'listDecisions', {}, { origin: h.url })).status).toBe(200);
  });

  it('maps refusals to status codes with the message', async () => {
    const h = await host();
    expect((await api(h, 'getDecision', { decisionId: 999 })).status).toBe(404);
    const bad = await api(h, 'addOption', { decisionId: 1, name: '' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('The name must not be empty.');
    expect((await api(h, 'noSuchMethod', {})).status).toBe(404);
  });

  it('refuses a body declared over the limit before reading it', async () => {
    const h = await host();
    const reply = await send(h, {
      method: 'POST',
      path: '/api/createDecision',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token, 'content-length': String(MAX_BODY_BYTES + 1) },
      body: '{"title":"x"}',
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toBe('The request is larger than 5 MB.');
    expect(JSON.parse((await api(h, 'listDecisions', {})).body).value).toHaveLength(1);
  });

  it('refuses malformed JSON and GET on the API', async () => {
    const h = await host();
    const malformed = await send(h, { method: 'POST', path: '/api/listDecisions', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token }, body: '{' });
    expect(malformed.status).toBe(400);
    expect((await send(h, { path: '/api/listDecisions' })).status).toBe(405);
  });

  it('serves the renderer with a Content-Security-Policy, and nothing outside it', async () => {
    const h = await host();
    const index = await send(h, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00index.html']) {
      const reply = await send(h, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});

describe('server-sent events', () => {
  it('refuses a listener without the token', async () => {
    const h = await host();
    expect((await send(h, { path: '/events?token=wrong' })).status).toBe(401);
  });

  it('delivers published events to listeners', async () => {
    const h = await host();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, path: `/events?token=${h.token}` }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('event: rounds')) {
            resolve(text);
            req.destroy();
          } else if (text.includes(': connected')) h.publish('rounds');
        });
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
      req.end();
    });
    expect(await received).toContain('event: rounds\ndata: {}\n\n');
  });
});

describe('the built pages and assets', () => {
  function get(h: HttpHost, path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('are sent compressed when the browser accepts it, and hashed assets may be kept for good', async () => {
    const script = `export const chart = ${JSON.stringify('a bar per option '.repeat(400))};\n`;
    const asset = '/assets/index-DXywHyz7.js';
    const h = await host({ [asset]: script });

    const brotli = await get(h, asset, 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script);
    expect(brotli.body.length).toBeLessThan(script.length / 4);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.vary).toBe('accept-encoding');

    const gzip = await get(h, asset, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get(h, asset);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    // The page names the current assets, so it is never kept.
    const page = await get(h, '/', 'br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
  });
});
