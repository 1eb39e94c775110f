import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareDecision } from './decision-scoring';
import { draftAsDecision } from './interchange';
import { prepareMatrix, scoreMatrix, type MatrixCriterion } from './scoring';
import {
  analyseSensitivity,
  FRAGILE_RULE,
  FRAGILE_THRESHOLDS,
  robustnessMatrix,
  robustnessMatrixFromRows,
  robustnessMatrixOfDecision,
  type RobustnessMatrix,
  type Sensitivity,
} from './sensitivity';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A matrix from rows already on 0..1, options A, B, … and criteria c0, c1, …. */
function fromRows(rows: (number | null)[][]): RobustnessMatrix {
  return unwrap(
    robustnessMatrixFromRows({
      options: rows.map((_, i) => ({ id: String.fromCharCode(65 + i), name: String.fromCharCode(65 + i) })),
      criteria: rows[0].map((_, j) => ({ id: `c${j}`, name: `c${j}` })),
      rows,
    }),
  );
}

/** Totals with criterion k's weight moved to t and the others keeping their ratios (computed afresh). */
function totalsAt(matrix: RobustnessMatrix, weights: readonly number[], k: number, t: number): number[] {
  const m = matrix.criteria.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => x / sum);
  const others = 1 - w[k];
  const moved = w.map((x, j) => (j === k ? t : others > 0 ? (x * (1 - t)) / others : (1 - t) / (m - 1)));
  return matrix.options.map((_, i) => moved.reduce((total, x, j) => total + x * matrix.unit[i * m + j], 0));
}

const seeded = () => {
  const decision = draftAsDecision(pytorchVsTensorflow.decision);
  const matrix = unwrap(robustnessMatrixOfDecision(unwrap(prepareDecision(decision))));
  return { matrix, result: unwrap(analyseSensitivity(matrix, decision.criteria.map((c) => c.weight))) };
};

