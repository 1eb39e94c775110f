import { listInWords, type ItemId } from './matrix';

/**
 * When a leader is called fragile. The one place these numbers live: the UI and the reports state
 * them from here (FRAGILE_RULE). As shares of 1: 0.02 is 2 points of 100.
 */
export const FRAGILE_THRESHOLDS = {
  /** The lead over the runner-up is under this. */
  margin: 0.02,
  /** Some weight is within this of its flip point (an end of its winner interval inside (0, 1)). */
  flipDistance: 0.05,
} as const;

export const FRAGILE_RULE =
  `A leader is fragile when it leads by under ${points(FRAGILE_THRESHOLDS.margin)} points of 100, ` +
  `or some weight is within ${points(FRAGILE_THRESHOLDS.flipDistance)} points of where another option would lead.`;

/** The smallest single weight change that changes the leader. */
export interface NearestFlip {
  criterion: ItemId;
  /** Whether the weight must rise above `to` or fall below it. */
  direction: 'rises' | 'falls';
  from: number;
  to: number;
  /** Who leads past the flip point. */
  then: ItemId;
}

export type FragileReason =
  | { kind: 'margin'; margin: number; text: string }
  | { kind: 'flip'; criterion: ItemId; weight: number; flipPoint: number; distance: number; then: ItemId; text: string };

/** A share of 1 as a percentage in words: 0.1 → "10", 0.181818 → "18.2". */
function percentNumber(share: number, decimals: number): string {
  // Rounded to a whole number of tenths (or hundredths …) and divided back: String() then writes
  // no trailing zeros, and turns a rounded −0 into "0". Cheaper than toFixed, which matters when
  // fifty fragile reasons are worded on every slider input.
  const scale = 10 ** decimals;
  return String(Math.round(share * 100 * scale) / scale);
}

/** Points of 100 in words, one decimal. */
export function points(share: number): string {
  return percentNumber(share, 1);
}

/**
 * The one rule for every percentage the robustness analysis states — the headline, the fragile
 * reasons, the weight bands, the tornado, the rank acceptabilities and the central weights, in the
 * app, on the report page (PDF) and in the Markdown record: rounded to one decimal, with no
 * trailing zero, and a space before the sign: "10 %", "18.2 %", "0 %". Only the headline uses more
 * decimals, when one would not tell its two numbers apart.
 */
export function percentText(share: number, decimals = 1): string {
  return `${percentNumber(share, decimals)} %`;
}

/** A percentage already rounded for showing (core/shares.ts's roundedPercents, 0..100), under the same rule: 15 → "15 %", 33.4 → "33.4 %". */
export function shownPercentText(percent: number): string {
  return percentText(percent / 100);
}

/**
 * "PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then
 * TensorFlow leads)". When a change so small rounds to the same text at one decimal, both
 * numbers get more decimals, so the sentence never reads "from 10 % to above 10 %".
 */
export function headlineText(leaderName: string, tiedForFirst: readonly string[], flip: { criterionName: string; flip: NearestFlip; thenName: string } | null): string {
  if (tiedForFirst.length > 0) return `${listInWords([leaderName, ...tiedForFirst])} tie for first`;
  if (!flip) return 'No single weight change makes another option lead';
  const { from, to, direction } = flip.flip;
  let decimals = 1;
  while (decimals < 4 && percentText(from, decimals) === percentText(to, decimals)) decimals++;
  const side = direction === 'rises' ? 'above' : 'below';
  return `${leaderName} stays first unless ${flip.criterionName} ${direction} from ${percentText(from, decimals)} to ${side} ${percentText(to, decimals)} (then ${flip.thenName} leads)`;
}

export function marginReason(margin: number, leaderName: string, runnerUpName: string): FragileReason {
  const text =
    points(margin) === '0'
      ? `${leaderName} and ${runnerUpName} are level (a lead under ${points(FRAGILE_THRESHOLDS.margin)} points of 100)`
      : `${leaderName} leads ${runnerUpName} by ${points(margin)} points of 100 (under ${points(FRAGILE_THRESHOLDS.margin)})`;
  return { kind: 'margin', margin, text };
}

export function flipReason(criterion: ItemId, criterionName: string, weight: number, flipPoint: number, then: ItemId, thenName: string): FragileReason {
  const distance = Math.abs(flipPoint - weight);
  const text =
    `${criterionName} is ${points(distance)} points from ${percentText(flipPoint)}, where ${thenName} would lead ` +
    `(within ${points(FRAGILE_THRESHOLDS.flipDistance)})`;
  return { kind: 'flip', criterion, weight, flipPoint, distance, then, text };
}
