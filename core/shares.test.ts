import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundedPercents } from './shares';

describe('roundedPercents', () => {
  it('rounds shares so the shown percentages add up to 100', () => {
    expect(roundedPercents([1 / 3, 1 / 3, 1 / 3])).toEqual([33.4, 33.3, 33.3]);
    expect(roundedPercents([0.25, 0.2, 0.15, 0.1, 0.15, 0.15])).toEqual([25, 20, 15, 10, 15, 15]);
    // 0.29 × 100 is 28.999… in floating point: still 29, not rounded down.
    expect(roundedPercents([0.29, 0.71], 0)).toEqual([29, 71]);
    expect(roundedPercents([1, 0, 0])).toEqual([100, 0, 0]);
    expect(roundedPercents([])).toEqual([]);
  });

  it('adds up to exactly 100 in units of the last decimal, each within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 2 }), (raw, decimals) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const shares = raw.map((x) => x / sum);
        const shown = roundedPercents(shares, decimals);
        const unit = 10 ** decimals;
        expect(Math.round(shown.reduce((a, b) => a + b, 0) * unit)).toBe(100 * unit);
        shown.forEach((p, i) => expect(Math.abs(p - shares[i] * 100)).toBeLessThan(1 / unit + 1e-9));
      }),
    );
  });
});
