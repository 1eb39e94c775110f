import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { HttpHost } from '../http/server';

export type PaperFormat = 'A4' | 'Letter';

/** The Chromium that prints reports outside the desktop app (Playwright downloads none here). */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Header and footer templates are Chromium's own: .title and .pageNumber are filled in as text. */
const HEADER = `<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576;font-family:system-ui,sans-serif;overflow:hidden;white-space:nowrap;text-overflow:ellipsis"><span class="title"></span></div>`;
const FOOTER = `<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576;font-family:system-ui,sans-serif;text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/**
 * Prints the report page of one decision, served by a running host, to PDF with headless
 * Chromium. The page is only printed once it says its charts are drawn.
 */
export async function printReportPdf(host: HttpHost, decisionId: number, format: PaperFormat): Promise<Buffer> {
  const executablePath = chromiumExecutable();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium was not found at ${executablePath}; install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The report needs nothing beyond its own host.
    await page.route('**/*', (route) => (route.request().url().startsWith(host.url) ? route.continue() : route.abort()));
    await page.goto(`${host.url}/report.html?decision=${decisionId}#token=${host.token}`);
    await page.waitForFunction(() => document.documentElement.dataset.reportReady !== undefined, undefined, { timeout: 20_000 });
    if ((await page.evaluate(() => document.documentElement.dataset.reportReady)) !== 'true') {
      throw new Error((await page.locator('[role="alert"]').textContent()) ?? 'the report page could not render');
    }
    return await page.pdf({
      format,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: HEADER,
      footerTemplate: FOOTER,
      margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
