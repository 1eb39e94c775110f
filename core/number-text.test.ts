import { describe, expect, it } from 'vitest';
import { readTypedNumber } from './number-text';

describe('numbers as typed', () => {
  it.each([
    ['4', 4],
    [' 2.5 ', 2.5],
    ['1,5', 1.5],
    ['-0,25', -0.25],
    ['.5', 0.5],
    ['3.', 3],
    ['1e3', 1000],
    ['+7', 7],
  ])('reads %j as %d', (text, value) => {
    expect(readTypedNumber(text)).toEqual({ ok: true, value });
  });

  it('reads empty text as no value', () => {
    expect(readTypedNumber('   ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['1,500', '“1,500” could be read two ways: type 1.500 or 1500.'],
    ['1,5,5', '“1,5,5” is not a number.'],
    ['1.5,5', '“1.5,5” is not a number.'],
    ['five', '“five” is not a number.'],
    ['0x10', '“0x10” is not a number.'],
    ['Infinity', '“Infinity” is not a number.'],
    ['1e999', '“1e999” is not a number.'],
    ['15%', '“15%” is not a number.'],
  ])('refuses %j, quoting it', (text, message) => {
    expect(readTypedNumber(text)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });
});
