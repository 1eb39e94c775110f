import { existsSync } from 'node:fs';

/** Debian's Chromium unless CHROMIUM_PATH names another; Playwright downloads no browser here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumIsInstalled(): boolean {
  return existsSync(chromiumPath);
}
