import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vector } from '../testdata/vectors';
import { placeWeights, RANK_RULES, rankWeights, type RankEntry, type RankRule } from './rank';
import type { WeighedCriterion } from './types';

const criteria = (...ids: string[]): WeighedCriterion<string>[] => ids.map((id) => ({ id, name: id.toUpperCase(), weight: 0 }));

function weigh(order: RankEntry<string>[], rule: RankRule, ids: string[]) {
  const result = rankWeights(order, rule, criteria(...ids));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('place weights', () => {
  it('reproduce the published rank-order centroid weights for 3, 4 and 5 criteria', () => {
    const { expected } = vector('rank-order-centroid') as { expected: Record<string, number[]> };
    for (const [n, weights] of Object.entries(expected)) {
      expect(Array.from(placeWeights('roc', Number(n)), (w) => w.toFixed(4)), `n = ${n}`).toEqual(weights.map((w) => w.toFixed(4)));
    }
  });

  it('give rank-sum 4/10, 3/10, 2/10, 1/10 and rank-reciprocal 12/25, 6/25, 4/25, 3/25 for four criteria', () => {
    // Rank sum: 2(n + 1 − k) / (n(n + 1)) = (5 − k) / 10. Reciprocal: (1/k) / (1 + 1/2 + 1/3 + 1/4) = (12/k) / 25.
    Array.from(placeWeights('rank-sum', 4)).forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.3, 0.2, 0.1][i], 15));
    Array.from(placeWeights('reciprocal', 4)).forEach((w, i) => expect(w).toBeCloseTo([12 / 25, 6 / 25, 4 / 25, 3 / 25][i], 15));
  });
});

describe('rank weights', () => {
  it('follow the order, not the list of criteria', () => {
    const { expected } = vector('rank-order-centroid') as { expected: Record<string, number[]> };
    const weights = weigh(['speed', 'cost', 'docs'], 'roc', ['cost', 'docs', 'speed']);
    expect([weights.speed, weights.cost, weights.docs].map((w) => w.toFixed(4))).toEqual(expected['3'].map((w) => w.toFixed(4)));
  });

  it('give tied criteria the mean of the places they span', () => {
    const roc = placeWeights('roc', 4);
    const weights = weigh(['a', ['b', 'c'], 'd'], 'roc', ['a', 'b', 'c', 'd']);
    expect(weights.a).toBeCloseTo(roc[0], 15);
    expect(weights.b).toBeCloseTo((roc[1] + roc[2]) / 2, 15);
    expect(weights.c).toBe(weights.b);
    expect(weights.d).toBeCloseTo(roc[3], 15);
    // Everything tied is equal weights.
    const all = weigh([['a', 'b', 'c', 'd']], 'rank-sum', ['a', 'b', 'c', 'd']);
    for (const w of Object.values(all)) expect(w).toBeCloseTo(0.25, 15);
  });

  /** A random order of n criteria with random ties: shuffled ids cut into runs. */
  const orders = fc.integer({ min: 1, max: 15 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    return fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.constantFrom(...RANK_RULES));
  });

  function cut(shuffled: string[], breaks: boolean[]): string[][] {
    const groups: string[][] = [];
    shuffled.forEach((id, i) => (i === 0 || breaks[i] ? groups.push([id]) : groups[groups.length - 1].push(id)));
    return groups;
  }

  it('sum to 1, never increase down the order, and are equal within a tie, under every rule', () => {
    fc.assert(
      fc.property(orders, ([ids, shuffled, breaks, rule]) => {
        const groups = cut(shuffled, breaks);
        const weights = weigh(
          groups.map((g) => (g.length === 1 ? g[0] : g)),
          rule,
          ids,
        );
        expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        let above = Number.POSITIVE_INFINITY;
        for (const group of groups) {
          for (const id of group) expect(weights[id]).toBeCloseTo(weights[group[0]], 15);
          expect(weights[group[0]]).toBeLessThanOrEqual(above + 1e-15);
          above = weights[group[0]];
        }
      }),
    );
  });

  it('strictly decrease down an order without ties', () => {
    fc.assert(
      fc.property(orders, ([ids, shuffled, , rule]) => {
        const weights = weigh(shuffled, rule, ids);
        for (let k = 1; k < shuffled.length; k++) expect(weights[shuffled[k]]).toBeLessThan(weights[shuffled[k - 1]]);
      }),
    );
  });

  it.each([
    ['a criterion ranked twice', ['a', ['b', 'a'], 'c'], '"A" is ranked twice.'],
    ['a criterion left out', ['a'], '"B" and "C" are not ranked yet: place every criterion in the order.'],
    ['an unknown criterion', ['a', 'b', 'c', 'zz'], 'The rank order names a criterion the decision does not have.'],
    ['an empty tie', ['a', [], 'b', 'c'], 'A tie in the rank order names no criteria.'],
  ])('refuses %s, naming it', (_, order, message) => {
    expect(rankWeights(order as RankEntry<string>[], 'roc', criteria('a', 'b', 'c'))).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });
});
