import type { Client } from '../../core/contract';
import type { Result } from '../../core/result';
import { createEventSubscriber, createHttpClient, createPdfFetcher, takeTokenFromLocation } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload: one function per contract method. */
    decisionMatrix?: Client;
  }
}

export interface Connection {
  client: Client;
  /** Prints a decision's report to PDF on the host, where the host can (the browser host). */
  fetchReportPdf: ((decisionId: number) => Promise<Result<Blob>>) | null;
  /** Live events from the host (the browser host); null where there are none and pages poll. */
  subscribe: ((event: string, listener: () => void) => () => void) | null;
}

/** The preload bridge in the desktop app, the loopback HTTP API in a browser. */
export function connect(): Connection {
  if (window.decisionMatrix) return { client: window.decisionMatrix, fetchReportPdf: null, subscribe: null };
  const token = takeTokenFromLocation();
  return { client: createHttpClient(token), fetchReportPdf: createPdfFetcher(token), subscribe: createEventSubscriber(token) };
}

export function createClient(): Client {
  return connect().client;
}
