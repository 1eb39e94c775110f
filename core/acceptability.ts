import { chooseProposal, drawWeights, weightSampler, type AcceptabilityMode, type WeightSampler } from './acceptability/weight-draws';
import { MAX_SEED, seededRandom, type RandomState } from './acceptability/random';
import { fail, ok, type Result } from './result';
import { normaliseWeights, TIE_TOLERANCE } from './scoring';
import { points } from './sensitivity/headline';
import type { ItemId, RobustnessMatrix } from './sensitivity/matrix';

/**
 * Rank acceptability (SMAA-2, Lahdelma & Salminen 2001): b_i^r, the share of random weight
 * vectors under which option i takes rank r, and each option's central weight vector (the mean of
 * the draws ranking it first). Plain data in, plain data out, and runnable in chunks, so a Web
 * Worker can report progress and drop a stale run between chunks:
 *
 *   const run = startAcceptability(matrix, settings);            // Result<AcceptabilityRun>
 *   while (!run.value.finished) { run.value.advance(1000); post(run.value.progress); await tick(); }
 *   post(run.value.result());
 *
 * The draws depend only on the seed, never on the chunk sizes. Ties within a draw (totals closer
 * than scoring's TIE_TOLERANCE) share their places: each of g tied options gets 1/g of each of
 * the g ranks, so every option's and every rank's acceptabilities still add up to 1 and no option
 * is favoured for coming first in the list. A tie for first shares the draw's weights the same
 * way in the central weights.
 */

export const ACCEPTABILITY_MODES: readonly AcceptabilityMode[] = ['uniform', 'ordinal', 'interval'];
export type { AcceptabilityMode } from './acceptability/weight-draws';
export { MAX_SEED } from './acceptability/random';

export const DEFAULT_ACCEPTABILITY = { mode: 'uniform', draws: 10_000, seed: 1, within: 0.05 } as const;
export const MAX_DRAWS = 10_000_000;
/** Interval mode gives up after this many attempts per draw asked for, and says how many it found. */
export const MAX_ATTEMPTS_PER_DRAW = 1000;

export interface AcceptabilitySettings {
  mode: AcceptabilityMode;
  draws: number;
  /** An integer 0 … 2^32 − 1; the same seed gives the same numbers. */
  seed: number;
  /** The current raw weights, one per criterion: the order of importance (ordinal), the centres (interval). */
  weights?: ArrayLike<number>;
  /** Interval mode: how far each weight may move, as a share of 1 (0.05 = 5 points). */
  within?: number;
}

export interface OptionAcceptability {
  option: ItemId;
  name: string;
  /** ranks[r]: the share of draws in which the option takes rank r + 1. */
  ranks: number[];
  /** The Monte Carlo error of each, ±1.96·√(b(1 − b)/N) (95 %). */
  errors: number[];
  /** The mean weights of the draws ranking it first, in criterion order; null if it never came first. */
  centralWeights: number[] | null;
}

export interface Acceptability {
  mode: AcceptabilityMode;
  seed: number;
  /** N: the weight vectors drawn (in interval mode, those accepted). */
  draws: number;
  requestedDraws: number;
  /** Proposals made; more than draws only in interval mode. */
  attempts: number;
  /** draws / attempts (1 outside interval mode). */
  acceptanceRate: number;
  /** Interval mode's half-width as a share of 1; null in the other modes. */
  within: number | null;
  /** The criterion ids, in the order of centralWeights. */
  criteria: ItemId[];
  /** In the matrix's option order (the complete options). */
  options: OptionAcceptability[];
  /** The largest Monte Carlo error in the table. */
  maxError: number;
  /** Every draw asked for was made (false when cancelled early or interval mode gave up). */
  complete: boolean;
  /** Options left out, or interval draws that could not all be found; null when nothing to say. */
  note: string | null;
}

/** ±1.96·√(b(1 − b)/N): the half-width of the 95 % interval of a share b estimated from N draws. */
export function monteCarloError(share: number, draws: number): number {
  return draws > 0 ? 1.96 * Math.sqrt((share * (1 - share)) / draws) : Number.NaN;
}

