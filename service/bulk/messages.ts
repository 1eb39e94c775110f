import type { Result } from '../../core/result';
import type { BulkDone, BulkJob } from './jobs';

/** What a bulk worker is started with. */
export interface WorkerStart {
  /** The store's file: the worker opens a connection of its own to it. */
  file: string;
  job: BulkJob;
  /** One Int32 shared with the host (a SharedArrayBuffer): whose turn it is to write, below. */
  control: SharedArrayBuffer;
}

/*
 * Whose turn it is to write, changed only by Atomics.compareExchange or by the side it belongs to:
 * - FREE: the worker is between two transactions (or not writing yet); either side may take it.
 * - WRITING: the worker is in a transaction (it took FREE).
 * - ASKED: the host wants the store while the worker writes (it took WRITING); the worker, at its
 *   commit, gives it (HOSTS) and says so ('paused'), instead of making it FREE.
 * - HOSTS: the store is the host's (it took FREE, or was given it); the worker waits until the host
 *   makes it FREE again.
 */
export const FREE = 0;
export const WRITING = 1;
export const ASKED = 2;
export const HOSTS = 3;

/** What a bulk worker tells the thread that started it. */
export type WorkerMessage = { type: 'progress'; percent: number } | { type: 'paused' } | { type: 'done'; result: Result<BulkDone> };
