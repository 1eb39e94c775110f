import type { Criterion } from '../../../core/model';
import { formatScaleValue } from '../format';

/** One end of a criterion's scale, for reading: its number and, when it has one, its label. */
export interface ScaleEnd {
  value: string;
  label: string;
}

/**
 * The worst and the best ends of a criterion's scale: for a benefit the minimum is the worst, for
 * a cost (where less is better) the maximum is.
 */
export function scaleEnds(criterion: Pick<Criterion, 'direction' | 'scale'>): { worst: ScaleEnd; best: ScaleEnd } {
  const { min, max, minLabel, maxLabel } = criterion.scale;
  const low = { value: formatScaleValue(min), label: minLabel };
  const high = { value: formatScaleValue(max), label: maxLabel };
  return criterion.direction === 'cost' ? { worst: high, best: low } : { worst: low, best: high };
}
