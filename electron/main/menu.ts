import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { exportPdfFromWindow } from './export-pdf';

/** The application menu: the usual edit and view roles, and File → Export PDF…. */
export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Export PDF…',
          accelerator: 'CmdOrCtrl+P',
          click: (_item, window) => {
            if (window instanceof BrowserWindow) void exportPdfFromWindow(window);
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
