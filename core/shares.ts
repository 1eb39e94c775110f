/**
 * Shares of a whole shown as percentages that add up to exactly 100 (or to what the shares add up
 * to, rounded): each is rounded down to the decimals shown, and the units still missing go to the
 * largest remainders (Hamilton's largest-remainder method; equal remainders to the earlier share).
 * So three equal weights read 33.4 %, 33.3 %, 33.3 % rather than 33.3 % three times (99.9 %), and
 * no shown share is more than one unit of its last decimal away from the exact one.
 */
export function roundedPercents(shares: readonly number[], decimals = 1): number[] {
  const unit = 10 ** decimals;
  // A share that is a whole number of units up to floating-point noise (0.29 × 100 is 28.999…) is that number.
  const scaled = shares.map((share) => {
    const x = Number.isFinite(share) && share > 0 ? share * 100 * unit : 0;
    const whole = Math.round(x);
    return Math.abs(x - whole) < 1e-9 ? whole : x;
  });
  const floors = scaled.map(Math.floor);
  const target = Math.round(scaled.reduce((a, b) => a + b, 0));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const byRemainder = scaled.map((x, i) => i).sort((a, b) => scaled[b] - floors[b] - (scaled[a] - floors[a]) || a - b);
  for (const i of byRemainder) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors.map((units) => units / unit);
}
