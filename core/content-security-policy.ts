/**
 * The app's one Content-Security-Policy: sent as a header by the browser host, the workshop
 * server and the desktop app's app:// scheme, and written into every HTML entry's <meta> at build
 * (vite.config.ts), so the pages cannot drift apart. A <meta> policy ignores frame-ancestors
 * (and Chromium warns about it), so the meta copy leaves it out.
 */
const DIRECTIVES: readonly [name: string, value: string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Svelte's style: directives and chart.js set inline styles.
  ['style-src', "'self' 'unsafe-inline'"],
  // The QR code and the charts are data: and blob: images.
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];
const HEADER_ONLY = new Set(['frame-ancestors']);

const policy = (directives: readonly [string, string][]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);
export const CONTENT_SECURITY_POLICY_META = policy(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
/** What each HTML entry holds in its meta tag until the build writes the policy in. */
export const CONTENT_SECURITY_POLICY_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';
