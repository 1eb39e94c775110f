import { describe, expect, it } from 'vitest';
import { NO_WEIGHTING_INPUTS } from '../../../core/weighting/inputs';
import { placeText, weightNotes } from './weight-notes';

const criteria = [1, 2, 3].map((id) => ({ id, name: `C${id}`, weight: 1 }));

describe('the notes beside the weights', () => {
  it('give each criterion its place under rank order, tied places marked', () => {
    expect([...weightNotes({ ...NO_WEIGHTING_INPUTS, method: 'rank', order: [3, [1, 2]] }, criteria)]).toEqual([
      [3, '1st'],
      [1, '2nd='],
      [2, '2nd='],
    ]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((p) => placeText(p, false))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });

  it('give the swing points under swing (0 where none are given), and nothing for the methods edited in the cell', () => {
    expect([...weightNotes({ ...NO_WEIGHTING_INPUTS, method: 'swing', swing: { 1: 100, 2: 40 } }, criteria).values()]).toEqual(['swing 100', 'swing 40', 'swing 0']);
    expect(weightNotes({ ...NO_WEIGHTING_INPUTS, method: 'points' }, criteria).size).toBe(0);
  });
});
