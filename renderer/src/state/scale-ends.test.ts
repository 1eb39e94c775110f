import { describe, expect, it } from 'vitest';
import { scaleEnds } from './scale-ends';

describe('the worst and best ends of a scale', () => {
  const scale = { min: 1, max: 5, minLabel: 'steep learning curve', maxLabel: 'plain Python' };

  it('run from the minimum to the maximum for a benefit', () => {
    expect(scaleEnds({ direction: 'benefit', scale })).toEqual({ worst: { value: '1', label: 'steep learning curve' }, best: { value: '5', label: 'plain Python' } });
  });

  it('run from the maximum to the minimum for a cost, where less is better', () => {
    expect(scaleEnds({ direction: 'cost', scale: { min: 0, max: 2.5, minLabel: '', maxLabel: 'dear' } })).toEqual({ worst: { value: '2.5', label: 'dear' }, best: { value: '0', label: '' } });
  });
});
