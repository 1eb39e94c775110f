import { describe, expect, it } from 'vitest';
import { pointsWeights } from './points';

const criteria = (...points: number[]) => points.map((weight, i) => ({ id: i + 1, name: `C${i + 1}`, weight }));

describe('100 points', () => {
  it('turns points into their share of the sum, with nothing left when they add up to 100', () => {
    expect(pointsWeights(criteria(50, 30, 20))).toEqual({ ok: true, value: { weights: { 1: 0.5, 2: 0.3, 3: 0.2 }, pointsLeft: 0 } });
    // 33.3 + 33.3 + 33.4 is 100 give or take a rounding error: nothing is left.
    const thirds = pointsWeights(criteria(33.3, 33.3, 33.4));
    expect(thirds.ok && thirds.value.pointsLeft).toBe(0);
  });

  it('scores a budget that does not add up by its proportions, and says how far off it is', () => {
    const under = pointsWeights(criteria(30, 30));
    expect(under).toEqual({ ok: true, value: { weights: { 1: 0.5, 2: 0.5 }, pointsLeft: 40 } });
    const over = pointsWeights(criteria(80, 40));
    expect(over.ok && over.value.pointsLeft).toBe(-20);
  });

  it.each([
    ['negative points', criteria(50, -10), 'The points of "C2" must be a finite number of zero or more (got -10).'],
    ['points that are not a number', criteria(Number.NaN, 10), 'The points of "C1" must be a finite number of zero or more (got NaN).'],
    ['no points at all', criteria(0, 0), 'No points are given yet: share 100 points among the criteria.'],
  ])('refuses %s', (_, input, message) => {
    expect(pointsWeights(input)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });
});
