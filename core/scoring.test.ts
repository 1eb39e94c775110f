import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreDecision } from './decision-scoring';
import { prepareMatrix, scoreMatrix, weighMatrix, type MatrixInput } from './scoring';
import { vector } from './testdata/vectors';

/** Rows of scores (null = unscored) in the dense form scoreMatrix takes. */
function cells(rows: (number | null)[][]): Pick<MatrixInput, 'values' | 'scored'> {
  const flat = rows.flat();
  return { values: Float64Array.from(flat, (x) => x ?? 0), scored: Uint8Array.from(flat, (x) => (x === null ? 0 : 1)) };
}

function weightedSumTie(): { input: MatrixInput; names: string[]; expected: Record<string, number>; ranks: Record<string, number> } {
  const v = vector('weighted-sum-tie') as {
    criteria: string[];
    weights: number[];
    options: Record<string, number[]>;
    expected_totals: Record<string, number>;
    expected_ranks: Record<string, number>;
  };
  const names = Object.keys(v.options);
  return {
    names,
    input: {
      criteria: v.criteria.map((name, i) => ({ name, direction: 'benefit', min: 0, max: 100, weight: v.weights[i] })),
      optionNames: names,
      ...cells(names.map((n) => v.options[n])),
    },
    expected: v.expected_totals,
    ranks: v.expected_ranks,
  };
}

