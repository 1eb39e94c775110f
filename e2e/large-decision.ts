export const OPTIONS = 9;
export const CRITERIA = 15;

/**
 * A decision in the interchange format, for the UI's import. By default it has more options than
 * the radar profiles and more criteria than the charts draw one by one.
 */
export function largeDecision(options = OPTIONS, criteria = CRITERIA) {
  return {
    format: 'decision-matrix/v1',
    decision: {
      title: `Large check ${options} x ${criteria}`,
      context: '',
      options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, name: `Option ${o + 1}`, description: '' })),
      criteria: Array.from({ length: criteria }, (_, c) => ({
        id: `c${c}`,
        name: `Criterion ${c + 1}`,
        description: '',
        direction: c % 4 === 0 ? 'cost' : 'benefit',
        scale: { min: 1, max: 5, minLabel: '', maxLabel: '' },
        weight: 10 + ((c * 37) % 60),
      })),
      scores: Array.from({ length: options * criteria }, (_, cell) => ({
        option: `o${Math.floor(cell / criteria)}`,
        criterion: `c${cell % criteria}`,
        // One cell left empty, so an incomplete option is drawn too.
        value: cell === 7 ? null : 1 + ((cell * 3 + Math.floor(cell / criteria)) % 5),
        rationale: '',
        source: '',
      })),
    },
  };
}
