import type { Client } from '../../core/contract';
import { createHttpClient, takeTokenFromLocation } from './http-client';

declare global {
  interface Window {
    /** Set by the Electron preload: one function per contract method. */
    decisionMatrix?: Client;
  }
}

/** The preload bridge in the desktop app, the loopback HTTP API in a browser. */
export function createClient(): Client {
  return window.decisionMatrix ?? createHttpClient(takeTokenFromLocation());
}