function checkSettings(matrix: RobustnessMatrix, settings: AcceptabilitySettings): Result<Float64Array> {
  const { mode, draws, seed, within } = settings;
  if (!ACCEPTABILITY_MODES.includes(mode)) return fail('invalid-input', `The mode must be one of ${ACCEPTABILITY_MODES.join(', ')} (got ${String(mode)}).`);
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) return fail('invalid-input', `The number of draws must be a whole number from 1 to ${MAX_DRAWS} (got ${draws}).`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return fail('invalid-input', `The seed must be a whole number from 0 to ${MAX_SEED} (got ${seed}).`);
  if (mode === 'interval' && within !== undefined && !(within > 0 && within <= 1)) {
    return fail('invalid-input', `The interval's half-width must be above 0 and at most 1, that is up to 100 points (got ${within}).`);
  }
  const { options, criteria, unit } = matrix;
  if (options.length < 1 || unit.length !== options.length * criteria.length) return fail('invalid-input', `Expected ${options.length} × ${criteria.length} values, got ${unit.length}.`);
  if (mode === 'uniform') return ok(new Float64Array(criteria.length).fill(1 / criteria.length));
  if (!settings.weights) return fail('invalid-input', `The ${mode} mode needs the current weights.`);
  return normaliseWeights(
    settings.weights,
    criteria.map((c) => c.name),
  );
}

export function startAcceptability(matrix: RobustnessMatrix, settings: AcceptabilitySettings): Result<AcceptabilityRun> {
  const weights = checkSettings(matrix, settings);
  return weights.ok ? ok(new AcceptabilityRun(matrix, settings, weights.value)) : weights;
}

/** All draws at once, with progress reported after every chunk. */
export function rankAcceptability(
  matrix: RobustnessMatrix,
  settings: AcceptabilitySettings,
  onProgress?: (done: number, total: number) => void,
  chunk = 1000,
): Result<Acceptability> {
  const started = startAcceptability(matrix, settings);
  if (!started.ok) return started;
  const run = started.value;
  while (!run.finished) {
    run.advance(chunk);
    onProgress?.(run.progress.done, run.progress.total);
  }
  return ok(run.result());
}

/** A run in progress. Not plain data itself (it stays inside the worker); result() is. */
export class AcceptabilityRun {
  private readonly random: RandomState;
  private readonly sampler: WeightSampler;
  private readonly n: number;
  private readonly m: number;
  private readonly weights: Float64Array;
  private readonly totals: Float64Array;
  private readonly order: Int32Array;
  /** counts[i * n + r]: draws (or shares of tied draws) in which option i took rank r + 1. */
  private readonly counts: Float64Array;
  /** firstSums[i * m + j]: the sum of criterion j's weight over the draws ranking i first. */
  private readonly firstSums: Float64Array;
  private readonly firstShares: Float64Array;
  private done = 0;
  private attempts = 0;
  private gaveUp = false;

  constructor(
    private readonly matrix: RobustnessMatrix,
    private readonly settings: AcceptabilitySettings,
    current: Float64Array,
  ) {
    this.n = matrix.options.length;
    this.m = matrix.criteria.length;
    this.random = seededRandom(settings.seed);
    this.sampler = weightSampler(settings.mode, current, settings.within ?? DEFAULT_ACCEPTABILITY.within);
    this.weights = new Float64Array(this.m);
    this.totals = new Float64Array(this.n);
    this.order = Int32Array.from({ length: this.n }, (_, i) => i);
    this.counts = new Float64Array(this.n * this.n);
    this.firstSums = new Float64Array(this.n * this.m);
    this.firstShares = new Float64Array(this.n);
    if (settings.mode === 'interval') chooseProposal(this.sampler, this.random, this.weights);
  }

  get finished(): boolean {
    return this.done >= this.settings.draws || this.gaveUp;
  }

