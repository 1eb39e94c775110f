import { templates } from '../core/templates';
import { pytorchVsTensorflowWeightings } from '../core/templates/pytorch-vs-tensorflow';
import { openStore, type Db, type OpenedStore, type OpenOptions } from './connection';
import { insertDecision } from './decisions';
import { insertScenario } from './scenarios';

const SEEDED_SCENARIOS: [string, Record<string, number>][] = [
  ['Research and prototyping', pytorchVsTensorflowWeightings.research],
  ['Large-scale production', pytorchVsTensorflowWeightings.production],
];

/**
 * A new store starts with the first built-in decision (PyTorch vs TensorFlow) and the two
 * weightings that reproduce its article's conclusion, kept as scenarios.
 */
export function seedFirstRun(db: Db): void {
  const draft = templates[0].document.decision;
  const decisionId = insertDecision(db, draft);
  const criterionIds = (db.prepare('SELECT id FROM criteria WHERE decision_id = ? ORDER BY position').all(decisionId) as { id: number }[]).map((r) => r.id);
  for (const [name, weights] of SEEDED_SCENARIOS) {
    insertScenario(db, decisionId, name, draft.criteria.map((c, i) => ({ criterionId: criterionIds[i], weight: weights[c.id] })));
  }
}

/** Opens the app's store, seeding it on first run; `readOnly` says when it cannot be written (hosts tell the user). */
export function openAppStore(file: string, options: Omit<OpenOptions, 'seed'> = {}): OpenedStore {
  return openStore(file, { ...options, seed: seedFirstRun });
}

/** Opens the app's store, seeding it on first run. */
export function openDecisionStore(file: string, options: Omit<OpenOptions, 'seed'> = {}): Db {
  return openAppStore(file, options).db;
}
