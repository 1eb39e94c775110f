/** Distinct, colour-blind-tolerant hues spaced by the golden angle; enough for any number of series. */
export function seriesColour(index: number, alpha = 1): string {
  const hue = (index * 137.508 + 210) % 360;
  return `hsla(${hue.toFixed(1)}, 62%, 52%, ${alpha})`;
}
