import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { firstPagePng } from './pdf-text';

/**
 * The pictures in docs/ are taken by the specs that reach each screen, but written only when
 * `npm run docs:pictures` asks (DOCS_PICTURES=1): a plain test run leaves the tree as it was.
 */
const wanted = process.env.DOCS_PICTURES === '1' && process.env.E2E_TARGET !== 'electron';
const docs = join(import.meta.dirname, '..', 'docs');

export async function docsScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (wanted) await page.screenshot({ path: join(docs, `${name}.png`), ...options });
}

export function docsPdfPage(pdf: string, name: string): void {
  if (wanted) firstPagePng(pdf, join(docs, name));
}
