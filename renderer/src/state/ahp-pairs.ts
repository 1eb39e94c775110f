import { SAATY_MAX, SAATY_MIN, type AhpJudgment, type InconsistentJudgment } from '../../../core/weighting';

/**
 * The pairs an AHP editor asks about, and Saaty's scale in words. Each pair is judged once,
 * either way round: "A over B, 3" and "B over A, 1/3" are the same judgment, and the store keeps
 * the one whose ratio is at least 1.
 */

/** Saaty's words for 1–9; the even values lie between the odd ones. */
export const SAATY_WORDS: Readonly<Record<number, string>> = {
  1: 'equal',
  2: 'equal to moderate',
  3: 'moderate',
  4: 'moderate to strong',
  5: 'strong',
  6: 'strong to very strong',
  7: 'very strong',
  8: 'very strong to extreme',
  9: 'extreme',
};

export const SAATY_STEPS: readonly number[] = Array.from({ length: SAATY_MAX - SAATY_MIN + 1 }, (_, i) => SAATY_MIN + i);

/** The words for a ratio on Saaty's scale: those of the nearest whole step, within 1–9. */
export function saatyWords(ratio: number): string {
  return SAATY_WORDS[Math.min(SAATY_MAX, Math.max(SAATY_MIN, Math.round(ratio)))];
}

/** Every pair of the criteria, each once, in criterion order: (1, 2), (1, 3), … (2, 3), … */
export function pairsOf<T>(items: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) pairs.push([items[i], items[j]]);
  return pairs;
}

const samePair = (j: AhpJudgment<number>, a: number, b: number) => (j.more === a && j.less === b) || (j.more === b && j.less === a);

/** The judgment of the pair, whichever way round it was made; undefined when the pair is not judged. */
export function judgmentOf(judgments: readonly AhpJudgment<number>[], a: number, b: number): AhpJudgment<number> | undefined {
  return judgments.find((j) => samePair(j, a, b));
}

/**
 * The judgments with this pair's replaced (in its place) or, given null, removed. A ratio below 1
 * is turned round, so what is kept always says which matters more.
 */
export function withJudgment(judgments: readonly AhpJudgment<number>[], a: number, b: number, judgment: AhpJudgment<number> | null): AhpJudgment<number>[] {
  const turned = judgment && judgment.ratio < 1 ? { more: judgment.less, less: judgment.more, ratio: 1 / judgment.ratio } : judgment;
  const index = judgments.findIndex((j) => samePair(j, a, b));
  if (index === -1) return turned ? [...judgments, turned] : [...judgments];
  const next = [...judgments];
  if (turned) next[index] = turned;
  else next.splice(index, 1);
  return next;
}

/** A ratio for reading: one decimal at most (5.2, 3). */
export function ratioText(ratio: number): string {
  return String(Math.round(ratio * 10) / 10);
}

/**
 * What the other judgments suggest for the judgment that fits them least, in words: "the other
 * judgments suggest 5.2 (strong)". Where they favour the other criterion (a suggestion below 1),
 * it is turned round and says so; beyond 9, it says it is off the scale.
 */
export function suggestionInWords(worst: InconsistentJudgment<number>, name: (id: number) => string): string {
  if (worst.suggested < 1) {
    const turned = 1 / worst.suggested;
    return `the other judgments suggest the reverse: “${name(worst.less)}” over “${name(worst.more)}”, ${ratioText(turned)} (${saatyWords(turned)})`;
  }
  const beyond = worst.suggested > SAATY_MAX ? `, beyond the scale's ${SAATY_MAX}` : '';
  return `the other judgments suggest ${ratioText(worst.suggested)} (${saatyWords(worst.suggested)}${beyond})`;
}
