import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vector } from '../testdata/vectors';
import { ahpWeights, type AhpJudgment } from './ahp';
import type { WeighedCriterion } from './types';

const criteriaNamed = (...ids: string[]): WeighedCriterion<string>[] => ids.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), weight: 0 }));

function weigh(judgments: readonly AhpJudgment<string>[], criteria: readonly WeighedCriterion<string>[]) {
  const result = ahpWeights(judgments, criteria);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The drinks example: "[a, b, v] means a is v times as important as b". */
function drinks() {
  const v = vector('ahp-drinks') as unknown as {
    items: string[];
    judgments: [string, string, number][];
    expected_weights: Record<string, number>;
    expected_lambda_max: number;
    expected_consistency_index: number;
    expected_consistency_ratio: number;
  };
  return { v, criteria: criteriaNamed(...v.items), judgments: v.judgments.map(([more, less, ratio]) => ({ more, less, ratio })) };
}

/**
 * An independent principal eigenvector, the way AHPy computes it: square the matrix until the
 * normalised row sums settle. Shares no code with the power iteration under test.
 */
function eigenvectorBySquaring(matrix: number[][]): number[] {
  let m = matrix;
  for (let step = 0; step < 40; step++) {
    const squared = m.map((row) => m.map((_, j) => row.reduce((sum, x, k) => sum + x * m[k][j], 0)));
    const largest = Math.max(...squared.flat());
    m = squared.map((row) => row.map((x) => x / largest));
  }
  const rows = m.map((row) => row.reduce((a, b) => a + b, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  return rows.map((r) => r / total);
}

function fullMatrix(judgments: readonly AhpJudgment<string>[], ids: readonly string[]): number[][] {
  const m = ids.map(() => ids.map(() => 1));
  for (const { more, less, ratio } of judgments) {
    m[ids.indexOf(more)][ids.indexOf(less)] = ratio;
    m[ids.indexOf(less)][ids.indexOf(more)] = 1 / ratio;
  }
  return m;
}

/** Criteria with hidden true values in 1..9, so every ratio v_i / v_j (bigger over smaller) is on Saaty's scale. */
const trueValues = fc.array(fc.double({ min: 1, max: 9, noNaN: true }), { minLength: 1, maxLength: 10 });

/** Every pair once, the more important first: a_ij = v_i / v_j exactly. */
function consistentJudgments(values: readonly number[], ids: readonly string[]): AhpJudgment<string>[] {
  const judgments: AhpJudgment<string>[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const [more, less] = values[i] >= values[j] ? [i, j] : [j, i];
      judgments.push({ more: ids[more], less: ids[less], ratio: values[more] / values[less] });
    }
  }
  return judgments;
}

const idsFor = (count: number) => Array.from({ length: count }, (_, i) => `c${i}`);

describe('AHP weights', () => {
  it("reproduces Saaty's drinks example: weights to 4 decimals, λmax 7.1766, CI 0.0294, CR 0.0223", () => {
    const { v, criteria, judgments } = drinks();
    const { weights, consistency } = weigh(judgments, criteria);
    for (const [drink, expected] of Object.entries(v.expected_weights)) expect(weights[drink].toFixed(4), drink).toBe(expected.toFixed(4));
    expect(consistency.lambdaMax.toFixed(4)).toBe(v.expected_lambda_max.toFixed(4));
    expect(consistency.index.toFixed(4)).toBe(v.expected_consistency_index.toFixed(4));
    expect(consistency.ratio!.toFixed(4)).toBe(v.expected_consistency_ratio.toFixed(4));
    expect(consistency).toMatchObject({ randomIndex: 1.32, flagged: false, judged: 21, pairs: 21 });
  });

  it('names the drinks judgment that departs most from the weights, with the ratio that would fit', () => {
    const { criteria, judgments } = drinks();
    const { weights, consistency } = weigh(judgments, criteria);
    const worst = consistency.mostInconsistent!;
    expect(worst.suggested).toBeCloseTo(weights[worst.more] / weights[worst.less], 12);
    // No other judgment is further off, by the same measure.
    for (const { more, less, ratio } of judgments) {
      const fit = (ratio * weights[less]) / weights[more];
      expect(Math.max(fit, 1 / fit)).toBeLessThanOrEqual(worst.departure);
    }
  });

  it('is the principal eigenvector an independent computation finds, on the drinks matrix and random complete sets', () => {
    const { v, criteria, judgments } = drinks();
    const expected = eigenvectorBySquaring(fullMatrix(judgments, v.items));
    const { weights } = weigh(judgments, criteria);
    v.items.forEach((drink, i) => expect(weights[drink]).toBeCloseTo(expected[i], 10));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }))), ([n, ratios]) => {
        const ids = idsFor(n);
        const set: AhpJudgment<string>[] = [];
        for (let i = 0, k = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) set.push(k % 2 ? { more: ids[i], less: ids[j], ratio: ratios[k] } : { more: ids[j], less: ids[i], ratio: ratios[k] });
        const independent = eigenvectorBySquaring(fullMatrix(set, ids));
        const computed = weigh(set, criteriaNamed(...ids)).weights;
        ids.forEach((id, i) => expect(computed[id]).toBeCloseTo(independent[i], 9));
      }),
    );
  });

  it('gives a perfectly consistent set CR ≈ 0, w_i / w_j = a_ij, and singles out no judgment', () => {
    fc.assert(
      fc.property(trueValues, (values) => {
        const ids = idsFor(values.length);
        const judgments = consistentJudgments(values, ids);
        const { weights, consistency } = weigh(judgments, criteriaNamed(...ids));
        for (const { more, less, ratio } of judgments) expect(weights[more] / weights[less] / ratio).toBeCloseTo(1, 9);
        expect(consistency.index).toBeLessThan(1e-10);
        expect(consistency.ratio!).toBeLessThan(1e-10);
        expect(consistency.mostInconsistent).toBeNull();
      }),
    );
  });

  it('permutes the weights with the criteria, and keeps λmax', () => {
    const inconsistent = fc.integer({ min: 3, max: 7 }).chain((n) =>
      fc.tuple(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }), fc.shuffledSubarray(idsFor(n), { minLength: n, maxLength: n }), fc.constant(n)),
    );
    fc.assert(
      fc.property(inconsistent, ([ratios, shuffled, n]) => {
        const ids = idsFor(n);
        const judgments: AhpJudgment<string>[] = [];
        for (let i = 0, k = 0; i < n; i++) for (let j = i + 1; j < n; j++, k++) judgments.push({ more: ids[i], less: ids[j], ratio: ratios[k] });
        const inOrder = weigh(judgments, criteriaNamed(...ids));
        const permuted = weigh(judgments, criteriaNamed(...shuffled));
        for (const id of ids) expect(permuted.weights[id]).toBeCloseTo(inOrder.weights[id], 10);
        expect(permuted.consistency.lambdaMax).toBeCloseTo(inOrder.consistency.lambdaMax, 9);
      }),
    );
  });
});

