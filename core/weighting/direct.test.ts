import { describe, expect, it } from 'vitest';
import { directWeights } from './direct';

describe('direct weights', () => {
  it('divides the slider values by their sum', () => {
    expect(directWeights([
      { id: 'a', name: 'A', weight: 20 },
      { id: 'b', name: 'B', weight: 15 },
      { id: 'c', name: 'C', weight: 40 },
      { id: 'd', name: 'D', weight: 25 },
    ])).toEqual({ ok: true, value: { a: 0.2, b: 0.15, c: 0.4, d: 0.25 } });
  });

  it('refuses all zeros and negative weights, as scoring does', () => {
    expect(directWeights([{ id: 1, name: 'A', weight: 0 }])).toEqual({ ok: false, error: { code: 'invalid-input', message: 'All weights are zero: give at least one criterion a weight above zero.' } });
    expect(directWeights([{ id: 1, name: 'A', weight: -1 }])).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The weight of "A" must be a finite number of zero or more (got -1).' } });
  });

  it('keeps an id such as "__proto__" as data', () => {
    const result = directWeights([
      { id: '__proto__', name: 'Odd', weight: 1 },
      { id: 'constructor', name: 'Odder', weight: 3 },
    ]);
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.keys(result.value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
