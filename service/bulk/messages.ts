import type { Result } from '../../core/result';
import type { BulkDone, BulkJob } from './jobs';

/** What a bulk worker is started with. */
export interface WorkerStart {
  /** The store's file: the worker opens a connection of its own to it. */
  file: string;
  job: BulkJob;
}

/** What a bulk worker tells the thread that started it. */
export type WorkerMessage = { type: 'progress'; percent: number } | { type: 'done'; result: Result<BulkDone> };
