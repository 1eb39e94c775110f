import { templates } from '../core/templates';
import { openStore, type Db, type OpenOptions } from './connection';
import { insertDecision } from './decisions';

/** A new store starts with the first built-in decision (PyTorch vs TensorFlow). */
export function seedFirstRun(db: Db): void {
  insertDecision(db, templates[0].document.decision);
}

/** Opens the app's store, seeding it on first run. */
export function openDecisionStore(file: string, options: Omit<OpenOptions, 'seed'> = {}): Db {
  return openStore(file, { ...options, seed: seedFirstRun }).db;
}
