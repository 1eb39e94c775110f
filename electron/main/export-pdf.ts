import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { fileNameFor } from '../../core/file-name';
import { openDecisionId } from './desktop-commands';
import { createSecureWindow } from './secure-window';
import { APP_ORIGIN } from './url-guard';

const READY_POLL_MS = 50;
const READY_TIMEOUT_MS = 20_000;

async function waitForReport(window: BrowserWindow): Promise<void> {
  const started = Date.now();
  for (;;) {
    const state = await window.webContents.executeJavaScript('document.documentElement.dataset.reportReady ?? null');
    if (state === 'true') return;
    if (state === 'error') throw new Error('the report page could not render this decision');
    if (Date.now() - started > READY_TIMEOUT_MS) throw new Error('the report page did not finish rendering');
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
}

/**
 * File → Export PDF…: asks where to save, renders the report page in a hidden window made by the
 * same secure factory, prints it with Chromium's printToPDF and writes the file. The window's
 * progress bar runs meanwhile. (Not run on the build machines: no Electron binary there.)
 */
export async function exportPdfFromWindow(owner: BrowserWindow): Promise<void> {
  const decisionId = await openDecisionId(owner);
  if (decisionId === null) {
    await dialog.showMessageBox(owner, { type: 'info', message: 'Open a decision first, then export it.' });
    return;
  }
  const title = (await owner.webContents.executeJavaScript(`document.querySelector('.decision-title')?.value ?? 'decision'`)) as string;
  const { canceled, filePath } = await dialog.showSaveDialog(owner, {
    title: 'Export PDF',
    defaultPath: fileNameFor(title, 'pdf'),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return;
  owner.setProgressBar(2, { mode: 'indeterminate' });
  const printer = createSecureWindow({ show: false });
  try {
    await printer.loadURL(`${APP_ORIGIN}/report.html?decision=${decisionId}`);
    await waitForReport(printer);
    const pdf = await printer.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576"><span class="title"></span></div>',
      footerTemplate: '<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576;text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    await writeFile(filePath, pdf);
  } catch (error) {
    dialog.showErrorBox('The PDF could not be exported', (error as Error).message);
  } finally {
    printer.destroy();
    owner.setProgressBar(-1);
  }
}