describe('the seeded decision, PyTorch vs TensorFlow', () => {
  // By hand, scores 1..5 placed on 0..1 as (x − 1) / 4, weights 25 20 15 10 15 15 of 100:
  //   PyTorch    1, 1, .75, .5, .75, .75 → .8375;  TensorFlow .5, .75, 1, 1, .75, 1 → .7875.
  // Deployment at t, the other 90 % keeping their ratios: PyTorch's rest is (.8375 − .05) / .9 = .875
  // and TensorFlow's (.7875 − .1) / .9 = .7639; the lead (1 − t)·.1111 + t·(.5 − 1) is zero at
  // t = .1111 / .6111 = 2/11 = 18.18 %. Ease of use: lead (1 − t)(−.1) + t·.5 is zero at 1/6, a
  // fall of 8.33 points, more than deployment's rise of 8.18; ecosystem and performance flip at 7/24.
  it('says PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 %', () => {
    const { result } = seeded();
    expect(result.headline).toBe('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)');
    expect(result.leader).toBe(1);
    expect(result.margin).toBeCloseTo(0.05, 12);
    expect(result.nearestFlip).toMatchObject({ criterion: 4, direction: 'rises', from: 0.1, then: 2 });
    expect(result.nearestFlip!.to).toBeCloseTo(2 / 11, 12);
    expect(result.fragile).toBe(false);
  });

  it('has the winner intervals worked out by hand', () => {
    const byId = Object.fromEntries(seeded().result.criteria.map((c) => [c.criterion, c.winner]));
    expect(byId[1].from).toBeCloseTo(1 / 6, 12);
    expect(byId[1]).toMatchObject({ to: 1, below: 2, above: null });
    // Without computation graphs the two tie (.6375 each), so this interval reaches 0 on a tie.
    expect(byId[2]).toEqual({ from: 0, to: 1, below: null, above: null });
    expect(byId[3].to).toBeCloseTo(7 / 24, 12);
    expect(byId[6].to).toBeCloseTo(7 / 24, 12);
    expect(byId[5]).toEqual({ from: 0, to: 1, below: null, above: null });
  });

  it('draws the tornado from the margins at weight 0 and at twice the share, widest swing first', () => {
    const { tornado } = seeded().result;
    expect(tornado[0].criterion).toBe(1);
    expect(tornado[0].low).toBeCloseTo(-0.1, 12);
    expect(tornado[0].high).toBeCloseTo(0.2, 12);
    expect(tornado[0].highWeight).toBe(0.5);
    // Computation graphs at 0: a tie, reported as exactly 0 rather than rounding noise.
    expect(tornado.find((t) => t.criterion === 2)!.low).toBe(0);
    const swings = tornado.map((t) => Math.abs(t.high - t.low));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

describe('hand-computed cases', () => {
  // Quality (benefit, 0–10, weight 50), Support (benefit, 0–10, 20), Price (cost, 0–100, 30).
  // A: 10, 6, 80 → 1, .6, .2 → .68.   B: 6, 5, 20 → .6, .5, .8 → .64.
  // Price at t: rests .62/.7 and .40/.7, lead (1 − t)·.22/.7 − .6·t = 0 at t = .22 / .64 = 11/32.
  const criteria: MatrixCriterion[] = [
    { name: 'Quality', direction: 'benefit', min: 0, max: 10, weight: 50 },
    { name: 'Support', direction: 'benefit', min: 0, max: 10, weight: 20 },
    { name: 'Price', direction: 'cost', min: 0, max: 100, weight: 30 },
  ];
  const values = Float64Array.from([10, 6, 80, 6, 5, 20]);
  const prepared = unwrap(prepareMatrix({ criteria, optionNames: ['A', 'B'], values }));
  const matrix = unwrap(robustnessMatrix(prepared, ['a', 'b'], ['quality', 'support', 'price']));
  const result = unwrap(analyseSensitivity(matrix, [50, 20, 30]));
  const price = result.criteria[2];

  it('finds that a rise in a cost criterion helps the cheaper runner-up', () => {
    expect(price.winner.from).toBe(0);
    expect(price.winner.to).toBeCloseTo(11 / 32, 12);
    expect(price.winner.above).toBe('b');
    expect(result.headline).toBe('A stays first unless Price rises from 30 % to above 34.4 % (then B leads)');
    // Quality falls: lead (1 − s)(.36 − .68) + s(1 − .6) = 0 at s = 4/9.
    expect(result.criteria[0].winner.from).toBeCloseTo(4 / 9, 12);
    expect(result.criteria[0].winner.below).toBe('b');
  });

  it('counts a tie at the end of the interval as holding, and the option named there leads just past it', () => {
    const at = (price: number) => {
      const rest = (1 - price) / 0.7;
      const scored = unwrap(scoreMatrix({ criteria: criteria.map((c, j) => ({ ...c, weight: j === 2 ? price : (c.weight / 100) * rest })), optionNames: ['A', 'B'], values }));
      return scored;
    };
    const end = at(11 / 32);
    expect(Math.abs(end.totals[0] - end.totals[1])).toBeLessThan(1e-9);
    expect(end.ranks).toEqual([1, 1]);
    expect(at(11 / 32 + 1e-6).order[0]).toBe(1);
    expect(at(11 / 32 - 1e-6).order[0]).toBe(0);
  });

  it('calls the lead fragile when a weight is within 5 points of its flip point, and says why', () => {
    expect(result.fragile).toBe(true);
    expect(result.fragileReasons).toHaveLength(1);
    expect(result.fragileReasons[0]).toMatchObject({ kind: 'flip', criterion: 'price', then: 'b', weight: 0.3 });
    expect(result.fragileReasons[0].text).toBe('Price is 4.4 points from 34.4 %, where B would lead (within 5)');
    // Quality's flip point is 5.6 points away: outside the threshold, so not a reason.
    expect(FRAGILE_THRESHOLDS).toEqual({ margin: 0.02, flipDistance: 0.05 });
    expect(FRAGILE_RULE).toContain('under 2 points of 100');
  });

  it('has an interval reaching 1 where nothing takes over', () => {
    // Support: rests .56/.8 = .7 and .54/.8 = .675, and A scores higher on it: [0, 1].
    expect(result.criteria[1].winner).toEqual({ from: 0, to: 1, below: null, above: null });
    expect(result.criteria[1].ranking).toEqual({ from: 0, to: 1 });
  });

  it('ends both intervals at the current weight when the leader is tied now, and says so', () => {
    const tied = fromRows([
      [1, 0],
      [0, 1],
      [0.2, 0.2],
    ]);
    const r = unwrap(analyseSensitivity(tied, [1, 1]));
    expect(r.headline).toBe('A and B tie for first');
    expect(r.leader).toBe('A');
    expect(r.criteria[0].winner).toEqual({ from: 0.5, to: 1, below: 'B', above: null });
    expect(r.criteria[1].winner).toEqual({ from: 0, to: 0.5, below: null, above: 'B' });
    expect(r.fragileReasons[0]).toMatchObject({ kind: 'margin', margin: 0, text: 'A and B are level (a lead under 2 points of 100)' });
  });

  it('says no single weight change makes another option lead when the leader is best everywhere', () => {
    const r = unwrap(analyseSensitivity(fromRows([[0.9, 0.8], [0.5, 0.8], [0.1, 0.2]]), [3, 1]));
    expect(r.headline).toBe('No single weight change makes another option lead');
    expect(r.nearestFlip).toBeNull();
    // Twice 75 % is capped at 100 %.
    expect(r.tornado.find((t) => t.criterion === 'c0')!.highWeight).toBe(1);
  });

  it('leaves out options with missing scores, naming them', () => {
    const m = fromRows([
      [1, 0.5],
      [null, 1],
      [0, 0],
    ]);
    expect(m.options.map((o) => o.id)).toEqual(['A', 'C']);
    expect(m.note).toBe('Left out: B has missing scores.');
    expect(unwrap(analyseSensitivity(m, [1, 1])).note).toBe(m.note);
    const alone = robustnessMatrixFromRows({ options: [{ id: 1, name: 'One' }, { id: 2, name: 'Two' }], criteria: [{ id: 1, name: 'c' }], rows: [[1], [null]] });
    expect(alone.ok || alone.error.message).toBe('How robust the ranking is needs two options with every score; only One has them (Two has missing scores).');
  });

  it('refuses weights scoring would refuse', () => {
    const r = analyseSensitivity(fromRows([[1], [0]]), [0]);
    expect(r.ok || r.error.message).toMatch(/All weights are zero/);
  });
});

/** Matrices on a grid of quarters (so ties and shared crossings happen) with integer weights. */
const matrices = fc
  .record({ n: fc.integer({ min: 2, max: 6 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc.record({
      rows: fc.array(fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x / 4), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m, maxLength: m }).filter((w) => w.some((x) => x > 0)),
    }),
  );

function leaderHolds(matrix: RobustnessMatrix, result: Sensitivity, weights: number[], k: number, t: number): boolean {
  const totals = totalsAt(matrix, weights, k, t);
  const leader = matrix.options.findIndex((o) => o.id === result.leader);
  return totals.every((x) => x <= totals[leader] + 1e-12);
}

describe('properties', () => {
  it('puts the current weight inside both its intervals, and the ranking interval inside the winner interval', () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights }) => {
        const result = unwrap(analyseSensitivity(fromRows(rows), weights));
        for (const c of result.criteria) {
          expect(c.winner.from).toBeLessThanOrEqual(c.weight);
          expect(c.weight).toBeLessThanOrEqual(c.winner.to);
          expect(c.ranking.from).toBeLessThanOrEqual(c.weight);
          expect(c.weight).toBeLessThanOrEqual(c.ranking.to);
          expect(c.winner.from).toBeLessThanOrEqual(c.ranking.from + 1e-12);
          expect(c.ranking.to).toBeLessThanOrEqual(c.winner.to + 1e-12);
        }
      }),
    );
  });

  it('has the named option tie the leader at each finite end and lead just past it', () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights }) => {
        const matrix = fromRows(rows);
        const result = unwrap(analyseSensitivity(matrix, weights));
        const index = (id: unknown) => matrix.options.findIndex((o) => o.id === id);
        const leader = index(result.leader);
        result.criteria.forEach((c, k) => {
          for (const [end, taker, past] of [
            [c.winner.to, c.winner.above, 1e-6],
            [c.winner.from, c.winner.below, -1e-6],
          ] as const) {
            if (taker === null) {
              expect(end === 0 || end === 1).toBe(true);
              continue;
            }
            const there = totalsAt(matrix, weights, k, end);
            expect(Math.abs(there[index(taker)] - there[leader])).toBeLessThan(1e-9);
            const beyond = end + past;
            if (beyond < 0 || beyond > 1) continue;
            const after = totalsAt(matrix, weights, k, beyond);
            expect(after[index(taker)]).toBeGreaterThan(after[leader]);
            for (const x of after) expect(x).toBeLessThanOrEqual(after[index(taker)] + 1e-12);
          }
        });
      }),
    );
  });

  it('matches the leader computed afresh across a grid of weights (the intervals are exact)', () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights }) => {
        const matrix = fromRows(rows);
        const result = unwrap(analyseSensitivity(matrix, weights));
        result.criteria.forEach((c, k) => {
          for (let step = 0; step <= 97; step++) {
            const t = step / 97;
            if (Math.abs(t - c.winner.from) < 1e-6 || Math.abs(t - c.winner.to) < 1e-6) continue;
            expect(leaderHolds(matrix, result, weights, k, t)).toBe(t >= c.winner.from && t <= c.winner.to);
          }
        });
      }),
    );
  });

  it('gives a leader that wins on every criterion winner intervals [0, 1]', () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights }) => {
        const best = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j])));
        const matrix = fromRows([best, ...rows.slice(1)]);
        const result = unwrap(analyseSensitivity(matrix, weights));
        if (result.leader !== 'A') return; // another option equal to A everywhere, earlier by index: not this case.
        for (const c of result.criteria) expect([c.winner.from, c.winner.to]).toEqual([0, 1]);
      }),
    );
  });

  it('names the criterion needing the smallest change, and is fragile exactly by the thresholds', () => {
    fc.assert(
      fc.property(matrices, ({ rows, weights }) => {
        const result = unwrap(analyseSensitivity(fromRows(rows), weights));
        const distances = result.criteria.flatMap((c) => [
          ...(c.winner.to > 0 && c.winner.to < 1 ? [c.winner.to - c.weight] : []),
          ...(c.winner.from > 0 && c.winner.from < 1 ? [c.weight - c.winner.from] : []),
        ]);
        if (distances.length === 0) expect(result.nearestFlip).toBeNull();
        else expect(Math.abs(result.nearestFlip!.to - result.nearestFlip!.from)).toBeCloseTo(Math.min(...distances), 12);
        const near = distances.some((d) => d <= FRAGILE_THRESHOLDS.flipDistance);
        expect(result.fragile).toBe(result.margin < FRAGILE_THRESHOLDS.margin || near);
      }),
    );
  });

  it('returns plain data that survives a structured clone unchanged', () => {
    const { result } = seeded();
    expect(structuredClone(result)).toEqual(result);
  });
});
