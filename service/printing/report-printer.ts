import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import type { Browser, Page } from 'playwright-core';

export type PaperFormat = 'A4' | 'Letter';

/** A running host that serves the report page (the browser host): its address and access token. */
export interface ReportHost {
  url: string;
  token: string;
}

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
  #page: Promise<Page> | null = null;
  /** Prints run one at a time on the one page. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: ReportHost) {}

  #launch(): Promise<Browser> {
    const executablePath = chromiumPath();
    if (!existsSync(executablePath)) {
      return Promise.reject(new Error(`Chromium was not found at ${executablePath}; install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`));
    }
    // Loaded on demand: playwright-core takes longer to load than every other command needs to run.
    return import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  }

  /** Starts Chromium and opens the page now, so the first export is as quick as the next. */
  warm(): Promise<void> {
    return this.#ready().then(
      () => undefined,
      () => undefined,
    );
  }

  #ready(): Promise<Page> {
    this.#browser ??= this.#launch();
    this.#page ??= this.#browser.then(async (browser) => {
      const page = await browser.newPage();
      // The report needs nothing beyond its own host.
      await page.route('**/*', (route) => (route.request().url().startsWith(this.host.url) ? route.continue() : route.abort()));
      return page;
    });
    this.#page.catch(() => {
      this.#browser = null;
      this.#page = null;
    });
    return this.#page;
  }

  print(decisionId: number, format: PaperFormat): Promise<Buffer> {
    const job = this.#queue.then(() => this.#print(decisionId, format));
    this.#queue = job.catch(() => undefined);
    return job;
  }

  async #print(decisionId: number, format: PaperFormat): Promise<Buffer> {
    const page = await this.#ready();
    // Through about:blank, so printing the same decision twice still loads it afresh.
    await page.goto('about:blank');
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
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = null;
    this.#page = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
