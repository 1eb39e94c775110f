import { fail, ok, type Result } from './result';

/**
 * Reads a number as a person typed it. A field the browser treats as a number can silently turn
 * "1,5" into 15, so number fields are text fields read here: a dot or a lone decimal comma
 * ("1,5" is 1.5) is a decimal point; anything that could mean two things ("1,500": 1.5 or 1500?)
 * or is not a number is refused with a message that quotes what was typed. Empty text is null.
 */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^([+-]?\d+),(\d+)$/;
const THOUSANDS_OR_DECIMAL = /^[+-]?\d{1,3},\d{3}$/;

export function readTypedNumber(text: string): Result<number | null> {
  const typed = text.trim();
  if (typed === '') return ok(null);
  if (THOUSANDS_OR_DECIMAL.test(typed)) {
    return fail('invalid-input', `“${typed}” could be read two ways: type ${typed.replace(',', '.')} or ${typed.replace(',', '')}.`);
  }
  const comma = DECIMAL_COMMA.exec(typed);
  const value = PLAIN.test(typed) ? Number(typed) : comma ? Number(`${comma[1]}.${comma[2]}`) : Number.NaN;
  return Number.isFinite(value) ? ok(value) : fail('invalid-input', `“${typed}” is not a number.`);
}
