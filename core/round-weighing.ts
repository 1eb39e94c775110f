/**
 * How participants give their weights on their phones. Whatever the way, a phone sends weights
 * (points as they are; a rank order as its rank-order centroid weights), which the round's rule
 * combines as before. Apart from the schemas (workshop.ts), so the app's page can name them
 * without loading zod.
 */
export const ROUND_WEIGHINGS = ['sliders', 'points', 'rank'] as const;
export type RoundWeighing = (typeof ROUND_WEIGHINGS)[number];
export const ROUND_WEIGHING_NAMES: Readonly<Record<RoundWeighing, string>> = {
  sliders: 'Sliders',
  points: '100 points',
  rank: 'Rank order',
};
