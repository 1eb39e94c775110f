import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Checks for the loopback host. A page on another site can make a browser send requests to
 * 127.0.0.1 (and DNS rebinding can make it look same-origin), so every request must name our
 * exact host:port and, when the browser sends an Origin, come from our own origin.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostIsAllowed(request: IncomingMessage, hosts: Set<string>): boolean {
  return typeof request.headers.host === 'string' && hosts.has(request.headers.host.toLowerCase());
}

export function originIsAllowed(request: IncomingMessage, hosts: Set<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((host) => origin === `http://${host}`);
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
