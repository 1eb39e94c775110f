import { fail, ok, type Result } from '../result';
import { principalEigenpair } from './eigenvector';
import { quotedNames, weightRecord, type CriterionKey, type WeighedCriterion } from './types';

/**
 * AHP pairwise comparison (Saaty). Each judgment says `more` matters `ratio` times as much as
 * `less`, on Saaty's 1–9 scale (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; values
 * between and fractions, such as a group's geometric mean, are allowed). The judgments fill a
 * reciprocal matrix, a_ij = ratio and a_ji = 1 / ratio; the weights are its principal right
 * eigenvector, by power iteration to 1e-12.
 *
 * Not every pair needs judging: once the judged pairs link every criterion (directly or through
 * others), Harker's method (1987) fills the gaps — a missing a_ij is 0 and the diagonal a_ii is
 * 1 + the number of pairs missing in row i. Its eigenvector w is the one a matrix completed with
 * a_ij = w_i / w_j would have, with the same λmax, so the consistency below is that of the
 * completed matrix. A complete set is the plain eigenvector (no gaps, diagonal 1).
 */
export const SAATY_MIN = 1;
export const SAATY_MAX = 9;

/** Saaty's random index: the mean CI of random reciprocal matrices of n criteria. */
export const SAATY_RANDOM_INDEX: Readonly<Record<number, number>> = { 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 };

/** A consistency ratio above this is flagged: Saaty's rule that the judgments should be revised. */
export const CONSISTENCY_RATIO_LIMIT = 0.1;

/** Departures this close to 1 are rounding, not inconsistency: no judgment is singled out. */
const CONSISTENT_DEPARTURE = 1 + 1e-9;

export interface AhpJudgment<Id extends CriterionKey = number> {
  more: Id;
  less: Id;
  /** How many times as much `more` matters as `less`: 1–9. */
  ratio: number;
}

/**
 * The judgment that departs most from the weights. A judgment a = a_ij fits the weights when
 * a = w_i / w_j; its departure is the factor it is off by, max(a·w_j/w_i, w_i/(a·w_j)) ≥ 1, so
 * judging twice too much and half too much depart equally (it is e^|ln(a·w_j/w_i)|).
 */
export interface InconsistentJudgment<Id extends CriterionKey = number> {
  more: Id;
  less: Id;
  ratio: number;
  /** w_more / w_less: the ratio that would fit the other judgments (below 1, they favour `less`). */
  suggested: number;
  departure: number;
}

export interface AhpConsistency<Id extends CriterionKey = number> {
  lambdaMax: number;
  /** CI = (λmax − n) / (n − 1); 0 for one or two criteria, which cannot be inconsistent. */
  index: number;
  /** The random index used: 0 for up to two criteria; null beyond Saaty's table (more than 10). */
  randomIndex: number | null;
  /** CR = CI / RI; 0 for up to two criteria; null where there is no random index. */
  ratio: number | null;
  /** CR above 0.10. */
  flagged: boolean;
  /** Pairs judged, of `pairs` = n(n − 1)/2. */
  judged: number;
  pairs: number;
  /** null when every judgment fits the weights (a perfectly consistent set, or no judgments). */
  mostInconsistent: InconsistentJudgment<Id> | null;
}

export interface AhpWeights<Id extends CriterionKey = number> {
  weights: Record<Id, number>;
  consistency: AhpConsistency<Id>;
}

export function ahpWeights<Id extends CriterionKey>(judgments: readonly AhpJudgment<Id>[], criteria: readonly WeighedCriterion<Id>[]): Result<AhpWeights<Id>> {
  const n = criteria.length;
  if (n === 0) return fail('invalid-input', 'The decision has no criteria to compare.');
  const indexOf = new Map(criteria.map((c, i) => [c.id, i]));
  const matrix = new Float64Array(n * n);
  const judgedInRow = new Int32Array(n);
  const links = new Links(n);
  const placed: { i: number; j: number; ratio: number }[] = [];
  for (const { more, less, ratio } of judgments) {
    const i = indexOf.get(more);
    const j = indexOf.get(less);
    if (i === undefined || j === undefined) return fail('invalid-input', 'A judgment names a criterion the decision does not have.');
    const pair = `"${criteria[i].name}" over "${criteria[j].name}"`;
    if (i === j) return fail('invalid-input', `"${criteria[i].name}" is compared with itself.`);
    if (!(ratio >= SAATY_MIN && ratio <= SAATY_MAX)) return fail('invalid-input', `${pair}: the ratio must be from ${SAATY_MIN} to ${SAATY_MAX} on Saaty's scale (got ${ratio}).`);
    if (matrix[i * n + j] !== 0) return fail('invalid-input', `"${criteria[i].name}" and "${criteria[j].name}" are compared twice.`);
    matrix[i * n + j] = ratio;
    matrix[j * n + i] = 1 / ratio;
    judgedInRow[i]++;
    judgedInRow[j]++;
    links.join(i, j);
    placed.push({ i, j, ratio });
  }
  const unlinked = links.outsideLargest();
  if (unlinked.length > 0) {
    if (placed.length === 0) return fail('invalid-input', 'No pairs are compared yet: compare pairs until every criterion is linked to the others.');
    const names = unlinked.map((i) => criteria[i].name);
    const one = names.length === 1;
    return fail('invalid-input', `${quotedNames(names)} ${one ? 'is' : 'are'} not linked to the other criteria by any chain of comparisons: compare ${one ? 'it' : 'them'} with at least one of the others.`);
  }
  // Harker's diagonal: 1 for the criterion itself, plus one for each pair in its row not judged.
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1 + (n - 1 - judgedInRow[i]);

  const { vector: w, value: lambdaMax } = principalEigenpair(matrix, n);
  // λmax ≥ n for any positive reciprocal matrix; a consistent one can land a rounding error below.
  const index = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const randomIndex = SAATY_RANDOM_INDEX[n] ?? null;
  const ratio = n <= 2 ? 0 : randomIndex === null ? null : index / randomIndex;

  let mostInconsistent: InconsistentJudgment<Id> | null = null;
  for (const { i, j, ratio: judged } of placed) {
    const fit = (judged * w[j]) / w[i];
    const departure = Math.max(fit, 1 / fit);
    if (departure > CONSISTENT_DEPARTURE && departure > (mostInconsistent?.departure ?? 0)) {
      mostInconsistent = { more: criteria[i].id, less: criteria[j].id, ratio: judged, suggested: w[i] / w[j], departure };
    }
  }
  return ok({
    weights: weightRecord(criteria, (c) => w[c]),
    consistency: {
      lambdaMax,
      index,
      randomIndex: n <= 2 ? 0 : randomIndex,
      ratio,
      flagged: ratio !== null && ratio > CONSISTENCY_RATIO_LIMIT,
      judged: placed.length,
      pairs: (n * (n - 1)) / 2,
      mostInconsistent,
    },
  });
}

/** Which criteria the judgments link, directly or through others (union–find). */
class Links {
  private readonly parent: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, i) => i);
  }

  private root(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }

  join(a: number, b: number): void {
    this.parent[this.root(a)] = this.root(b);
  }

  /** Criteria outside the largest linked group (the first such group on a tie), in order. */
  outsideLargest(): number[] {
    const count = this.parent.length;
    const size = new Int32Array(count);
    for (let i = 0; i < count; i++) size[this.root(i)]++;
    let largest = this.root(0);
    for (let i = 0; i < count; i++) if (size[this.root(i)] > size[largest]) largest = this.root(i);
    const outside: number[] = [];
    for (let i = 0; i < count; i++) if (this.root(i) !== largest) outside.push(i);
    return outside;
  }
}
