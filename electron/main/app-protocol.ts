import { net, protocol } from 'electron';
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';
import { resolveInside } from '../../hosts/shared/static-files';
import { APP_HOST, APP_SCHEME } from './url-guard';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer on app://decision-matrix/, refusing any path outside it. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    // net.fetch rejects for a missing file or a folder; answer those as not found, like the browser host.
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
