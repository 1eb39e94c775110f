import { app, dialog, nativeTheme, shell, type BrowserWindow } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../core/contract';
import { fileNameFor } from '../../core/file-name';
import { MAX_IMPORT_FILE_BYTES, sizeInWords } from '../../core/transport';
import { decisionRecordMarkdown } from '../../core/markdown';
import { buildReport } from '../../core/report';
import { BACKUP_FOLDER_NAME } from '../../db/backups';
import { writeSettings, type DesktopSettings, type Theme } from './window-state';
import { APP_ORIGIN } from './url-guard';

/** Files larger than this are refused before they are read (as in the browser and the CLI). */

export interface DesktopContext {
  handlers: Handlers;
  dataFolder: string;
  settingsFile: string;
  settings: DesktopSettings;
}

/** Opens a decision in the window (the renderer reads #decision=ID when it loads). */
export function showDecision(window: BrowserWindow, decisionId: number): void {
  void window.loadURL(`${APP_ORIGIN}/index.html#decision=${decisionId}`);
}

export function startNewDecision(window: BrowserWindow): void {
  void window.loadURL(`${APP_ORIGIN}/index.html#new`);
}

/** The decision open in a window: the renderer marks it on its root element. */
export async function openDecisionId(window: BrowserWindow): Promise<number | null> {
  const id = await window.webContents.executeJavaScript(`document.querySelector('[data-open-decision]')?.dataset.openDecision ?? null`);
  return id === null ? null : Number(id);
}

/** The decision's title from a file's name: the name without its extension. */
const titleFromPath = (path: string) => path.split(/[\\/]/).pop()!.replace(/\.(json|csv|tsv|xlsx)$/i, '') || 'Imported decision';

export async function importFile(ctx: DesktopContext, window: BrowserWindow, kind: 'json' | 'spreadsheet'): Promise<void> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: kind === 'json' ? 'Import a decision' : 'Import a spreadsheet',
    properties: ['openFile'],
    filters: kind === 'json' ? [{ name: 'Decision (JSON)', extensions: ['json'] }] : [{ name: 'Spreadsheet (XLSX, CSV)', extensions: ['xlsx', 'csv', 'tsv'] }],
  });
  if (canceled || filePaths.length === 0) return;
  const path = filePaths[0];
  const size = (await stat(path)).size;
  if (size > MAX_IMPORT_FILE_BYTES) return dialog.showErrorBox('Not imported', `${path}: ${size} bytes is over the ${sizeInWords(MAX_IMPORT_FILE_BYTES)} limit.`);
  if (kind === 'json') {
    // Read, checked and stored by the bulk worker: a big file blocks nothing meanwhile.
    const result = await ctx.handlers.importDecision({ text: await readFile(path, 'utf8') });
    if (!result.ok) return dialog.showErrorBox('Not imported', `${path}: ${result.error.message}`);
    return showDecision(window, result.value.decision.id);
  }
  const title = titleFromPath(path);
  const result = /\.xlsx$/i.test(path)
    ? await ctx.handlers.importXlsx({ title, base64: (await readFile(path)).toString('base64') })
    : await ctx.handlers.importCsv({ title, text: await readFile(path, 'utf8') });
  if (!result.ok) return dialog.showErrorBox('Not imported', `${path}: ${result.error.message}`);
  // Columns left out, scales not given …: said before the decision opens, so nothing is a surprise.
  if (result.value.notes.length > 0) await dialog.showMessageBox(window, { type: 'info', message: `Imported ${path}`, detail: result.value.notes.join('\n') });
  showDecision(window, result.value.decision.id);
}

export async function exportFile(ctx: DesktopContext, window: BrowserWindow, format: 'json' | 'csv' | 'xlsx' | 'md'): Promise<void> {
  const decisionId = await openDecisionId(window);
  if (decisionId === null) return void dialog.showMessageBox(window, { type: 'info', message: 'Open a decision first, then export it.' });
  const decision = ctx.handlers.getDecision({ decisionId });
  if (!decision.ok) return dialog.showErrorBox('Not exported', decision.error.message);
  let content: string | Buffer;
  if (format === 'json') {
    const document = ctx.handlers.exportDecision({ decisionId });
    if (!document.ok) return dialog.showErrorBox('Not exported', document.error.message);
    content = `${JSON.stringify(document.value, null, 2)}\n`;
  } else if (format === 'csv') {
    const csv = ctx.handlers.exportCsv({ decisionId });
    if (!csv.ok) return dialog.showErrorBox('Not exported', csv.error.message);
    content = csv.value.text;
  } else if (format === 'xlsx') {
    const workbook = await ctx.handlers.exportXlsx({ decisionId });
    if (!workbook.ok) return dialog.showErrorBox('Not exported', workbook.error.message);
    content = Buffer.from(workbook.value.base64, 'base64');
  } else {
    const rounds = ctx.handlers.listRounds({ decisionId });
    const report = buildReport(decision.value, rounds.ok ? rounds.value : []);
    if (!report.ok) return dialog.showErrorBox('Not exported', report.error.message);
    content = decisionRecordMarkdown(report.value, new Date());
  }
  const { canceled, filePath } = await dialog.showSaveDialog(window, { defaultPath: fileNameFor(decision.value.title, format) });
  if (canceled || !filePath) return;
  await writeFile(filePath, content);
}

export function setTheme(ctx: DesktopContext, theme: Theme): void {
  nativeTheme.themeSource = theme;
  ctx.settings.theme = theme;
  writeSettings(ctx.settingsFile, ctx.settings);
}

export function openDataFolder(ctx: DesktopContext, backups: boolean): void {
  void shell.openPath(backups ? join(ctx.dataFolder, BACKUP_FOLDER_NAME) : ctx.dataFolder);
}

export function showAbout(): void {
  app.setAboutPanelOptions({ applicationName: 'Decision Matrix', applicationVersion: app.getVersion(), copyright: 'Local-first decisions for teams.' });
  app.showAboutPanel();
}
