import { contract, isMethodName, type Handlers, type MethodName } from '../core/contract';
import { describeInputProblem } from './input-messages';
import { fail, type Result } from '../core/result';
import { isReadOnlyStoreError, isStoreBusyError } from '../db/writable';

export interface DispatchOptions {
  /** Why the store cannot be written (OpenedStore.readOnly); a write then answers 'forbidden' saying so, not 'internal'. */
  readOnly?: string | null;
  /**
   * While a worker thread writes a big import (service/bulk/), the store's write lock is taken
   * most of the time: a call that met it asks the worker to pause after its current short
   * transaction and is made again while it waits (BulkWriter.pause), instead of blocking the
   * host. Null when no such write runs.
   */
  pauseBulkWrite?: () => Promise<() => void> | null;
}

/** What dispatch answers: a result, or for a method that answers later (a workbook) a promise of one. */
export type DispatchAnswer = Result<unknown> | Promise<Result<unknown>>;

/**
 * The one entry every transport (IPC, HTTP) goes through: it checks the method exists, parses
 * the input with the contract's schema and turns any unexpected exception into an error value,
 * so nothing throws across a process boundary (nor rejects, for a method that answers later).
 */
export function dispatch(handlers: Handlers, name: string, rawInput: unknown, options: DispatchOptions = {}): DispatchAnswer {
  if (!isMethodName(name)) return fail('unknown-method', `There is no method named "${name}".`);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail('invalid-input', describeInputProblem(parsed.error.issues[0]));
  return run(handlers, name, parsed.data, options, 0);
}

/** How many times a call that met the store's write lock while a big import runs is made again before it fails. */
const MAX_BUSY_TRIES = 3;

function run(handlers: Handlers, name: MethodName, input: unknown, options: DispatchOptions, tries: number): DispatchAnswer {
  const again = () => run(handlers, name, input, options, tries + 1);
  try {
    const handler = handlers[name] as (input: unknown) => DispatchAnswer;
    const answer = handler(input);
    return answer instanceof Promise ? answer.catch((error: unknown) => failedUnexpectedly(name, error, options, tries, again)) : answer;
  } catch (error) {
    return failedUnexpectedly(name, error, options, tries, again);
  }
}

function failedUnexpectedly(name: MethodName, error: unknown, options: DispatchOptions, tries: number, again: () => DispatchAnswer): DispatchAnswer {
  // The transaction that met the lock was rolled back, so the call is made again from the start,
  // once the store is the host's (then only another app can hold the lock, and is waited for).
  const paused = isStoreBusyError(error) && tries < MAX_BUSY_TRIES ? options.pauseBulkWrite?.() : null;
  if (paused) return paused.then((release) => Promise.resolve(again()).finally(release));
  if (isReadOnlyStoreError(error)) return fail('forbidden', `The data file is read-only: ${options.readOnly ?? 'SQLite may not write to it'}. Nothing was changed.`);
  console.error(`decision-matrix: ${name} failed`, error);
  return fail('internal', `Something went wrong and nothing was changed (${(error as Error).message}).`);
}

export type Dispatch = (name: MethodName | string, input: unknown) => DispatchAnswer;

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return (name, input) => dispatch(handlers, name, input, options);
}
