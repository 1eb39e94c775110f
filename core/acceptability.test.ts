import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarloError, rankAcceptability, startAcceptability, type Acceptability, type AcceptabilitySettings } from './acceptability';
import { prepareDecision } from './decision-scoring';
import { draftAsDecision } from './interchange';
import { robustnessMatrixFromRows, robustnessMatrixOfDecision, type RobustnessMatrix } from './sensitivity';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function fromRows(rows: (number | null)[][]): RobustnessMatrix {
  return unwrap(
    robustnessMatrixFromRows({
      options: rows.map((_, i) => ({ id: String.fromCharCode(65 + i), name: String.fromCharCode(65 + i) })),
      criteria: rows[0].map((_, j) => ({ id: `c${j}`, name: `c${j}` })),
      rows,
    }),
  );
}

const run = (matrix: RobustnessMatrix, settings: AcceptabilitySettings): Acceptability => unwrap(rankAcceptability(matrix, settings));

/** The estimate is within four of its standard errors of the exact share. */
function near(estimate: number, exact: number, draws: number): void {
  expect(Math.abs(estimate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / draws) + 1e-12);
}

describe('rank acceptability against shares worked out by hand', () => {
  // A = (1, 0), B = (0, 0.5): A's total w1 beats B's 0.5·(1 − w1) when w1 > 1/3.
  const matrix = fromRows([
    [1, 0],
    [0, 0.5],
  ]);

  it('uniform: w1 is uniform on [0, 1], so A is first with probability 2/3', () => {
    const result = run(matrix, { mode: 'uniform', draws: 20_000, seed: 1 });
    near(result.options[0].ranks[0], 2 / 3, 20_000);
    near(result.options[1].ranks[0], 1 / 3, 20_000);
    expect(result.options[0].errors[0]).toBeCloseTo(monteCarloError(result.options[0].ranks[0], 20_000), 15);
    // A comes first when w1 > 1/3: the mean of w1 over those draws is (1/3 + 1) / 2.
    expect(result.options[0].centralWeights![0]).toBeCloseTo(2 / 3, 2);
    expect(result.options[1].centralWeights![0]).toBeCloseTo(1 / 6, 2);
  });

  it('ordinal: with c1 more important w1 is uniform on [1/2, 1], so A is always first', () => {
    const result = run(matrix, { mode: 'ordinal', draws: 5000, seed: 1, weights: [2, 1] });
    expect(result.options[0].ranks).toEqual([1, 0]);
    expect(result.options[1].centralWeights).toBeNull();
    // With c2 the more important, w1 is uniform on [0, 1/2]: A first when w1 > 1/3, one time in three.
    near(run(matrix, { mode: 'ordinal', draws: 20_000, seed: 1, weights: [1, 2] }).options[0].ranks[0], 1 / 3, 20_000);
  });

  it('interval: w1 within ± 10 points of 40 % is uniform on [0.3, 0.5], so A is first with probability 0.85', () => {
    const result = run(matrix, { mode: 'interval', draws: 20_000, seed: 1, weights: [40, 60], within: 0.1 });
    near(result.options[0].ranks[0], (0.5 - 1 / 3) / 0.2, 20_000);
    expect(result.draws).toBe(20_000);
    expect(result.within).toBe(0.1);
    expect(result.acceptanceRate).toBeGreaterThan(0);
    expect(result.acceptanceRate).toBeLessThanOrEqual(1);
    expect(result.acceptanceRate).toBeCloseTo(result.draws / result.attempts, 15);
  });

  it('states the Monte Carlo error as ±1.96·√(b(1 − b)/N)', () => {
    expect(monteCarloError(0.5, 10_000)).toBeCloseTo(0.0098, 12);
    expect(monteCarloError(0, 10_000)).toBe(0);
    const result = run(matrix, { mode: 'uniform', draws: 1000, seed: 5 });
    expect(result.maxError).toBe(Math.max(...result.options.flatMap((o) => o.errors)));
  });
});

describe('ties within a draw', () => {
  it('share the places they tie for, so identical options split ranks 1 and 2 evenly', () => {
    const result = run(fromRows([[0.5, 0.5], [0.5, 0.5], [0.2, 0.1]]), { mode: 'uniform', draws: 500, seed: 9 });
    expect(result.options[0].ranks).toEqual([0.5, 0.5, 0]);
    expect(result.options[1].ranks).toEqual([0.5, 0.5, 0]);
    expect(result.options[2].ranks).toEqual([0, 0, 1]);
    expect(result.options[0].centralWeights).toEqual(result.options[1].centralWeights);
  });
});

