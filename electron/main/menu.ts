import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Theme } from './window-state';
import { exportFile, importFile, openDataFolder, setTheme, showAbout, showDecision, startNewDecision, type DesktopContext } from './desktop-commands';
import { exportPdfFromWindow } from './export-pdf';
import { HISTORY_MENU_EVENT } from '../../core/transport';

const RECENT_COUNT = 8;

/** Runs a command on the window the menu was used from. */
const onWindow =
  (command: (window: BrowserWindow) => unknown) =>
  (_item: unknown, window: unknown): void => {
    if (window instanceof BrowserWindow) void command(window);
  };

/**
 * Asks the page to undo or redo (renderer/src/history-keys.ts): in a text field it runs the
 * field's own text undo, elsewhere the decision's. A key press the page took itself (Ctrl+Z
 * outside a text field) never reaches the menu, so a change is never undone twice.
 */
export function sendHistoryCommand(window: BrowserWindow, command: 'undo' | 'redo'): Promise<unknown> {
  return window.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent(${JSON.stringify(HISTORY_MENU_EVENT)}, { detail: ${JSON.stringify(command)} }))`);
}

/** The Edit menu: Undo and Redo go to the page (the decision's steps, or a text field's), the rest are the usual roles. */
function editMenu(isMac: boolean): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: onWindow((w) => sendHistoryCommand(w, 'undo')) },
      { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: onWindow((w) => sendHistoryCommand(w, 'redo')) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
}

/** The application menu, rebuilt when the window gains focus so Open Recent stays current. */
export function installMenu(ctx: DesktopContext): void {
  const isMac = process.platform === 'darwin';
  const recent = ctx.handlers.listDecisions({});
  const recentItems: MenuItemConstructorOptions[] = recent.ok
    ? recent.value.slice(0, RECENT_COUNT).map((d) => ({ label: d.title.slice(0, 80), click: onWindow((w) => showDecision(w, d.id)) }))
    : [];
  const theme = (value: Theme, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: ctx.settings.theme === value,
    click: () => setTheme(ctx, value),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Decision', accelerator: 'CmdOrCtrl+N', click: onWindow(startNewDecision) },
        { label: 'Open Recent', submenu: recentItems.length > 0 ? recentItems : [{ label: 'No decisions yet', enabled: false }] },
        { type: 'separator' },
        { label: 'Import Decision (JSON)…', accelerator: 'CmdOrCtrl+O', click: onWindow((w) => importFile(ctx, w, 'json')) },
        { label: 'Import Spreadsheet (XLSX, CSV)…', click: onWindow((w) => importFile(ctx, w, 'spreadsheet')) },
        { type: 'separator' },
        { label: 'Export PDF…', accelerator: 'CmdOrCtrl+P', click: onWindow(exportPdfFromWindow) },
        { label: 'Export JSON…', accelerator: 'CmdOrCtrl+Shift+E', click: onWindow((w) => exportFile(ctx, w, 'json')) },
        { label: 'Export XLSX…', click: onWindow((w) => exportFile(ctx, w, 'xlsx')) },
        { label: 'Export CSV…', click: onWindow((w) => exportFile(ctx, w, 'csv')) },
        { label: 'Export Markdown Record…', click: onWindow((w) => exportFile(ctx, w, 'md')) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    editMenu(isMac),
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { label: 'Theme', submenu: [theme('system', 'Follow the System'), theme('light', 'Light'), theme('dark', 'Dark')] },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'About Decision Matrix', click: showAbout },
        { type: 'separator' },
        { label: 'Open Data Folder', click: () => openDataFolder(ctx, false) },
        { label: 'Open Backups Folder', click: () => openDataFolder(ctx, true) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
