import { describe, expect, it } from 'vitest';
import { vector } from '../testdata/vectors';
import { effectiveWeights, translateWeightingIds, WEIGHTING_METHOD_NAMES, WEIGHTING_METHODS, type Weighting } from './index';

const criteria = [
  { id: 1, name: 'Cost', weight: 50 },
  { id: 2, name: 'Speed', weight: 30 },
  { id: 3, name: 'Docs', weight: 10 },
];

function weigh(weighting: Weighting) {
  const result = effectiveWeights(weighting, criteria);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('effectiveWeights', () => {
  it('names every method, in words too', () => {
    expect(WEIGHTING_METHODS.map((m) => WEIGHTING_METHOD_NAMES[m])).toEqual(['Direct weights', '100 points', 'Rank order', 'Swing weighting', 'AHP pairwise comparison']);
    expect(weigh({ method: 'direct' })).toMatchObject({ method: 'direct', name: 'Direct weights', warnings: [] });
    expect(weigh({ method: 'rank', rule: 'roc', order: [3, 1, 2] })).toMatchObject({ method: 'rank', rule: 'roc', name: 'Rank order (rank-order centroid)' });
    expect(weigh({ method: 'rank', rule: 'reciprocal', order: [3, 1, 2] }).name).toBe('Rank order (rank reciprocal)');
  });

  it('weighs directly and by points from the criteria’s own weights', () => {
    expect(weigh({ method: 'direct' }).weights).toEqual({ 1: 50 / 90, 2: 30 / 90, 3: 10 / 90 });
    const points = weigh({ method: 'points' });
    expect(points).toMatchObject({ pointsLeft: 10, warnings: ['The points add up to 90, not 100 (10 left to share); the weights use the proportions.'] });
    expect(points.weights).toEqual({ 1: 50 / 90, 2: 30 / 90, 3: 10 / 90 });
    const thirds = effectiveWeights({ method: 'points' }, criteria.map((c) => ({ ...c, weight: 33.3 })));
    expect(thirds.ok && thirds.value.warnings).toEqual(['The points add up to 99.9, not 100 (0.1 left to share); the weights use the proportions.']);
  });

  it('ignores the slider weights for rank, swing and AHP', () => {
    const { expected } = vector('rank-order-centroid') as { expected: Record<string, number[]> };
    const rank = weigh({ method: 'rank', rule: 'roc', order: [3, 1, 2] }).weights;
    expect([rank[3], rank[1], rank[2]].map((w) => w.toFixed(4))).toEqual(expected['3'].map((w) => w.toFixed(4)));
    expect(weigh({ method: 'swing', points: { 1: 100, 2: 50, 3: 50 } }).weights).toEqual({ 1: 0.5, 2: 0.25, 3: 0.25 });
  });

  it('warns of swings with none at 100', () => {
    expect(weigh({ method: 'swing', points: { 1: 80, 2: 50, 3: 50 } }).warnings).toEqual(['No swing has 100 points: the swing that matters most should get 100, the others points relative to it.']);
  });

  it('reports AHP consistency and warns of a ratio above 0.10, naming the pair to reconsider', () => {
    // Consistent with 8 : 4 : 2 : 1 but for one judgment turned round (Cost over Community by 8).
    const four = [...criteria, { id: 4, name: 'Community', weight: 0 }];
    const result = effectiveWeights(
      {
        method: 'ahp',
        judgments: [
          { more: 1, less: 2, ratio: 2 },
          { more: 1, less: 3, ratio: 4 },
          { more: 4, less: 1, ratio: 8 },
          { more: 2, less: 3, ratio: 2 },
          { more: 2, less: 4, ratio: 4 },
          { more: 3, less: 4, ratio: 2 },
        ],
      },
      four,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.consistency).toMatchObject({ flagged: true, judged: 6, pairs: 6, mostInconsistent: { more: 4, less: 1, ratio: 8 } });
    expect(result.value.warnings).toHaveLength(1);
    expect(result.value.warnings[0]).toMatch(/^The judgments are inconsistent \(consistency ratio \d+\.\d{3}, above 0\.10\): reconsider "Community" over "Cost", judged 8; the other judgments suggest [\d.]+\.$/);
  });

  it('answers plain data that survives structured clone and JSON unchanged', () => {
    const weightings: Weighting[] = [
      { method: 'direct' },
      { method: 'points' },
      { method: 'rank', rule: 'rank-sum', order: [[1, 2], 3] },
      { method: 'swing', points: { 1: 100, 2: 20, 3: 0 } },
      { method: 'ahp', judgments: [{ more: 1, less: 2, ratio: 3 }, { more: 2, less: 3, ratio: 5 }, { more: 1, less: 3, ratio: 9 }] },
    ];
    for (const weighting of weightings) {
      const result = weigh(weighting);
      expect(structuredClone(result)).toEqual(result);
      expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(structuredClone(result))));
      expect(Object.values(result.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('refuses a decision without criteria', () => {
    expect(effectiveWeights({ method: 'direct' }, [])).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The decision has no criteria yet: add one to weigh it.' } });
  });
});

describe('translateWeightingIds', () => {
  const toFile = new Map([
    [1, 'cost'],
    [2, 'speed'],
  ]);

  it('translates every id a method holds, from row ids to a file’s and back', () => {
    const weightings: Weighting[] = [
      { method: 'rank', rule: 'roc', order: [[2, 1]] },
      { method: 'swing', points: { 1: 100, 2: 40 } },
      { method: 'ahp', judgments: [{ more: 2, less: 1, ratio: 4 }] },
    ];
    const back = new Map([...toFile].map(([row, key]) => [key, row]));
    for (const weighting of weightings) expect(translateWeightingIds(translateWeightingIds(weighting, toFile), back)).toEqual(weighting);
    expect(translateWeightingIds({ method: 'swing', points: { 1: 100, 2: 40 } }, toFile)).toEqual({ method: 'swing', points: { cost: 100, speed: 40 } });
  });

  it('leaves out inputs about criteria the table lacks', () => {
    expect(translateWeightingIds({ method: 'rank', rule: 'roc', order: [3, [1, 3], [3], 2] }, toFile)).toEqual({ method: 'rank', rule: 'roc', order: [['cost'], 'speed'] });
    expect(translateWeightingIds({ method: 'swing', points: { 1: 100, 3: 5 } }, toFile)).toEqual({ method: 'swing', points: { cost: 100 } });
    expect(translateWeightingIds({ method: 'ahp', judgments: [{ more: 3, less: 1, ratio: 2 }, { more: 1, less: 2, ratio: 2 }] }, toFile)).toEqual({ method: 'ahp', judgments: [{ more: 'cost', less: 'speed', ratio: 2 }] });
  });
});
