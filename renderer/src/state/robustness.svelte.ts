import { untrack } from 'svelte';
import { DEFAULT_ACCEPTABILITY, type Acceptability, type AcceptabilityMode } from '../../../core/acceptability';
import { weightSampler } from '../../../core/acceptability/weight-draws';
import { normaliseWeights } from '../../../core/scoring';
import type { RobustnessMatrix } from '../../../core/sensitivity';
import type { FromWorker, ToWorker } from './acceptability-jobs';

/** The app's end of a started worker. */
export interface WorkerConnection {
  post(message: ToWorker): void;
  stop(): void;
}

/** Starts the worker: its answers go to `listen`, a failure to load or run it to `failed`. */
export type StartWorker = (listen: (message: FromWorker) => void, failed: (message: string) => void) => WorkerConnection;

/** How long the weights must rest before a new acceptability run starts; the slider's own save waits 250 ms. */
export const ACCEPTABILITY_REST_MS = 300;

export type AcceptabilityStatus = 'idle' | 'waiting' | 'running' | 'done' | 'error';

/** Content keys of matrices seen, so a slider input does not write out a thousand scores to compare. */
const matrixKeys = new WeakMap<RobustnessMatrix, string>();

function matrixKey(matrix: RobustnessMatrix): string {
  let key = matrixKeys.get(matrix);
  if (key === undefined) {
    key = JSON.stringify([matrix.options, matrix.criteria, Array.from(matrix.unit), matrix.note]);
    matrixKeys.set(matrix, key);
  }
  return key;
}

/**
 * What a run's numbers depend on besides the matrix: nothing in uniform mode (its draws ignore the
 * current weights), the order of importance in ordinal mode (which criteria are equal, which are
 * 0), the weights themselves in interval mode.
 */
function weightsKey(matrix: RobustnessMatrix, weights: readonly number[], mode: AcceptabilityMode, within: number): string {
  if (mode === 'uniform') return 'uniform';
  const normalised = normaliseWeights(
    weights,
    matrix.criteria.map((c) => c.name),
  );
  if (!normalised.ok) return `${mode} invalid ${weights.join(',')}`;
  if (mode === 'interval') return `interval ${within} ${normalised.value.join(',')}`;
  const { byImportance, groupEnd } = weightSampler('ordinal', normalised.value, 0);
  return `ordinal ${byImportance.join(',')} ${groupEnd.join(',')}`;
}

/**
 * Rank acceptability (SMAA-2) for the open decision, computed in a Web Worker so the page never
 * waits for it. It follows the matrix and the effective weights once they rest (not on every
 * slider input): a change posts a cancel for the run in hand at once and a new job after
 * ACCEPTABILITY_REST_MS. While a run is out of date its numbers stay on screen, marked as such.
 * A change that leaves the numbers as they are (any weight change in uniform mode, one that keeps
 * the order of importance in ordinal mode) starts nothing.
 */
export class AcceptabilityAnalysis {
  mode = $state<AcceptabilityMode>(DEFAULT_ACCEPTABILITY.mode);
  /** Interval mode's half-width, as a share of 1 (0.05 is ± 5 points). */
  within = $state<number>(DEFAULT_ACCEPTABILITY.within);
  readonly draws: number = DEFAULT_ACCEPTABILITY.draws;
  readonly seed: number = DEFAULT_ACCEPTABILITY.seed;
  status = $state<AcceptabilityStatus>('idle');
  /** Draws made so far by the run in hand. */
  done = $state(0);
  /** The last numbers computed (for the inputs now on screen only when `current`). */
  result = $state.raw<Acceptability | null>(null);
  /** Whether `result` was computed from the matrix, weights and settings now on screen. */
  current = $state(false);
  error = $state<string | null>(null);
  progress = $derived(this.done / this.draws);

  readonly #start: StartWorker;
  readonly #restMs: number;
  #worker: WorkerConnection | null = null;
  #nextId = 1;
  /** The id of the run whose answer is awaited; 0 when none is. */
  #awaiting = 0;
  /** The key of the inputs behind `result` (or behind `error`). */
  #shownKey: string | null = null;
  /** The key of the inputs of the run in hand or waiting for the weights to rest. */
  #wantedKey: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #matrix: RobustnessMatrix | null = null;
  #weights: readonly number[] = [];

