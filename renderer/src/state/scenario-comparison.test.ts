import { describe, expect, it } from 'vitest';
import { prepareDecision } from '../../../core/decision-scoring';
import { compareScenarios } from './scenario-comparison';
import { DEPLOYMENT, templateDecision } from './test/fake-client';

const decision = templateDecision();
const prepared = (() => {
  const p = prepareDecision(decision);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
})();
const slider = new Map(decision.criteria.map((c) => [c.id, c.weight]));
const weightOf = (id: number) => slider.get(id)!;

describe('compareScenarios', () => {
  it('ranks the options under the current weights and each scenario, with the change of rank marked', () => {
    const production = { id: 50, name: 'Production', createdAt: '', weights: { ...Object.fromEntries(slider), [DEPLOYMENT]: 100 } };
    const same = { id: 51, name: 'As shipped', createdAt: '', weights: Object.fromEntries([...slider].map(([id, w]) => [id, w * 2])) };
    const comparison = compareScenarios(prepared, weightOf, weightOf, [production, same]);
    expect(comparison.columns.map((c) => c.name)).toEqual(['Current weights', 'Production', 'As shipped']);
    expect(comparison.rows.map((r) => r.name)).toEqual(['PyTorch', 'TensorFlow']);
    const [pytorch, tensorflow] = comparison.rows;
    expect(pytorch.cells.map((c) => c.rank)).toEqual([1, 2, 1]);
    expect(pytorch.cells.map((c) => c.change)).toEqual([0, -1, 0]);
    expect(tensorflow.cells.map((c) => c.change)).toEqual([0, 1, 0]);
    expect(pytorch.cells[0].total).toBeCloseTo(0.8375, 12);
    // Twice every weight is the same weighting.
    expect(comparison.sameAsCurrent).toEqual(['As shipped']);
  });

  it('weighs a criterion added since a scenario was kept at its slider value, and says why a column has no totals', () => {
    const { [DEPLOYMENT]: _, ...without } = Object.fromEntries(slider);
    const older = { id: 52, name: 'Before deployment counted', createdAt: '', weights: without };
    const zero = { id: 53, name: 'Nothing matters', createdAt: '', weights: Object.fromEntries([...slider].map(([id]) => [id, 0])) };
    const comparison = compareScenarios(prepared, weightOf, weightOf, [older, zero]);
    expect(comparison.columns[1]).toMatchObject({ newCriteria: 1, problem: null });
    expect(comparison.sameAsCurrent).toEqual(['Before deployment counted']);
    expect(comparison.columns[2].problem).toContain('All weights are zero');
    expect(comparison.rows[0].cells[2]).toEqual({ total: null, rank: null, change: null });
  });
});
