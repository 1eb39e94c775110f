import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Resolves a URL path inside root, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return target === base || target.startsWith(base + sep) ? target : null;
}

/** Built assets are named by a hash of their content (Vite), so a browser may keep them for good. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.(js|css)$/;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json']);

/**
 * Compressed copies, made on first request and kept while the file is unchanged (size and mtime):
 * brotli at a quality that costs milliseconds, not the hundreds that the maximum does.
 */
const compressed = new Map<string, { stamp: string; body: Buffer }>();

function compressedCopy(file: string, stats: Stats, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${file}`;
  const stamp = `${stats.size}:${stats.mtimeMs}`;
  const kept = compressed.get(key);
  if (kept?.stamp === stamp) return kept.body;
  const raw = readFileSync(file);
  const body = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipSync(raw, { level: 6 });
  compressed.set(key, { stamp, body });
  return body;
}

function acceptedEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase()));
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse, headOnly: boolean, acceptEncoding?: string): void {
  const path = urlPath === '/' ? '/index.html' : urlPath;
  const file = resolveInside(root, path);
  const stats = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stats?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const extension = extname(file);
  const encoding = COMPRESSIBLE.has(extension) && stats.size > 1024 ? acceptedEncoding(acceptEncoding) : null;
  const body = encoding ? compressedCopy(file, stats, encoding) : null;
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-length': body?.length ?? stats.size,
    ...(encoding ? { 'content-encoding': encoding } : {}),
    vary: 'accept-encoding',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Pages are small and name the current assets, so they are always asked for again.
    'cache-control': HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : extension === '.html' ? 'no-store' : 'no-cache',
  });
  if (headOnly) response.end();
  else if (body) response.end(body);
  else createReadStream(file).pipe(response);
}
