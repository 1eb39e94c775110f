import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (charts are images; their captions are text). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Renders page 1 of a PDF to PNG (for the README). */
export function firstPagePng(file: string, outPrefix: string): void {
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', file, outPrefix]);
}
