import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import { StoreOpenError } from '../../db/connection';
import { openDecisionStore } from '../../db/seed';
import { databaseFile, DATA_DIR_VARIABLE } from '../data-folder';
import { createDispatch } from '../service/dispatch';
import { createHandlers } from '../service/handlers';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { registerContractHandlers } from './ipc';
import { installMenu } from './menu';
import { createSecureWindow } from './secure-window';
import { APP_ORIGIN } from './url-guard';

/** The desktop shell: kept thin, because these machines cannot run it (see README). */

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

let mainWindow: ReturnType<typeof createSecureWindow> | null = null;

function openMainWindow(): void {
  mainWindow = createSecureWindow({ width: 1280, height: 860, minWidth: 800, minHeight: 560, show: false, title: 'Decision Matrix' });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const folder = process.env[DATA_DIR_VARIABLE] || app.getPath('userData');
  let db;
  try {
    db = openDecisionStore(databaseFile(folder));
  } catch (error) {
    const message = error instanceof StoreOpenError ? error.message : `The data file could not be opened: ${(error as Error).message}`;
    dialog.showErrorBox('Decision Matrix cannot open its data', message);
    app.exit(1);
    return;
  }
  app.on('will-quit', () => db.close());
  registerContractHandlers(createDispatch(createHandlers(db)));
  serveAppScheme(join(import.meta.dirname, '..', 'renderer'));
  installMenu();
  openMainWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('activate', () => {
  if (mainWindow === null && app.isReady()) openMainWindow();
});
