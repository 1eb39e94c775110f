import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { isAppUrl, mayOpenExternally } from './url-guard';

/** Web preferences every window gets; nothing may turn them off. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The only place a BrowserWindow is created. */
export function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {}): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '..', 'preload', 'preload.cjs') },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  return window;
}