  get progress(): { done: number; total: number } {
    return { done: this.done, total: this.settings.draws };
  }

  /** Makes up to `count` more draws; returns how many were made. */
  advance(count: number): number {
    const target = Math.min(this.settings.draws, this.done + Math.max(0, Math.floor(count)));
    const before = this.done;
    const { sampler, random, weights } = this;
    const maxAttempts = this.settings.draws * MAX_ATTEMPTS_PER_DRAW;
    while (this.done < target) {
      if (this.attempts >= maxAttempts) {
        this.gaveUp = true;
        break;
      }
      this.attempts++;
      if (!drawWeights(sampler, random, weights)) continue;
      tally(this.matrix.unit, weights, this.n, this.m, this.totals, this.order, this.counts, this.firstSums, this.firstShares);
      this.done++;
    }
    return this.done - before;
  }

  result(): Acceptability {
    const { n, m, done: N, counts, firstSums, firstShares, matrix, settings } = this;
    let maxError = 0;
    const options: OptionAcceptability[] = matrix.options.map((option, i) => {
      const ranks = new Array<number>(n);
      const errors = new Array<number>(n);
      for (let r = 0; r < n; r++) {
        ranks[r] = N > 0 ? counts[i * n + r] / N : 0;
        errors[r] = monteCarloError(ranks[r], N);
        if (errors[r] > maxError) maxError = errors[r];
      }
      const first = firstShares[i];
      const centralWeights = first > 0 ? Array.from(firstSums.subarray(i * m, i * m + m), (sum) => sum / first) : null;
      return { option: option.id, name: option.name, ranks, errors, centralWeights };
    });
    const within = settings.mode === 'interval' ? (settings.within ?? DEFAULT_ACCEPTABILITY.within) : null;
    const short = N < settings.draws && this.gaveUp ? `Only ${N} of ${settings.draws} draws were found within ± ${points(within!)} points of the weights, after ${this.attempts} attempts.` : null;
    const note = [matrix.note, short].filter((x) => x !== null).join(' ') || null;
    return {
      mode: settings.mode,
      seed: settings.seed,
      draws: N,
      requestedDraws: settings.draws,
      attempts: this.attempts,
      acceptanceRate: this.attempts > 0 ? N / this.attempts : 0,
      within,
      criteria: matrix.criteria.map((c) => c.id),
      options,
      maxError: N > 0 ? maxError : Number.NaN,
      complete: N >= settings.draws,
      note,
    };
  }
}

/**
 * Ranks the options under one draw of weights and adds it to the counts. Insertion sort from the
 * last draw's order (most draws keep most of it); options are placed by a strict order — higher
 * total, then lower index — so the result does not depend on where the sort starts.
 */
function tally(
  unit: Float64Array,
  weights: Float64Array,
  n: number,
  m: number,
  totals: Float64Array,
  order: Int32Array,
  counts: Float64Array,
  firstSums: Float64Array,
  firstShares: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0, cell = i * m; j < m; j++, cell++) sum += unit[cell] * weights[j];
    totals[i] = sum;
  }
  for (let a = 1; a < n; a++) {
    const o = order[a];
    const total = totals[o];
    let b = a - 1;
    for (; b >= 0; b--) {
      const p = order[b];
      if (totals[p] > total || (totals[p] === total && p < o)) break;
      order[b + 1] = p;
    }
    order[b + 1] = o;
  }
  for (let start = 0; start < n; ) {
    // As in scoring, a tie is measured against the first total of its group.
    const head = totals[order[start]];
    let end = start + 1;
    while (end < n && head - totals[order[end]] < TIE_TOLERANCE) end++;
    const share = 1 / (end - start);
    for (let p = start; p < end; p++) {
      const o = order[p];
      for (let r = start; r < end; r++) counts[o * n + r] += share;
      if (start === 0) {
        firstShares[o] += share;
        for (let j = 0; j < m; j++) firstSums[o * m + j] += share * weights[j];
      }
    }
    start = end;
  }
}
