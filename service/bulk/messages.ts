import type { Result } from '../../core/result';
import type { BulkDone, BulkJob } from './jobs';

/** What a bulk worker is started with. */
export interface WorkerStart {
  /** The store's file: the worker opens a connection of its own to it. */
  file: string;
  job: BulkJob;
  /** One Int32 shared with the host (a SharedArrayBuffer): GO or PAUSE, set by the host. */
  control: SharedArrayBuffer;
}

/** The host's word to the worker, read by it between two of its transactions. */
export const GO = 0;
/** Wait after this transaction (and say 'paused') until the host sets GO again: the host has a write to make. */
export const PAUSE = 1;

/** What a bulk worker tells the thread that started it. */
export type WorkerMessage = { type: 'progress'; percent: number } | { type: 'paused' } | { type: 'done'; result: Result<BulkDone> };
