import { app, dialog, nativeTheme, screen, session } from 'electron';
import { join } from 'node:path';
import { backUpDaily } from '../../db/backups';
import { StoreOpenError, type OpenedStore } from '../../db/connection';
import { markStoreOpen } from '../../db/open-marks';
import { restoreBackup } from '../../db/restore';
import { openAppStore } from '../../db/seed';
import { databaseFile, DATA_DIR_VARIABLE } from '../../hosts/shared/data-folder';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { startBulkWriter } from '../../service/bulk/bulk-writer';
import { lanAddress, WorkshopController } from '../../hosts/workshop/controller';
import { readSettings, visibleBounds, writeSettings } from './window-state';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import type { DesktopContext } from './desktop-commands';
import { registerContractHandlers } from './ipc';
import { installMenu } from './menu';
import { createSecureWindow } from './secure-window';
import { APP_ORIGIN } from './url-guard';

/** The desktop shell: kept thin, because these machines cannot run it (see README). */

if (!app.requestSingleInstanceLock()) app.quit();
registerAppScheme();

let mainWindow: ReturnType<typeof createSecureWindow> | null = null;

function openMainWindow(ctx: DesktopContext): void {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = visibleBounds(ctx.settings.bounds, displays);
  mainWindow = createSecureWindow({ width: 1280, height: 860, ...bounds, minWidth: 800, minHeight: 560, show: false, title: 'Decision Matrix' });
  if (ctx.settings.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('focus', () => installMenu(ctx));
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    ctx.settings.maximized = mainWindow.isMaximized();
    if (!ctx.settings.maximized) ctx.settings.bounds = mainWindow.getBounds();
    writeSettings(ctx.settingsFile, ctx.settings);
  });
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A damaged store with a good backup: the one-step restore, offered where the error is shown. Then the app starts again. */
async function offerRestore(file: string, error: StoreOpenError, backup: string): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Decision Matrix cannot open its data',
    message: 'The data file is damaged.',
    detail: error.message.replace(/ To put it in place, close the app and run: .*$/, ' Restore it now? The damaged file is kept beside it under a new name.'),
    buttons: ['Restore the backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response === 0) {
    try {
      restoreBackup(file, backup);
      app.relaunch();
    } catch (restoreError) {
      dialog.showErrorBox('The backup could not be restored', (restoreError as Error).message);
    }
  }
  app.exit(response === 0 ? 0 : 1);
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const folder = process.env[DATA_DIR_VARIABLE] || app.getPath('userData');
  let store: OpenedStore;
  // Marked before opening (which may migrate or seed), so `decision-matrix restore` never swaps the store under the app.
  const unmark = markStoreOpen(databaseFile(folder));
  try {
    store = openAppStore(databaseFile(folder));
  } catch (error) {
    unmark();
    if (error instanceof StoreOpenError && error.latestGoodBackup) return void offerRestore(databaseFile(folder), error, error.latestGoodBackup);
    const message = error instanceof StoreOpenError ? error.message : `The data file could not be opened: ${(error as Error).message}`;
    dialog.showErrorBox('Decision Matrix cannot open its data', message);
    app.exit(1);
    return;
  }
  const { db, readOnly } = store;
  // A store opened read-only takes no writes to lose.
  if (readOnly) unmark();
  app.on('will-quit', () => {
    db.close();
    unmark();
  });
  if (readOnly) {
    void dialog.showMessageBox({
      type: 'info',
      title: 'Decision Matrix opened its data read-only',
      message: `The data file is read-only: ${readOnly}.`,
      detail: 'Your decisions can be viewed and exported, but changes cannot be saved. Make the file and its folder writable, then start the app again.',
    });
  } else {
    void backUpDaily(db, folder).catch((error) => console.error('decision-matrix: daily backup failed', error));
  }
  // Big imports and copies are written by a worker thread (dist/node/bulk-worker.mjs), so the window's other calls are answered meanwhile.
  const bulk = readOnly ? undefined : startBulkWriter(db, databaseFile(folder));
  app.on('before-quit', () => void bulk?.close());
  const pauseBulkWrite = () => bulk?.pause() ?? null;
  const workshop = new WorkshopController(db, { hostname: lanAddress(), port: 0, staticDir: join(import.meta.dirname, '..', 'renderer'), pauseBulkWrite });
  if (!readOnly) void workshop.roundsChanged();
  app.on('before-quit', () => void workshop.close());
  const handlers = createHandlers(db, workshop, bulk);
  registerContractHandlers(createDispatch(handlers, { readOnly, pauseBulkWrite }));
  serveAppScheme(join(import.meta.dirname, '..', 'renderer'));
  const settingsFile = join(folder, 'desktop.json');
  const ctx: DesktopContext = { handlers, dataFolder: folder, settingsFile, settings: readSettings(settingsFile) };
  nativeTheme.themeSource = ctx.settings.theme;
  installMenu(ctx);
  openMainWindow(ctx);
  app.on('activate', () => {
    if (mainWindow === null) openMainWindow(ctx);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