describe("incomplete judgments (Harker's method)", () => {
  it('completes A over B by 2 and B over C by 3 as the consistent 6 : 3 : 1, "2 of 3 pairs judged"', () => {
    const { weights, consistency } = weigh(
      [
        { more: 'a', less: 'b', ratio: 2 },
        { more: 'b', less: 'c', ratio: 3 },
      ],
      criteriaNamed('a', 'b', 'c'),
    );
    expect(weights.a).toBeCloseTo(0.6, 10);
    expect(weights.b).toBeCloseTo(0.3, 10);
    expect(weights.c).toBeCloseTo(0.1, 10);
    expect(consistency).toMatchObject({ judged: 2, pairs: 3 });
    expect(consistency.ratio!).toBeLessThan(1e-10);
  });

  it('recovers the true weights from any connected subset of a consistent set', () => {
    const subset = trueValues.chain((values) => fc.tuple(fc.constant(values), fc.array(fc.boolean(), { minLength: (values.length * (values.length - 1)) / 2, maxLength: (values.length * (values.length - 1)) / 2 })));
    fc.assert(
      fc.property(subset, ([values, keep]) => {
        const ids = idsFor(values.length);
        const all = consistentJudgments(values, ids);
        // Keep every pair with the first criterion (a star: connected), plus a random choice of the rest.
        const chosen = all.filter((j, k) => j.more === 'c0' || j.less === 'c0' || keep[k]);
        const { weights, consistency } = weigh(chosen, criteriaNamed(...ids));
        const total = values.reduce((a, b) => a + b, 0);
        ids.forEach((id, i) => expect(weights[id]).toBeCloseTo(values[i] / total, 9));
        expect(consistency.judged).toBe(chosen.length);
        expect(consistency.pairs).toBe(all.length);
        if (values.length > 2) expect(consistency.ratio!).toBeLessThan(1e-9);
      }),
    );
  });

  it('refuses a set that leaves a criterion unlinked, naming it (not its id)', () => {
    const result = ahpWeights(
      [
        { more: 'cost', less: 'speed', ratio: 3 },
        { more: 'speed', less: 'docs', ratio: 2 },
      ],
      [
        { id: 'cost', name: 'Cost', weight: 0 },
        { id: 'speed', name: 'Speed', weight: 0 },
        { id: 'docs', name: 'Documentation', weight: 0 },
        { id: 'x9', name: 'Community', weight: 0 },
      ],
    );
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: '"Community" is not linked to the other criteria by any chain of comparisons: compare it with at least one of the others.' } });
  });

  it('refuses any set split in two, naming every criterion of the smaller part', () => {
    const split = fc.integer({ min: 2, max: 9 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 })));
    fc.assert(
      fc.property(split, ([n, cut]) => {
        const ids = idsFor(n);
        const criteria = ids.map((id) => ({ id, name: `Criterion ${id}`, weight: 0 }));
        // A chain inside each part: each part is linked, the two are not.
        const judgments = ids.flatMap((id, i) => (i + 1 < n && i + 1 !== cut ? [{ more: id, less: ids[i + 1], ratio: 2 }] : []));
        const result = ahpWeights(judgments, criteria);
        expect(result.ok).toBe(false);
        if (result.ok || judgments.length === 0) return; // two criteria, nothing judged: said as such (below)
        const smaller = cut < n - cut ? ids.slice(0, cut) : ids.slice(cut);
        for (const id of ids) expect(result.error.message.includes(`"Criterion ${id}"`), id).toBe(smaller.includes(id));
      }),
    );
  });

  it('says so when no pair is compared yet', () => {
    const result = ahpWeights([], criteriaNamed('a', 'b'));
    expect(!result.ok && result.error.message).toBe('No pairs are compared yet: compare pairs until every criterion is linked to the others.');
  });
});

