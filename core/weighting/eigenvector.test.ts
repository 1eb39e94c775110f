import { describe, expect, it } from 'vitest';
import { principalEigenpair } from './eigenvector';

describe('principal eigenpair by power iteration', () => {
  it('finds (0.8, 0.2) and λ = 2 for "four times as much"', () => {
    const { vector, value } = principalEigenpair(Float64Array.of(1, 4, 1 / 4, 1), 2);
    expect(vector[0]).toBeCloseTo(0.8, 12);
    expect(vector[1]).toBeCloseTo(0.2, 12);
    expect(value).toBeCloseTo(2, 12);
  });

  it('satisfies A w = λ w on an inconsistent matrix', () => {
    const m = [
      [1, 3, 1 / 5],
      [1 / 3, 1, 7],
      [5, 1 / 7, 1],
    ];
    const { vector: w, value } = principalEigenpair(Float64Array.from(m.flat()), 3);
    expect(value).toBeGreaterThan(3);
    m.forEach((row, i) => expect(row.reduce((sum, a, j) => sum + a * w[j], 0)).toBeCloseTo(value * w[i], 10));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
});
