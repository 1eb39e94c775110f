/**
 * Pure URL checks for the desktop shell (no Electron import, so they are unit-tested here).
 * The app's own pages come from app://decision-matrix/; only http(s) links may leave the app,
 * and then only to the OS browser.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'decision-matrix';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a page of the app itself (what may load in a window and send IPC). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** True for a link the OS browser may open: plain http(s) with a host and no credentials. */
export function mayOpenExternally(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
