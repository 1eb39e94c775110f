import type { WeightingInputs } from '../../../core/weighting/inputs';
import { placesOf, rankRows } from './rank-order';

interface Criterion {
  id: number;
  name: string;
  weight: number;
}

/** A place in words: "1st", "3rd=" for a tie. */
export function placeText(place: number, tied: boolean): string {
  const tens = place % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][place % 10] ?? 'th');
  return `${place}${suffix}${tied ? '=' : ''}`;
}

/**
 * What the weight column says beside each weight when the inputs are edited below the matrix:
 * the place under rank order ("2nd", "3rd=" when tied), the swing points under swing, nothing
 * otherwise (the slider or the points field is the input).
 */
export function weightNotes(inputs: WeightingInputs, criteria: readonly Criterion[]): Map<number, string> {
  switch (inputs.method) {
    case 'rank':
      return new Map(rankRows(placesOf(inputs, criteria)).map((row) => [row.id, placeText(row.place, row.tied)]));
    case 'swing':
      return new Map(criteria.map((c) => [c.id, `swing ${Object.hasOwn(inputs.swing, c.id) ? inputs.swing[c.id] : 0}`]));
    default:
      return new Map();
  }
}