describe('scoreMatrix', () => {
  it('reproduces the published weighted-sum example, with A2 and A3 tied for first', () => {
    const { input, names, expected, ranks } = weightedSumTie();
    const result = scoreMatrix(input);
    if (!result.ok) throw new Error(result.error.message);
    names.forEach((name, o) => {
      expect(result.value.totals[o]).toBeCloseTo(expected[name] / 100, 12);
      expect(result.value.ranks[o]).toBe(ranks[name]);
    });
    expect(result.value.order.map((o) => names[o])).toEqual(['A2', 'A3', 'A1']);
  });

  it('inverts cost criteria: the lowest score earns the full weight', () => {
    const result = scoreMatrix({
      criteria: [{ name: 'Price', direction: 'cost', min: 0, max: 10, weight: 1 }],
      optionNames: ['cheap', 'dear'],
      ...cells([[0], [10]]),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(Array.from(result.value.totals)).toEqual([1, 0]);
    expect(result.value.ranks).toEqual([1, 2]);
  });

  it('splits each total into per-criterion contributions that add up to it', () => {
    const { input } = weightedSumTie();
    const result = scoreMatrix(input);
    if (!result.ok) throw new Error(result.error.message);
    const n = input.criteria.length;
    for (let o = 0; o < input.optionNames.length; o++) {
      let sum = 0;
      for (let c = 0; c < n; c++) sum += result.value.contribution(o, c);
      expect(sum).toBeCloseTo(result.value.totals[o], 12);
    }
    // C3 carries 40 % of the weight and A3 scores 30/100 on it.
    expect(result.value.contribution(2, 2)).toBeCloseTo(0.12, 12);
  });

  it('marks an option with an unscored cell as incomplete instead of filling it', () => {
    const result = scoreMatrix({
      criteria: [
        { name: 'Speed', direction: 'benefit', min: 1, max: 5, weight: 1 },
        { name: 'Docs', direction: 'benefit', min: 1, max: 5, weight: 1 },
      ],
      optionNames: ['Done', 'Half'],
      ...cells([
        [5, 5],
        [5, null],
      ]),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.missing).toEqual([[], [1]]);
    expect(result.value.ranks).toEqual([1, null]);
    expect(result.value.totals[1]).toBeCloseTo(0.5, 12);
    expect(result.value.order).toEqual([0, 1]);
  });

  it.each([
    ['all weights are zero', { weight: 0 }, 'All weights are zero'],
    ['a weight is NaN', { weight: Number.NaN }, 'The weight of "Speed" must be a finite number'],
    ['a weight is infinite', { weight: Number.POSITIVE_INFINITY }, 'The weight of "Speed" must be a finite number'],
    ['a weight is negative', { weight: -1 }, 'The weight of "Speed" must be a finite number of zero or more'],
    ['the scale is reversed', { min: 5, max: 1 }, 'The scale of "Speed"'],
  ])('refuses input where %s', (_, change, message) => {
    const result = scoreMatrix({
      criteria: [{ name: 'Speed', direction: 'benefit', min: 1, max: 5, weight: 1, ...change }],
      optionNames: ['A'],
      ...cells([[3]]),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it.each([
    [7, 'The score of "JAX" on "Speed": 7 is outside its scale 1–5.'],
    [0, 'The score of "JAX" on "Speed": 0 is outside its scale 1–5.'],
    [Number.NaN, 'The score of "JAX" on "Speed": NaN is not a finite number.'],
    [Number.NEGATIVE_INFINITY, 'The score of "JAX" on "Speed": -Infinity is not a finite number.'],
  ])('refuses the score %s with a message naming the cell', (value, message) => {
    const result = scoreMatrix({
      criteria: [{ name: 'Speed', direction: 'benefit', min: 1, max: 5, weight: 1 }],
      optionNames: ['JAX'],
      ...cells([[value]]),
    });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });

  it('refuses a matrix whose size does not match its options and criteria', () => {
    const result = scoreMatrix({ criteria: [{ name: 'Speed', direction: 'benefit', min: 1, max: 5, weight: 1 }], optionNames: ['A', 'B'], ...cells([[3]]) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Expected 2 × 1 scores, got 1.' } });
  });

  it('refuses a decision without criteria', () => {
    const result = scoreMatrix({ criteria: [], optionNames: ['A'], ...cells([[]]) });
    expect(result.ok).toBe(false);
  });
});

const matrixArbitrary = fc
  .record({ optionCount: fc.integer({ min: 1, max: 8 }), criterionCount: fc.integer({ min: 1, max: 8 }) })
  .chain(({ optionCount, criterionCount }) =>
    fc.record({
      criteria: fc.array(
        fc.record({
          direction: fc.constantFrom('benefit' as const, 'cost' as const),
          min: fc.integer({ min: -10, max: 10 }),
          span: fc.integer({ min: 1, max: 100 }),
          weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
          fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: optionCount, maxLength: optionCount }),
        }),
        { minLength: criterionCount, maxLength: criterionCount },
      ),
      factor: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    }),
  )
  .map(({ criteria, factor }) => {
    const optionCount = criteria[0].fractions.length;
    const input: MatrixInput = {
      criteria: criteria.map((c, i) => ({ name: `C${i}`, direction: c.direction, min: c.min, max: c.min + c.span, weight: c.weight })),
      optionNames: Array.from({ length: optionCount }, (_, o) => `O${o}`),
      ...cells(Array.from({ length: optionCount }, (_, o) => criteria.map((c) => c.min + c.fractions[o] * c.span))),
    };
    return { input, factor };
  });

describe('prepareMatrix and weighMatrix', () => {
  it('weighs a prepared matrix to the published totals, and again under new weights without re-checking scores', () => {
    const { input, names, expected } = weightedSumTie();
    const prepared = prepareMatrix(input);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const published = weighMatrix(prepared.value, input.criteria.map((c) => c.weight));
    if (!published.ok) throw new Error(published.error.message);
    names.forEach((name, o) => expect(published.value.totals[o]).toBeCloseTo(expected[name] / 100, 12));

    // All the weight on the first criterion: the totals are the first column, placed on 0..1.
    const firstOnly = weighMatrix(prepared.value, input.criteria.map((_, i) => (i === 0 ? 7 : 0)));
    if (!firstOnly.ok) throw new Error(firstOnly.error.message);
    const column = names.map((_, o) => input.values[o * input.criteria.length] / 100);
    column.forEach((expected, o) => expect(firstOnly.value.totals[o]).toBeCloseTo(expected, 12));
  });

  it('keeps unscored cells out of the totals and reports them as missing', () => {
    const prepared = prepareMatrix({
      criteria: [
        { name: 'Speed', direction: 'cost', min: 0, max: 10 },
        { name: 'Docs', direction: 'benefit', min: 0, max: 10 },
      ],
      optionNames: ['A', 'B'],
      ...cells([
        [2, 6],
        [null, 10],
      ]),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    expect(prepared.value.missing).toEqual([[], [0]]);
    [0.8, 0.6, 0, 1].forEach((expected, cell) => expect(prepared.value.unit[cell]).toBeCloseTo(expected, 12));
    const result = weighMatrix(prepared.value, [1, 1]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.totals[0]).toBeCloseTo(0.7, 12);
    expect(result.value.totals[1]).toBeCloseTo(0.5, 12);
    expect(result.value.ranks).toEqual([1, null]);
  });

  it.each([
    [[0, 0], 'All weights are zero'],
    [[1, Number.NaN], 'The weight of "Docs" must be a finite number of zero or more (got NaN).'],
    [[-2, 1], 'The weight of "Speed" must be a finite number of zero or more (got -2).'],
    [[1], 'Expected 2 weights, got 1.'],
  ])('refuses the weights %j', (weights, message) => {
    const prepared = prepareMatrix({
      criteria: [
        { name: 'Speed', direction: 'benefit', min: 1, max: 5 },
        { name: 'Docs', direction: 'benefit', min: 1, max: 5 },
      ],
      optionNames: ['A'],
      ...cells([[3, 4]]),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const result = weighMatrix(prepared.value, weights);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('places scores at the very ends of awkward scales exactly on 0 and 1', () => {
    const criteria = [3, 7, 49, 0.1].flatMap((span, i) => [
      { name: `B${i}`, direction: 'benefit' as const, min: 0.3, max: 0.3 + span },
      { name: `C${i}`, direction: 'cost' as const, min: 0.3, max: 0.3 + span },
    ]);
    const prepared = prepareMatrix({
      criteria,
      optionNames: ['low', 'high'],
      values: Float64Array.from([...criteria.map((c) => c.min), ...criteria.map((c) => c.max)]),
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const low = Array.from(prepared.value.unit.slice(0, criteria.length));
    const high = Array.from(prepared.value.unit.slice(criteria.length));
    expect(low).toEqual(criteria.map((c) => (c.direction === 'benefit' ? 0 : 1)));
    expect(high).toEqual(criteria.map((c) => (c.direction === 'benefit' ? 1 : 0)));
  });

  it('refuses an out-of-scale score when preparing, whatever the weights', () => {
    const result = prepareMatrix({ criteria: [{ name: 'Speed', direction: 'benefit', min: 1, max: 5 }], optionNames: ['JAX'], values: Float64Array.of(6) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The score of "JAX" on "Speed": 6 is outside its scale 1–5.' } });
  });
});

describe('scoreMatrix properties', () => {
  it('keeps every total within 0..1', () => {
    fc.assert(
      fc.property(matrixArbitrary, ({ input }) => {
        const result = scoreMatrix(input);
        if (!result.ok) return false;
        return Array.from(result.value.totals).every((t) => t >= -1e-12 && t <= 1 + 1e-12);
      }),
    );
  });

  it('weighing a prepared matrix gives exactly what scoring it in one go gives', () => {
    fc.assert(
      fc.property(matrixArbitrary, ({ input }) => {
        const once = scoreMatrix(input);
        const prepared = prepareMatrix(input);
        if (!once.ok || !prepared.ok) return false;
        const weighed = weighMatrix(prepared.value, input.criteria.map((c) => c.weight));
        if (!weighed.ok) return false;
        return (
          Array.from(weighed.value.totals).every((t, o) => t === once.value.totals[o]) &&
          weighed.value.ranks.every((r, o) => r === once.value.ranks[o]) &&
          weighed.value.order.every((o, i) => o === once.value.order[i])
        );
      }),
    );
  });

  it('weighing one prepared matrix again and again (a slider moving) orders options as a fresh weighing does', () => {
    // Small integer scores make exact ties common; some cells are left unscored; weights move by
    // small steps (as a slider does, re-sorting from the last order) and jump to new sets (where
    // that gives up and sorts afresh).
    const step = fc.oneof(
      fc.record({ criterion: fc.nat(), to: fc.integer({ min: 0, max: 100 }) }),
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 40 * 6, maxLength: 40 * 6 }),
        fc.array(step, { minLength: 1, maxLength: 30 }),
        (optionCount, cellValues, steps) => {
          const criteria = Array.from({ length: 6 }, (_, c) => ({ name: `C${c}`, direction: c === 5 ? ('cost' as const) : ('benefit' as const), min: 1, max: 5 }));
          const values = Float64Array.from(cellValues.slice(0, optionCount * 6), (v) => Math.max(v, 1));
          const scored = Uint8Array.from(cellValues.slice(0, optionCount * 6), (v) => (v === 0 ? 0 : 1));
          const input = { criteria, optionNames: Array.from({ length: optionCount }, (_, o) => `O${o}`), values, scored };
          const prepared = prepareMatrix(input);
          if (!prepared.ok) return false;
          const weights = [1, 1, 1, 1, 1, 1];
          return steps.every((change) => {
            if (Array.isArray(change)) change.forEach((w, c) => (weights[c] = w));
            else weights[change.criterion % 6] = change.to;
            if (!weights.some((w) => w > 0)) weights[0] = 1;
            const again = weighMatrix(prepared.value, weights);
            const fresh = prepareMatrix(input);
            if (!again.ok || !fresh.ok) return false;
            const afresh = weighMatrix(fresh.value, weights);
            if (!afresh.ok) return false;
            return again.value.order.join() === afresh.value.order.join() && again.value.ranks.join() === afresh.value.ranks.join();
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same ranking when every weight is scaled by the same positive factor', () => {
    fc.assert(
      fc.property(matrixArbitrary, ({ input, factor }) => {
        const scaled = { ...input, criteria: input.criteria.map((c) => ({ ...c, weight: c.weight * factor })) };
        const a = scoreMatrix(input);
        const b = scoreMatrix(scaled);
        if (!a.ok || !b.ok) return false;
        // Totals agree to rounding; ranks agree wherever the totals are not within rounding of a tie.
        return Array.from(a.value.totals).every((t, o) => Math.abs(t - b.value.totals[o]) < 1e-12) && sameRanksAwayFromTies(a.value, b.value);
      }),
    );
  });
});

function sameRanksAwayFromTies(a: { totals: Float64Array; ranks: (number | null)[] }, b: { ranks: (number | null)[] }): boolean {
  const totals = Array.from(a.totals);
  const nearTie = (o: number) => totals.some((t, p) => p !== o && Math.abs(t - totals[o]) < 1e-8 && Math.abs(t - totals[o]) >= 1e-10);
  return a.ranks.every((rank, o) => nearTie(o) || rank === b.ranks[o]);
}

describe('scoreDecision', () => {
  it('keys totals, contributions and missing cells by id', () => {
    const result = scoreDecision({
      options: [
        { id: 10, name: 'A', description: '' },
        { id: 11, name: 'B', description: '' },
      ],
      criteria: [
        { id: 20, name: 'X', description: '', direction: 'benefit', scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: 3 },
        { id: 21, name: 'Y', description: '', direction: 'benefit', scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: 1 },
      ],
      scores: [
        { optionId: 10, criterionId: 20, value: 5, rationale: '', source: '' },
        { optionId: 10, criterionId: 21, value: 1, rationale: '', source: '' },
        { optionId: 11, criterionId: 20, value: 3, rationale: 'no value yet below', source: '' },
        { optionId: 11, criterionId: 21, value: null, rationale: 'pending', source: '' },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.weights).toEqual({ 20: 0.75, 21: 0.25 });
    expect(result.value.options[0]).toMatchObject({ optionId: 10, total: 0.75, rank: 1, complete: true });
    expect([result.value.contribution(10, 20), result.value.contribution(10, 21)]).toEqual([0.75, 0]);
    expect(result.value.contribution(11, 20)).toBe(0.375);
    expect(result.value.contribution(10, 99)).toBeNaN();
    expect(result.value.options[1]).toMatchObject({ optionId: 11, rank: null, complete: false, missingCriterionIds: [21] });
    expect(result.value.ranking).toEqual([10, 11]);
  });
});

describe('extreme numbers', () => {
  it('are refused at the boundary, so no total is NaN or Infinity', async () => {
    const { finiteNumberSchema, scaleSchema, weightSchema } = await import('./model');
    expect(scaleSchema.safeParse({ min: -1e308, max: 1e308 }).success).toBe(false);
    expect(scaleSchema.safeParse({ min: -1e15, max: 1e15 }).success).toBe(true);
    expect(weightSchema.safeParse(1e308).success).toBe(false);
    expect(finiteNumberSchema.safeParse(-1e16).error?.issues[0].message).toBe('must be between −10^15 and 10^15');
  });

  it('within the bounds, give finite totals in 0..1 at every corner', () => {
    const edges = [-1e15, -1, 0, 1e-300, 1, 1e15];
    for (const min of edges) {
      for (const max of edges.filter((m) => m > min)) {
        for (const weight of [0, 5e-324, 1, 1e15]) {
          const input: MatrixInput = {
            criteria: [
              { name: 'A', direction: 'benefit', min, max, weight: 1e15 },
              { name: 'B', direction: 'cost', min, max, weight },
            ],
            optionNames: ['low', 'high'],
            values: Float64Array.from([min, max, max, min]),
          };
          const scored = scoreMatrix(input);
          expect(scored.ok, `${min}..${max}, weight ${weight}`).toBe(true);
          if (!scored.ok) continue;
          for (const total of scored.value.totals) expect(total >= 0 && total <= 1 + 1e-12, `${min}..${max}: ${total}`).toBe(true);
        }
      }
    }
  });
});
