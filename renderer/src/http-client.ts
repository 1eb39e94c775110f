import type { Client, MethodName } from '../../core/contract';
import { API_TOKEN_HEADER, apiRoute } from '../../core/transport';
import type { Result } from '../../core/result';

const TOKEN_KEY = 'decision-matrix-token';

/**
 * The host prints a link with the token in the fragment (#token=…). Keep it for this tab's
 * session and take it out of the address bar so it is not shared by accident.
 */
export function takeTokenFromLocation(): string {
  // The printed link pasted into a tab already open (one that said the token was missing) changes
  // only the fragment, which loads nothing: start again, so the link works as it does in a new tab.
  addEventListener('hashchange', () => {
    if (/(?:^#|&)token=/.test(location.hash)) location.reload();
  });
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!match) return sessionStorage.getItem(TOKEN_KEY) ?? '';
  history.replaceState(null, '', location.pathname + location.search);
  // Kept for a reload once the first screen is drawn: a page's first use of sessionStorage waits
  // on the browser (tens of milliseconds of a cold start on a busy machine). As the page goes, at the latest.
  const keep = () => sessionStorage.setItem(TOKEN_KEY, match[1]);
  const timer = setTimeout(keep, 1000);
  addEventListener('pagehide', () => (clearTimeout(timer), keep()), { once: true });
  return match[1];
}

export function createHttpClient(token: string): Client {
  const call = async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(apiRoute(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: token },
        body: JSON.stringify(input),
        // Weight changes are flushed as the page closes; keepalive lets that request finish.
        keepalive: name === 'setWeights' || name === 'setWeighting',
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The app's server did not answer (${(error as Error).message}).` } };
    }
  };
  // A method for every name, without the contract's list at run time: that would load every
  // schema (zod) before the first screen. The host refuses a name it does not know. Not
  // thenable, so the client can pass through await and Promise.resolve unchanged.
  const methods = new Map<string, (input: unknown) => Promise<Result<unknown>>>();
  return new Proxy({} as Client, {
    get: (_target, name) => {
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) methods.set(name, (method = (input: unknown) => call(name as MethodName, input)));
      return method;
    },
  });
}

export function createPdfFetcher(token: string): (decisionId: number) => Promise<Result<Blob>> {
  return async (decisionId) => {
    try {
      const response = await fetch('/export/pdf', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_TOKEN_HEADER]: token },
        body: JSON.stringify({ decisionId }),
      });
      if (!response.ok) return (await response.json()) as Result<Blob>;
      return { ok: true, value: await response.blob() };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The app's server did not answer (${(error as Error).message}).` } };
    }
  };
}

/** Server-sent events from the host (EventSource cannot send headers; the token goes in the query). */
export function createEventSubscriber(token: string): (event: string, listener: () => void) => () => void {
  // Opened at once, so no event is missed between an action and the first listener.
  const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
  return (event, listener) => {
    source.addEventListener(event, listener);
    return () => source.removeEventListener(event, listener);
  };
}
