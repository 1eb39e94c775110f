import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import type { Browser } from 'playwright-core';
import type { HttpHost } from '../http/server';

export type PaperFormat = 'A4' | 'Letter';

/** Header and footer templates are Chromium's own: .title and .pageNumber are filled in as text. */
const HEADER = `<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576;font-family:system-ui,sans-serif;overflow:hidden;white-space:nowrap;text-overflow:ellipsis"><span class="title"></span></div>`;
const FOOTER = `<div style="font-size:8px;width:100%;padding:0 14mm;color:#5b6576;font-family:system-ui,sans-serif;text-align:right">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/**
 * Prints report pages served by a running host to PDF with headless Chromium. The browser is
 * started on first use and kept for the next export (the browser host prints many); close()
 * stops it.
 */
export class ReportPrinter {
  #browser: Promise<Browser> | null = null;

  constructor(private readonly host: HttpHost) {}

  #launch(): Promise<Browser> {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      return Promise.reject(new Error(`Chromium was not found at ${executablePath}; install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`));
    }
    // Loaded on demand: playwright-core takes longer to load than every other command needs to run.
    return import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  }

  async print(decisionId: number, format: PaperFormat): Promise<Buffer> {
    this.#browser ??= this.#launch();
    let browser: Browser;
    try {
      browser = await this.#browser;
    } catch (error) {
      this.#browser = null;
      throw error;
    }
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // The report needs nothing beyond its own host.
      await page.route('**/*', (route) => (route.request().url().startsWith(this.host.url) ? route.continue() : route.abort()));
      await page.goto(`${this.host.url}/report.html?decision=${decisionId}#token=${this.host.token}`);
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
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
