import { describe, expect, it } from 'vitest';
import { judgmentOf, pairsOf, ratioText, saatyWords, SAATY_STEPS, suggestionInWords, withJudgment } from './ahp-pairs';

describe('pairs', () => {
  it('are every pair once, n(n − 1)/2 of them', () => {
    expect(pairsOf([1, 2, 3])).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(pairsOf([1, 2, 3, 4, 5, 6])).toHaveLength(15);
    expect(pairsOf([1])).toEqual([]);
  });
});

describe('Saaty’s words', () => {
  it('name the odd steps and put the even ones between', () => {
    expect(SAATY_STEPS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(SAATY_STEPS.map(saatyWords)).toEqual([
      'equal',
      'equal to moderate',
      'moderate',
      'moderate to strong',
      'strong',
      'strong to very strong',
      'very strong',
      'very strong to extreme',
      'extreme',
    ]);
    expect(saatyWords(5.2)).toBe('strong');
    expect(saatyWords(14)).toBe('extreme');
  });
});

describe('a pair’s judgment', () => {
  const judgments = [
    { more: 1, less: 2, ratio: 3 },
    { more: 3, less: 1, ratio: 5 },
  ];

  it('is found whichever way round it was made', () => {
    expect(judgmentOf(judgments, 2, 1)).toEqual({ more: 1, less: 2, ratio: 3 });
    expect(judgmentOf(judgments, 1, 3)).toEqual({ more: 3, less: 1, ratio: 5 });
    expect(judgmentOf(judgments, 2, 3)).toBeUndefined();
  });

  it('is replaced in its place, turned round when given below 1, added, or removed', () => {
    expect(withJudgment(judgments, 2, 1, { more: 2, less: 1, ratio: 7 })).toEqual([{ more: 2, less: 1, ratio: 7 }, judgments[1]]);
    expect(withJudgment(judgments, 1, 2, { more: 1, less: 2, ratio: 0.25 })).toEqual([{ more: 2, less: 1, ratio: 4 }, judgments[1]]);
    expect(withJudgment(judgments, 2, 3, { more: 2, less: 3, ratio: 1 })).toEqual([...judgments, { more: 2, less: 3, ratio: 1 }]);
    expect(withJudgment(judgments, 3, 1, null)).toEqual([judgments[0]]);
    expect(judgments).toHaveLength(2);
  });
});

describe('the suggestion for the judgment to reconsider', () => {
  const name = (id: number) => ['', 'Cost', 'Speed'][id];

  it('gives the fitting value with its words', () => {
    expect(suggestionInWords({ more: 1, less: 2, ratio: 9, suggested: 5.2345, departure: 1.7 }, name)).toBe('the other judgments suggest 5.2 (strong)');
    expect(ratioText(3)).toBe('3');
  });

  it('turns it round when the others favour the other criterion, and says when it is off the scale', () => {
    expect(suggestionInWords({ more: 1, less: 2, ratio: 3, suggested: 0.5, departure: 6 }, name)).toBe('the other judgments suggest the reverse: “Speed” over “Cost”, 2 (equal to moderate)');
    expect(suggestionInWords({ more: 1, less: 2, ratio: 3, suggested: 12.34, departure: 4 }, name)).toBe("the other judgments suggest 12.3 (extreme, beyond the scale's 9)");
  });
});
