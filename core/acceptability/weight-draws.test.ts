import { describe, expect, it } from 'vitest';
import { nextExponential, seededRandom } from './random';
import { chooseProposal, drawWeights, weightSampler, type WeightSampler } from './weight-draws';

function draws(sampler: WeightSampler, count: number, seed = 3): Float64Array[] {
  const random = seededRandom(seed);
  const out: Float64Array[] = [];
  let attempts = 0;
  while (out.length < count && attempts++ < count * 1000) {
    const w = new Float64Array(sampler.m);
    if (drawWeights(sampler, random, w)) out.push(w);
  }
  return out;
}

const sum = (w: ArrayLike<number>) => Array.from(w).reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('uniform draws', () => {
  it('lie on the simplex, each weight with mean 1/m and P(w1 > w2) one half', () => {
    const all = draws(weightSampler('uniform', Float64Array.of(1 / 3, 1 / 3, 1 / 3), 0), 20_000);
    expect(all.filter((w) => !(Math.abs(sum(w) - 1) < 1e-12))).toEqual([]);
    // Standard errors: 0.24 / √N ≈ 0.0017, 0.5 / √N ≈ 0.0035.
    expect(Math.abs(mean(all.map((w) => w[0])) - 1 / 3)).toBeLessThan(0.007);
    expect(Math.abs(mean(all.map((w) => (w[0] > w[1] ? 1 : 0))) - 0.5)).toBeLessThan(0.014);
  });
});

describe('ordinal draws', () => {
  it('keep the current order of importance, with the most important weight uniform on its range', () => {
    // Two criteria, the first more important: w1 is uniform on [0.5, 1].
    const all = draws(weightSampler('ordinal', Float64Array.of(0.75, 0.25), 0), 20_000);
    expect(all.filter((w) => w[0] < w[1])).toEqual([]);
    expect(Math.abs(mean(all.map((w) => w[0])) - 0.75)).toBeLessThan(0.005);
  });

  it('leave equally weighted criteria in either order, and keep a criterion weighted 0 at 0', () => {
    const all = draws(weightSampler('ordinal', Float64Array.of(0.4, 0.4, 0.2, 0), 0), 20_000);
    expect(all.filter((w) => Math.min(w[0], w[1]) < w[2] || w[3] !== 0 || !(Math.abs(sum(w) - 1) < 1e-12))).toEqual([]);
    expect(Math.abs(mean(all.map((w) => (w[0] > w[1] ? 1 : 0))) - 0.5)).toBeLessThan(0.014);
  });
});

describe('interval draws', () => {
  // Ranges [0.6, 0.8], [0.15, 0.35] and [0, 0.15]: the last is cut off at 0.
  const current = Float64Array.of(0.7, 0.25, 0.05);

  function withProposal(proposal: 'box' | 'simplex'): Float64Array[] {
    const sampler = weightSampler('interval', current, 0.1);
    sampler.proposal = proposal;
    return draws(sampler, 20_000);
  }

  /** The definition, literally: uniform on the whole simplex, kept when inside every range. */
  function literal(): Float64Array[] {
    const random = seededRandom(11);
    const kept: Float64Array[] = [];
    while (kept.length < 20_000) {
      const e = [nextExponential(random), nextExponential(random), nextExponential(random)];
      const w = Float64Array.from(e, (x) => x / sum(e));
      if (w.every((x, j) => Math.abs(x - current[j]) <= 0.1)) kept.push(w);
    }
    return kept;
  }

  it('stay within the points of each current weight and on the simplex, with either proposal', () => {
    for (const proposal of ['box', 'simplex'] as const) {
      const outside = withProposal(proposal).filter((w) => !(Math.abs(sum(w) - 1) < 1e-12) || w.some((x, j) => Math.abs(x - current[j]) > 0.1 + 1e-12));
      expect(outside).toEqual([]);
    }
  });

  it('follow the same distribution with either proposal as rejecting draws from the whole simplex', () => {
    const reference = literal();
    const stats = (all: Float64Array[]) => [mean(all.map((w) => w[0])), mean(all.map((w) => w[2])), mean(all.map((w) => (w[0] > 0.7 ? 1 : 0)))];
    const expected = stats(reference);
    for (const proposal of ['box', 'simplex'] as const) {
      const got = stats(withProposal(proposal));
      // Each mean within about four standard errors of two samples of 20,000.
      expect(Math.abs(got[0] - expected[0])).toBeLessThan(0.0025);
      expect(Math.abs(got[1] - expected[1])).toBeLessThan(0.0015);
      expect(Math.abs(got[2] - expected[2])).toBeLessThan(0.02);
    }
  });

  it('pick the proposal that accepts more: the box without cut-off ranges, the simplex with many', () => {
    const scratch = new Float64Array(50);
    const even = weightSampler('interval', new Float64Array(50).fill(0.02), 0.05);
    chooseProposal(even, seededRandom(1), scratch);
    expect(even.proposal).toBe('simplex');
    const wide = weightSampler('interval', Float64Array.of(0.3, 0.3, 0.4), 0.05);
    chooseProposal(wide, seededRandom(1), new Float64Array(3));
    expect(wide.proposal).toBe('box');
  });
});