/** Matrices on a grid of quarters, so ties between options happen often. */
const matrices = fc
  .record({ n: fc.integer({ min: 2, max: 6 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc.record({
      rows: fc.array(fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x / 4), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }).filter((w) => w.some((x) => x > 0)),
      mode: fc.constantFrom('uniform' as const, 'ordinal' as const, 'interval' as const),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    }),
  );

describe('properties', () => {
  it("adds each option's acceptabilities up to 1, and each rank's; central weights add up to 1 too", () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights, mode, seed }) => {
        const result = run(fromRows(rows), { mode, draws: 200, seed, weights });
        const n = rows.length;
        for (const o of result.options) expect(o.ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (let r = 0; r < n; r++) expect(result.options.reduce((a, o) => a + o.ranks[r], 0)).toBeCloseTo(1, 12);
        for (const o of result.options) {
          if (o.centralWeights) expect(o.centralWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(o.centralWeights === null).toBe(o.ranks[0] === 0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives identical output for the same seed, whatever the chunks the draws are made in', () => {
    fc.assert(
      fc.property(matrices, fc.integer({ min: 1, max: 97 }), ({ rows, weights, mode, seed }, chunk) => {
        const matrix = fromRows(rows);
        const settings = { mode, draws: 300, seed, weights };
        const whole = run(matrix, settings);
        expect(run(matrix, settings)).toEqual(whole);
        expect(unwrap(rankAcceptability(matrix, settings, undefined, chunk))).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});

describe('running in chunks, as a worker does', () => {
  const matrix = (() => {
    const decision = draftAsDecision(pytorchVsTensorflow.decision);
    return unwrap(robustnessMatrixOfDecision(unwrap(prepareDecision(decision))));
  })();

  it('reports progress after each chunk and can stop early with what it has', () => {
    const seen: number[] = [];
    const full = unwrap(rankAcceptability(matrix, { mode: 'uniform', draws: 2500, seed: 1 }, (done, total) => seen.push(done / total)));
    expect(seen).toEqual([0.4, 0.8, 1]);
    expect(full.complete).toBe(true);

    const started = unwrap(startAcceptability(matrix, { mode: 'uniform', draws: 2500, seed: 1 }));
    expect(started.advance(1000)).toBe(1000);
    const partial = started.result();
    expect(partial).toMatchObject({ draws: 1000, requestedDraws: 2500, complete: false, seed: 1, mode: 'uniform' });
    // The first 1000 draws are the same ones whether or not the run goes on.
    expect(partial).toEqual({ ...unwrap(rankAcceptability(matrix, { mode: 'uniform', draws: 1000, seed: 1 })), requestedDraws: 2500, complete: false });
  });

  it('gives the seeded decision plain data, keyed by its ids, that a structured clone keeps', () => {
    const result = run(matrix, { mode: 'interval', draws: 1000, seed: 42, weights: [25, 20, 15, 10, 15, 15] });
    expect(result.options.map((o) => o.option)).toEqual([1, 2]);
    expect(result.criteria).toEqual([1, 2, 3, 4, 5, 6]);
    expect(structuredClone(result)).toEqual(result);
    // Within ± 5 points nothing reaches Deployment's flip at 18.2 % on its own; PyTorch stays first mostly.
    expect(result.options[0].ranks[0]).toBeGreaterThan(0.9);
  });
});

describe('settings', () => {
  const matrix = fromRows([
    [1, 0],
    [0, 1],
  ]);
  it.each([
    [{ mode: 'random' as never, draws: 10, seed: 1 }, /mode must be one of uniform, ordinal, interval/],
    [{ mode: 'uniform' as const, draws: 0, seed: 1 }, /number of draws must be a whole number/],
    [{ mode: 'uniform' as const, draws: 2.5, seed: 1 }, /number of draws must be a whole number/],
    [{ mode: 'uniform' as const, draws: 10, seed: -1 }, /seed must be a whole number from 0 to 4294967295/],
    [{ mode: 'ordinal' as const, draws: 10, seed: 1 }, /ordinal mode needs the current weights/],
    [{ mode: 'interval' as const, draws: 10, seed: 1, weights: [1, 1], within: 0 }, /half-width must be above 0/],
    [{ mode: 'interval' as const, draws: 10, seed: 1, weights: [0, 0] }, /All weights are zero/],
  ])('refuses %o', (settings, message) => {
    const result = rankAcceptability(matrix, settings);
    expect(result.ok || result.error.message).toMatch(message);
  });
});
