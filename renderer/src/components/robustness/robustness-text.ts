import { percentText, type CriterionSensitivity, type ItemId, type WinnerInterval } from '../../../../core/sensitivity';
import { points } from '../../../../core/sensitivity/headline';

/** A share of 1 as CSS, for placing a mark on a 0–100 % axis. */
export const place = (share: number): string => `${Math.min(1, Math.max(0, share)) * 100}%`;

/** A margin (a share of 1) in points of 100, signed: "+5.1 points", "−1 point", "0 points". */
export function signedPoints(margin: number): string {
  const text = points(Math.abs(margin));
  if (text === '0') return '0 points';
  return `${margin > 0 ? '+' : '−'}${text} ${text === '1' ? 'point' : 'points'}`;
}

/** Names by id for a sensitivity's options (the complete ones). */
export type NameOf = (id: ItemId) => string;

/** The winner interval in words: "PyTorch first from 0 % to 18.2 %; above 18.2 % TensorFlow leads". */
export function bandText(leader: string, winner: WinnerInterval, nameOf: NameOf): string {
  const { from, to, below, above } = winner;
  if (from <= 0 && to >= 1) return `${leader} first at any weight from 0 % to 100 %`;
  const parts = [`${leader} first from ${percentText(from)} to ${percentText(to)}`];
  if (from > 0 && below !== null) parts.push(`below ${percentText(from)} ${nameOf(below)} leads`);
  if (to < 1 && above !== null) parts.push(`above ${percentText(to)} ${nameOf(above)} leads`);
  return parts.join('; ');
}

/** "; the whole ranking holds from 5 % to 12.5 %", or nothing when that is the winner interval itself. */
export function rankingText(row: CriterionSensitivity): string {
  const { winner, ranking } = row;
  if (ranking.from === winner.from && ranking.to === winner.to) return '';
  return ranking.from <= 0 && ranking.to >= 1 ? '; the whole ranking holds at any weight' : `; the whole ranking holds from ${percentText(ranking.from)} to ${percentText(ranking.to)}`;
}
