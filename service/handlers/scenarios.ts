import type { HandlersOf, ScenarioSummary, scenarioMethods } from '../../core/contract';
import type { Db } from '../../db/connection';
import * as matrix from '../../db/matrix';
import * as scenarios from '../../db/scenarios';
import type { ServiceContext } from './context';

export const scenarioSummaries = (db: Db, decisionId: number): ScenarioSummary[] =>
  scenarios.listScenarios(db, decisionId).map(({ id, name, createdAt, weights }) => ({ id, name, createdAt, weights }));

/** Named sets of weights: keep the current ones, apply one, delete one. */
export function scenarioHandlers({ db, read, transaction, decision, scenario, changed }: ServiceContext): HandlersOf<typeof scenarioMethods> {
  return {
    listScenarios: ({ decisionId }) =>
      read(() => {
        decision(decisionId);
        return scenarioSummaries(db, decisionId);
      }),
    saveScenario: ({ decisionId, name }) =>
      transaction(() => {
        const { criteria } = decision(decisionId);
        scenarios.insertScenario(db, decisionId, name, criteria.map((c) => ({ criterionId: c.id, weight: c.weight })));
        return scenarioSummaries(db, decisionId);
      }),
    applyScenario: ({ scenarioId }) =>
      transaction(() => {
        const { decisionId, weights } = scenario(scenarioId);
        for (const [criterionId, weight] of Object.entries(weights)) matrix.setWeight(db, Number(criterionId), weight);
        return changed(decisionId);
      }),
    deleteScenario: ({ scenarioId }) =>
      transaction(() => {
        const { decisionId } = scenario(scenarioId);
        scenarios.deleteScenario(db, scenarioId);
        return scenarioSummaries(db, decisionId);
      }),
  };
}
