import { startAcceptability, type Acceptability, type AcceptabilitySettings } from '../../../core/acceptability';
import type { RobustnessMatrix } from '../../../core/sensitivity';

/**
 * The protocol between the app and the rank-acceptability worker, and the worker's side of it as
 * a plain function (acceptability.worker.ts only wires it to its message port), so both sides are
 * tested without a browser.
 *
 * Every job carries an id, larger than any before it. The worker works on the newest job only: it
 * runs the draws in slices of a few milliseconds and, between slices, lets any message that has
 * arrived meanwhile be handled. A newer job (or a cancel) makes the run in hand stale, and a stale
 * run stops at its next slice without answering again. The app, for its part, ignores any answer
 * whose id is not the one it is waiting for, so an answer already on its way when the weights moved
 * is never shown as current.
 */

export type ToWorker =
  | { type: 'run'; id: number; matrix: RobustnessMatrix; settings: AcceptabilitySettings }
  /** Stops the run in hand (and any older one); nothing more is answered for it. */
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: Acceptability }
  | { type: 'error'; id: number; message: string };

/** How long one slice of draws may run before the worker looks at its messages again. */
export const SLICE_MS = 8;
/** Draws between two looks at the clock. */
export const DRAWS_PER_CHECK = 200;

export interface WorkerSide {
  post(message: FromWorker): void;
  /** Runs `next` after the messages already queued for the worker have been handled. */
  later(next: () => void): void;
  now(): number;
}

/** The worker's message handler. */
export function acceptabilityWorker({ post, later, now }: WorkerSide): (message: ToWorker) => void {
  /** The newest id seen: only the job with this id may run. */
  let newest = -1;

  function run(id: number, matrix: RobustnessMatrix, settings: AcceptabilitySettings): void {
    const started = startAcceptability(matrix, settings);
    if (!started.ok) return post({ type: 'error', id, message: started.error.message });
    const draws = started.value;
    const slice = () => {
      if (id !== newest) return;
      try {
        const until = now() + SLICE_MS;
        do draws.advance(DRAWS_PER_CHECK);
        while (!draws.finished && now() < until);
      } catch (error) {
        return post({ type: 'error', id, message: `The acceptability could not be computed: ${(error as Error).message}` });
      }
      if (draws.finished) return post({ type: 'result', id, result: draws.result() });
      post({ type: 'progress', id, ...draws.progress });
      later(slice);
    };
    slice();
  }

  return (message) => {
    // An id not above the newest belongs to a job already replaced.
    if (message.id <= newest) return;
    newest = message.id;
    if (message.type === 'run') run(message.id, message.matrix, message.settings);
  };
}
