import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../core/result';
import { decisionWeights, NO_WEIGHTING_INPUTS, type WeightingInputs } from '../../../core/weighting/inputs';
import { currentShares, hasInputs, orderFromShares, pointsFromShares, pointsLeft, swingFromShares, switchTo } from './weighting-seed';

/** The seeded decision's six criteria and slider values (25, 20, 15, 10, 15, 15). */
const criteria = [25, 20, 15, 10, 15, 15].map((weight, index) => ({ id: index + 1, name: `C${index + 1}`, weight }));
const ids = criteria.map((c) => c.id);
const inputs = (change: Partial<WeightingInputs> = {}): WeightingInputs => ({ ...NO_WEIGHTING_INPUTS, ...change });
const direct = decisionWeights(inputs(), criteria);

describe('points seeded from the current weights', () => {
  it('are the shares × 100 when those are whole', () => {
    expect(pointsFromShares(ids, currentShares(direct, criteria))).toEqual({ 1: 25, 2: 20, 3: 15, 4: 10, 5: 15, 6: 15 });
  });

  it('add to exactly 100 when the shares do not divide evenly, the largest remainders rounded up', () => {
    expect(pointsFromShares([1, 2, 3], [1 / 3, 1 / 3, 1 / 3])).toEqual({ 1: 34, 2: 33, 3: 33 });
    const sevenths = pointsFromShares([1, 2, 3, 4, 5, 6, 7], [1, 1, 1, 1, 1, 1, 1]);
    expect(Object.values(sevenths).reduce((a, b) => a + b, 0)).toBe(100);
    // 2/3 = 66.67 and 1/3 = 33.33: rounding both down leaves 1, which goes to the larger remainder.
    expect(pointsFromShares([1, 2], [2 / 3, 1 / 3])).toEqual({ 1: 67, 2: 33 });
    const awkward = pointsFromShares([1, 2, 3, 4], [0.1234, 0.2345, 0.3456, 0.2965]);
    expect(Object.values(awkward).reduce((a, b) => a + b, 0)).toBe(100);
    // 12.34, 23.45, 34.56, 29.65: the two left go to .65 and .56.
    expect(awkward).toEqual({ 1: 12, 2: 23, 3: 35, 4: 30 });
  });

  it('are shared equally when every share is zero', () => {
    expect(pointsFromShares([1, 2, 3, 4], [0, 0, 0, 0])).toEqual({ 1: 25, 2: 25, 3: 25, 4: 25 });
  });
});

describe('a rank order seeded from the current weights', () => {
  it('puts the heaviest first and ties equal weights, in criterion order within the tie', () => {
    expect(orderFromShares(ids, currentShares(direct, criteria))).toEqual([1, 2, [3, 5, 6], 4]);
  });

  it('ties shares equal but for rounding', () => {
    expect(orderFromShares([1, 2, 3], [0.1 + 0.2, 0.3, 0.4])).toEqual([3, [1, 2]]);
  });
});

describe('swing points seeded from the current weights', () => {
  it('give the heaviest 100 and the others in proportion, rounded', () => {
    expect(swingFromShares(ids, currentShares(direct, criteria))).toEqual({ 1: 100, 2: 80, 3: 60, 4: 40, 5: 60, 6: 60 });
    expect(swingFromShares([1, 2], [2 / 3, 1 / 3])).toEqual({ 1: 100, 2: 50 });
  });
});

describe('the shares a switch starts from', () => {
  it('are the active method’s weights', () => {
    const ranked = decisionWeights(inputs({ method: 'rank', order: [4, 1, 2, 3, 5, 6] }), criteria);
    expect(currentShares(ranked, criteria)[3]).toBeCloseTo(0.408, 3);
  });

  it('fall back on the sliders’ proportions when the method gives no weights, and on equal shares when those are all zero', () => {
    expect(currentShares(fail('invalid-input', 'not connected'), criteria)).toEqual([0.25, 0.2, 0.15, 0.1, 0.15, 0.15]);
    const zeros = criteria.map((c) => ({ ...c, weight: 0 }));
    expect(currentShares(fail('invalid-input', 'all zero'), zeros)).toEqual(Array(6).fill(1 / 6));
  });
});

describe('switching method', () => {
  it('seeds a method that has no inputs from the weights in use, so the ranking does not jump', () => {
    expect(switchTo('points', inputs(), criteria, direct)).toEqual({ method: 'points', points: { 1: 25, 2: 20, 3: 15, 4: 10, 5: 15, 6: 15 } });
    expect(switchTo('rank', inputs(), criteria, direct)).toEqual({ method: 'rank', order: [1, 2, [3, 5, 6], 4] });
    expect(switchTo('swing', inputs(), criteria, direct)).toEqual({ method: 'swing', swing: { 1: 100, 2: 80, 3: 60, 4: 40, 5: 60, 6: 60 } });
    const seeded = { ...inputs(), ...switchTo('points', inputs(), criteria, direct) };
    const before = direct.ok ? direct.value.weights : {};
    const after = decisionWeights(seeded, criteria);
    expect(after.ok && after.value.weights).toEqual(before);
  });

  it('never overwrites inputs already there: switching back finds them as they were', () => {
    const kept = inputs({ points: { 1: 90, 2: 10 }, order: [3, 1], swing: { 2: 100 }, judgments: [{ more: 1, less: 2, ratio: 3 }] });
    for (const method of ['points', 'rank', 'swing', 'ahp', 'direct'] as const) expect(switchTo(method, kept, criteria, direct)).toEqual({ method });
  });

  it('leaves AHP empty, for the team to judge pair by pair', () => {
    expect(switchTo('ahp', inputs(), criteria, direct)).toEqual({ method: 'ahp' });
  });

  it('reseeds inputs that name only criteria since removed', () => {
    const stale = inputs({ points: { 99: 100 } });
    expect(hasInputs(stale, 'points', ids)).toBe(false);
    expect(switchTo('points', stale, criteria, ok({ method: 'direct', name: '', weights: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 }, warnings: [] }))).toEqual({
      method: 'points',
      points: { 1: 100, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 },
    });
  });
});

describe('points left', () => {
  it('is 100 minus the points given to the criteria there are, rounded for reading', () => {
    expect(pointsLeft(inputs({ points: { 1: 30, 2: 20, 99: 50 } }), ids)).toBe(50);
    expect(pointsLeft(inputs({ points: { 1: 0.1, 2: 0.2 } }), ids)).toBe(99.7);
    expect(pointsLeft(inputs({ points: { 1: 80, 2: 40 } }), ids)).toBe(-20);
  });
});
