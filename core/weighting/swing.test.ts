import { describe, expect, it } from 'vitest';
import { swingWeights } from './swing';

const criteria = [
  { id: 1, name: 'Cost', weight: 0 },
  { id: 2, name: 'Speed', weight: 0 },
  { id: 3, name: 'Docs', weight: 0 },
];

describe('swing weights', () => {
  it('divides each swing’s points by their sum, the most important at 100', () => {
    const result = swingWeights({ 1: 100, 2: 60, 3: 40 }, criteria);
    expect(result).toEqual({ ok: true, value: { weights: { 1: 0.5, 2: 0.3, 3: 0.2 }, highest: 100 } });
  });

  it('scores swings with none at 100 by their proportions, saying what the highest is', () => {
    expect(swingWeights({ 1: 50, 2: 30, 3: 20 }, criteria)).toEqual({ ok: true, value: { weights: { 1: 0.5, 2: 0.3, 3: 0.2 }, highest: 50 } });
  });

  it('does not take a criterion without points for one worth nothing', () => {
    expect(swingWeights({ 1: 100 }, criteria)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Give "Speed" and "Docs" their swing points from 0 to 100.' } });
    expect(swingWeights({ 1: 100, 2: 10 }, criteria)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Give "Docs" its swing points from 0 to 100.' } });
  });

  it.each([
    ['points above 100', { 1: 100, 2: 120, 3: 0 }, 'The swing points of "Speed" must be from 0 to 100 (got 120).'],
    ['negative points', { 1: 100, 2: 10, 3: -1 }, 'The swing points of "Docs" must be from 0 to 100 (got -1).'],
    ['every swing at 0', { 1: 0, 2: 0, 3: 0 }, 'Every swing has 0 points: give the swing that matters most 100.'],
    ['points for a criterion the decision lacks', { 1: 100, 2: 10, 3: 5, 9: 50 }, 'The swing points name a criterion the decision does not have.'],
  ])('refuses %s', (_, points, message) => {
    expect(swingWeights(points as Record<number, number>, criteria)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });

  it('does not read inherited properties as points', () => {
    const result = swingWeights<string>({ a: 100 }, [
      { id: 'a', name: 'A', weight: 0 },
      { id: 'constructor', name: 'Constructor', weight: 0 },
    ]);
    expect(!result.ok && result.error.message).toBe('Give "Constructor" its swing points from 0 to 100.');
  });
});