describe('consistency', () => {
  it('flags a reversed judgment and names it, with the ratio the others suggest', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const judgments = consistentJudgments([8, 4, 2, 1], ids).map((j) => (j.more === 'a' && j.less === 'd' ? { more: 'd', less: 'a', ratio: 8 } : j));
    const { weights, consistency } = weigh(judgments, criteriaNamed(...ids));
    expect(consistency.flagged).toBe(true);
    expect(consistency.ratio!).toBeGreaterThan(0.1);
    expect(consistency.mostInconsistent).toMatchObject({ more: 'd', less: 'a', ratio: 8 });
    expect(consistency.mostInconsistent!.suggested).toBeCloseTo(weights.d / weights.a, 12);
    // The judgment pulls the eigenvector its way, yet the weights still put D far nearer A than 8 times.
    expect(consistency.mostInconsistent!.suggested).toBeLessThan(2);
  });

  it('gives one or two criteria CR 0, and more than ten no ratio (beyond the random index table)', () => {
    expect(weigh([], criteriaNamed('a')).consistency).toMatchObject({ lambdaMax: 1, index: 0, ratio: 0, judged: 0, pairs: 0, mostInconsistent: null });
    const two = weigh([{ more: 'a', less: 'b', ratio: 4 }], criteriaNamed('a', 'b'));
    expect(two.weights.a).toBeCloseTo(0.8, 12);
    expect(two.consistency).toMatchObject({ index: 0, ratio: 0, flagged: false });
    const ids = idsFor(11);
    expect(weigh(consistentJudgments(ids.map((_, i) => 1 + i / 2), ids), criteriaNamed(...ids)).consistency).toMatchObject({ ratio: null, randomIndex: null, flagged: false });
  });

  it('weighs 10 criteria from 45 judgments', () => {
    const ids = idsFor(10);
    const judgments = consistentJudgments(ids.map((_, i) => 1 + ((i * 7) % 9)), ids).map((j, k) => ({ ...j, ratio: Math.min(9, Math.round(j.ratio) + (k % 3)) }));
    const { weights, consistency } = weigh(judgments, criteriaNamed(...ids));
    expect(consistency).toMatchObject({ judged: 45, pairs: 45, randomIndex: 1.49 });
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('refusals, in words naming the criteria', () => {
  const criteria = [
    { id: 1, name: 'Cost', weight: 0 },
    { id: 2, name: 'Speed', weight: 0 },
  ];
  it.each([
    ['a ratio above 9', [{ more: 1, less: 2, ratio: 12 }], `"Cost" over "Speed": the ratio must be from 1 to 9 on Saaty's scale (got 12).`],
    ['a ratio below 1', [{ more: 1, less: 2, ratio: 0.5 }], `"Cost" over "Speed": the ratio must be from 1 to 9 on Saaty's scale (got 0.5).`],
    ['a ratio that is not a number', [{ more: 1, less: 2, ratio: Number.NaN }], `"Cost" over "Speed": the ratio must be from 1 to 9 on Saaty's scale (got NaN).`],
    ['a criterion compared with itself', [{ more: 1, less: 1, ratio: 1 }], '"Cost" is compared with itself.'],
    [
      'a pair compared twice, either way round',
      [
        { more: 1, less: 2, ratio: 3 },
        { more: 2, less: 1, ratio: 2 },
      ],
      '"Speed" and "Cost" are compared twice.',
    ],
    ['an unknown criterion', [{ more: 1, less: 7, ratio: 3 }], 'A judgment names a criterion the decision does not have.'],
  ])('refuses %s', (_, judgments, message) => {
    expect(ahpWeights(judgments, criteria)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });
});
