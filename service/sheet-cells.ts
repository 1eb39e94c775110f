import { hasLoneSurrogate, isWithinMagnitude, MAX_TEXT_LENGTH } from '../core/model';
import { readTypedNumber } from '../core/number-text';
import { fail, ok, type Result } from '../core/result';

/**
 * One cell of a spreadsheet, as the importers see it: text as typed (every CSV cell, and a
 * workbook's text cell), a number (a workbook's numeric cell, already as the person sees it:
 * ×100 when shown as a percentage), or nothing.
 */
export type SheetCell = string | number | null;

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const COMMA_DECIMAL = /^[-+]?\d+,\d+$/;
/** "19.8%" and "19,8 %": the sign is dropped, so a weight typed as a percentage keeps its number. */
const PERCENTAGE = /^(.*\S)\s*%$/;

/**
 * Reads a number as a person typed it in a spreadsheet. `decimalComma` says whether "1,5" is 1.5:
 * it is in a workbook's text cell and in a CSV separated by semicolons or tabs, where a comma
 * cannot be a separator; in a comma-separated file it is refused with the dotted form suggested.
 * Under a decimal comma, "1,500" could be 1.5 or 1500 and is refused (core/number-text's rule).
 * An empty cell is null.
 */
export function readSheetNumber(cell: SheetCell, decimalComma: boolean): Result<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return isWithinMagnitude(cell) ? ok(cell) : fail('invalid-input', `${cell} is too large: numbers here stay within ±10^15`);
  const typed = cell.trim();
  if (typed === '') return ok(null);
  const digits = PERCENTAGE.exec(typed)?.[1] ?? typed;
  let value: number;
  if (PLAIN_NUMBER.test(digits)) value = Number(digits);
  else if (COMMA_DECIMAL.test(digits)) {
    if (!decimalComma) return fail('invalid-input', `"${cell}" is not a number (write decimals with a dot: ${typed.replace(',', '.')})`);
    const read = readTypedNumber(digits);
    if (!read.ok || read.value === null) return fail('invalid-input', `"${cell}" could be read two ways: write ${digits.replace(',', '.')} or ${digits.replace(',', '')}`);
    value = read.value;
  } else return fail('invalid-input', `"${cell}" is not a number`);
  return isWithinMagnitude(value) ? ok(value) : fail('invalid-input', `"${cell}" is too large: numbers here stay within ±10^15`);
}

/**
 * Whether a cell looks like a number someone typed, even one this file cannot read ("1,5" in a
 * comma-separated file): a column of such cells is meant as scores, one with none is notes.
 */
export function looksLikeNumber(cell: SheetCell): boolean {
  if (typeof cell === 'number') return true;
  if (cell === null) return false;
  const typed = cell.trim();
  const digits = PERCENTAGE.exec(typed)?.[1] ?? typed;
  return PLAIN_NUMBER.test(digits) || COMMA_DECIMAL.test(digits);
}

/** Whether a cell holds something a person typed (a number, or text besides spaces). */
export const isFilled = (cell: SheetCell | undefined): cell is string | number => cell !== null && cell !== undefined && String(cell).trim() !== '';

/** Text a spreadsheet would run as a formula: starting with =, +, -, @, tab or CR, after any apostrophes. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text. Text
 * that already starts with apostrophes before a formula sign gets one more, so that reading it
 * back (restoreFormulaText) gives exactly the text written.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula: `'=SUM(1)` reads back as `=SUM(1)`; other text is kept as typed. */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A cell as text: a number as written, text with its formula-neutralising apostrophe taken off. */
export function readSheetText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : restoreFormulaText(cell);
}

/** Why a piece of text cannot be stored, or null (a name must also hold something besides spaces). */
export function textProblem(text: string, what: 'name' | 'text'): string | null {
  if (what === 'name' && text.trim() === '') return 'the name is empty';
  if (text.length > MAX_TEXT_LENGTH) return `the ${what} is longer than ${MAX_TEXT_LENGTH} characters`;
  if (hasLoneSurrogate(text)) return `the ${what} holds half of a character (a lone UTF-16 surrogate)`;
  return null;
}

/** A weight as a person would type it: four significant digits (19.757520785401336 → 19.76). */
export function roundForTyping(value: number): number {
  return Number(value.toPrecision(4));
}
