import type { HandlersOf, ScenarioSummary, scenarioMethods } from '../../core/contract';
import type { Db } from '../../db/connection';
import * as matrix from '../../db/matrix';
import * as scenarios from '../../db/scenarios';
import { weighedCriteria } from '../../core/weighting/inputs';
import { writeWeightingInputs } from '../../db/weighting';
import { stepLabels } from '../history-labels';
import { nameKey } from '../../core/model';
import { refuse, unwrap, type ServiceContext } from './context';

export const scenarioSummaries = (db: Db, decisionId: number): ScenarioSummary[] =>
  scenarios.listScenarios(db, decisionId).map(({ id, name, createdAt, weights }) => ({ id, name, createdAt, weights }));


/**
 * Keeps a set of weights under a name no other scenario of the decision has (so a side-by-side
 * comparison never shows two columns with one name); a taken name is refused with 'conflict'.
 */
export function insertUniqueScenario(db: Db, decisionId: number, name: string, weights: { criterionId: number; weight: number }[]): void {
  const taken = scenarios.listScenarios(db, decisionId).find((s) => nameKey(s.name) === nameKey(name));
  if (taken) refuse('conflict', `This decision already has a scenario named “${taken.name}”: choose another name, or delete that one first.`);
  scenarios.insertScenario(db, decisionId, name, weights);
}

/** Named sets of weights: keep the current ones, apply one, delete one. */
export function scenarioHandlers({ db, read, transaction, decision, scenario, changed, step }: ServiceContext): HandlersOf<typeof scenarioMethods> {
  return {
    listScenarios: ({ decisionId }) =>
      read(() => {
        decision(decisionId);
        return scenarioSummaries(db, decisionId);
      }),
    saveScenario: ({ decisionId, name }) =>
      transaction(() => {
        const { criteria, weighting } = decision(decisionId);
        // A scenario keeps the weights as the decision uses them: under AHP or a rank order, the
        // effective weights (as points out of 100), so applying it reproduces the same totals.
        const { effective } = unwrap(weighedCriteria(weighting, criteria));
        const weights = weighting.method === 'direct' ? criteria.map((c) => ({ criterionId: c.id, weight: c.weight })) : criteria.map((c) => ({ criterionId: c.id, weight: (effective.weights[c.id] ?? 0) * 100 }));
        step(decisionId, stepLabels.keepScenario(name), () => insertUniqueScenario(db, decisionId, name, weights));
        return scenarioSummaries(db, decisionId);
      }),
    applyScenario: ({ scenarioId }) =>
      transaction(() => {
        const { decisionId, name, weights } = scenario(scenarioId);
        // One step: the sliders and the switch to direct weights are undone together.
        step(decisionId, stepLabels.applyScenario(name), () => {
          for (const [criterionId, weight] of Object.entries(weights)) matrix.setWeight(db, Number(criterionId), weight);
          // A scenario is a set of slider values; the other methods' inputs stay for a switch back.
          writeWeightingInputs(db, decisionId, { method: 'direct' });
        });
        return changed(decisionId);
      }),
    deleteScenario: ({ scenarioId }) =>
      transaction(() => {
        const { decisionId, name } = scenario(scenarioId);
        step(decisionId, stepLabels.deleteScenario(name), () => scenarios.deleteScenario(db, scenarioId));
        return scenarioSummaries(db, decisionId);
      }),
  };
}
