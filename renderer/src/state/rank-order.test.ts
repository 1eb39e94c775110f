import { describe, expect, it } from 'vitest';
import { NO_WEIGHTING_INPUTS } from '../../../core/weighting/inputs';
import { moveDown, moveTo, moveUp, orderOf, placesOf, rankRows, tieWithAbove, type Places } from './rank-order';

const criteria = [1, 2, 3, 4].map((id) => ({ id, name: `C${id}`, weight: 1 }));

describe('the places of a stored order', () => {
  it('rank a criterion added since last, leave out one removed, and go back as the store keeps them', () => {
    const places = placesOf({ ...NO_WEIGHTING_INPUTS, order: [2, [9, 1]] }, criteria);
    expect(places).toEqual([[2], [1], [3, 4]]);
    expect(orderOf(places)).toEqual([2, 1, [3, 4]]);
  });
});

describe('rows', () => {
  it('number each tie by its first place and say who is tied with the row above', () => {
    expect(rankRows([[2], [1, 3], [4]])).toEqual([
      { id: 2, place: 1, tiedAbove: false, tied: false, canMoveUp: false, canMoveDown: true },
      { id: 1, place: 2, tiedAbove: false, tied: true, canMoveUp: true, canMoveDown: true },
      { id: 3, place: 2, tiedAbove: true, tied: true, canMoveUp: true, canMoveDown: true },
      { id: 4, place: 4, tiedAbove: false, tied: false, canMoveUp: true, canMoveDown: false },
    ]);
  });
});

describe('moving one step', () => {
  const order: Places = [[1], [2], [3, 4]];

  it('swaps a lone criterion with the place above or below, ties and all', () => {
    expect(moveUp(order, 2)).toEqual([[2], [1], [3, 4]]);
    expect(moveDown(order, 2)).toEqual([[1], [3, 4], [2]]);
  });

  it('takes a tied criterion out of its tie, to a place of its own just above or below it', () => {
    expect(moveUp(order, 4)).toEqual([[1], [2], [4], [3]]);
    expect(moveDown(order, 3)).toEqual([[1], [2], [4], [3]]);
    expect(moveUp(order, 3)).toEqual([[1], [2], [3], [4]]);
  });

  it('goes nowhere past either end, and leaves the order it was given alone', () => {
    expect(moveUp(order, 1)).toBe(order);
    expect(moveDown([[1], [2]], 2)).toEqual([[1], [2]]);
    expect(order).toEqual([[1], [2], [3, 4]]);
  });

  it('puts the fourth first in three moves up', () => {
    let places: Places = [[1], [2], [3], [4]];
    for (let i = 0; i < 3; i++) places = moveUp(places, 4);
    expect(places).toEqual([[4], [1], [2], [3]]);
  });
});

describe('tying with the row above', () => {
  it('joins the place above, with any tied to it, changing no other row’s tie', () => {
    expect(tieWithAbove([[1], [2], [3]], 2, true)).toEqual([[1, 2], [3]]);
    expect(tieWithAbove([[1], [2, 3], [4]], 2, true)).toEqual([[1, 2, 3], [4]]);
    const rows = rankRows(tieWithAbove([[1], [2, 3], [4]], 2, true));
    expect(rows.map((r) => r.tiedAbove)).toEqual([false, true, true, false]);
  });

  it('unties it, it and those below it in the tie taking the next place', () => {
    expect(tieWithAbove([[1, 2, 3], [4]], 2, false)).toEqual([[1], [2, 3], [4]]);
    expect(tieWithAbove([[1, 2, 3], [4]], 3, false)).toEqual([[1, 2], [3], [4]]);
  });

  it('does nothing to the first row or a row already as asked', () => {
    const order: Places = [[1], [2, 3]];
    expect(tieWithAbove(order, 1, true)).toBe(order);
    expect(tieWithAbove(order, 3, true)).toBe(order);
    expect(tieWithAbove(order, 2, false)).toBe(order);
  });
});

describe('dropping a criterion on another row', () => {
  it('puts it just before the target when moved up, just after when moved down', () => {
    expect(moveTo([[1], [2], [3], [4]], 4, 2)).toEqual([[1], [4], [2], [3]]);
    expect(moveTo([[1], [2], [3], [4]], 1, 3)).toEqual([[2], [3], [1], [4]]);
  });

  it('splits a tie it is dropped into, at the target', () => {
    expect(moveTo([[1, 2, 3], [4]], 4, 2)).toEqual([[1], [4], [2, 3]]);
    expect(moveTo([[1], [2, 3, 4]], 1, 3)).toEqual([[2, 3], [1], [4]]);
  });

  it('moves within its own tie out of it', () => {
    expect(moveTo([[1, 2, 3]], 3, 1)).toEqual([[3], [1, 2]]);
  });
});
