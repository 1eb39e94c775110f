import { describe, expect, it } from 'vitest';
import { distinctNames } from './workshop';

describe('distinctNames', () => {
  it('numbers a name given again, in any case or spacing, from (2), and skips a number someone typed', () => {
    expect(distinctNames(['Ana', 'ANA', 'Ana (3)', ' ana', 'Bo', ''])).toEqual(['Ana', 'ANA (2)', 'Ana (3)', 'ana (4)', 'Bo', '']);
  });

  it('leaves empty names empty (anonymous rounds, people who gave none)', () => {
    expect(distinctNames(['', '  ', ''])).toEqual(['', '  ', '']);
  });
});