  constructor(start: StartWorker, restMs = ACCEPTABILITY_REST_MS) {
    this.#start = start;
    this.#restMs = restMs;
  }

  /**
   * The matrix or the weights changed (a component's effect calls this on every slider input; it
   * is cheap). Null: there is nothing to analyse.
   */
  update(matrix: RobustnessMatrix | null, weights: readonly number[]): void {
    untrack(() => {
      const first = this.#matrix === null && this.#shownKey === null && this.#wantedKey === null;
      this.#matrix = matrix;
      this.#weights = Array.from(weights);
      this.#refresh(first ? 0 : this.#restMs);
    });
  }

  /** Changes the mode (or interval mode's half-width) and starts a run for it at once. */
  choose(mode: AcceptabilityMode, within = this.within): void {
    untrack(() => {
      this.mode = mode;
      this.within = within;
      this.#refresh(0);
    });
  }

  /** Stops the worker (the panel is gone). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#worker?.stop();
    this.#worker = null;
    this.#awaiting = 0;
  }

  #refresh(delay: number): void {
    const matrix = this.#matrix;
    if (matrix === null) {
      this.#cancel();
      this.#shownKey = this.#wantedKey = null;
      this.result = null;
      this.current = false;
      this.error = null;
      this.status = 'idle';
      return;
    }
    const key = `${weightsKey(matrix, this.#weights, this.mode, this.within)}\n${matrixKey(matrix)}`;
    if (key === this.#wantedKey && (delay > 0 || this.#awaiting !== 0)) return;
    if (key === this.#shownKey) {
      // Back to the inputs on screen before anything newer was computed.
      this.#cancel();
      this.#wantedKey = null;
      this.current = true;
      this.status = this.error === null ? 'done' : 'error';
      return;
    }
    this.#cancel();
    this.#wantedKey = key;
    this.current = false;
    this.status = 'waiting';
    if (delay === 0) this.#run();
    else this.#timer = setTimeout(() => this.#run(), delay);
  }

  /** Stops what is waiting and what is running; an answer to it that is already on its way is ignored. */
  #cancel(): void {
    clearTimeout(this.#timer);
    if (this.#awaiting === 0) return;
    this.#awaiting = 0;
    this.#worker?.post({ type: 'cancel', id: this.#nextId++ });
  }

  #run(): void {
    const matrix = this.#matrix!;
    const id = this.#nextId++;
    this.#awaiting = id;
    this.done = 0;
    this.status = 'running';
    try {
      this.#worker ??= this.#start(
        (message) => this.#answer(message),
        (message) => this.#failed(message),
      );
    } catch (error) {
      // A browser may refuse to create the worker at once (a SecurityError) rather than report it later.
      return this.#failed((error as Error).message);
    }
    const weights = [...this.#weights];
    this.#worker.post({ type: 'run', id, matrix, settings: { mode: this.mode, draws: this.draws, seed: this.seed, weights, within: this.within } });
  }

  #answer(message: FromWorker): void {
    if (message.id !== this.#awaiting) return;
    if (message.type === 'progress') {
      this.done = message.done;
      return;
    }
    this.#awaiting = 0;
    this.#shownKey = this.#wantedKey;
    this.#wantedKey = null;
    this.current = true;
    if (message.type === 'result') {
      this.result = message.result;
      this.error = null;
      this.done = message.result.draws;
      this.status = 'done';
    } else {
      this.result = null;
      this.error = message.message;
      this.status = 'error';
    }
  }

  #failed(message: string): void {
    this.#worker?.stop();
    this.#worker = null;
    this.#awaiting = 0;
    this.#shownKey = this.#wantedKey;
    this.#wantedKey = null;
    this.result = null;
    this.current = true;
    this.error = `The rank acceptability could not be computed: ${message}.`;
    this.status = 'error';
  }
}
