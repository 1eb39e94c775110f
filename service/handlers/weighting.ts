import type { HandlersOf, weightingMethods } from '../../core/contract';
import * as decisions from '../../db/decisions';
import * as matrix from '../../db/matrix';
import { writeWeightingInputs } from '../../db/weighting';
import { GONE, refuse, type ServiceContext } from './context';

/** The weights: slider values, and how the weights are elicited. Each answers when it is committed. */
export function weightingHandlers({ db, transaction, decision }: ServiceContext): HandlersOf<typeof weightingMethods> {
  /** Marks the decision changed; refuses when there is none. */
  const touched = (decisionId: number) => decisions.touchDecision(db, decisionId) ?? refuse('not-found', GONE.decision);
  const ownCriterion = (decisionId: number, criterionId: number) => {
    if (matrix.findCriterion(db, criterionId)?.decisionId !== decisionId) refuse('not-found', GONE.foreignCriterion);
  };

  return {
    setWeights: ({ decisionId, weights }) =>
      transaction(() => {
        const updatedAt = touched(decisionId);
        for (const { criterionId, weight } of weights) {
          ownCriterion(decisionId, criterionId);
          matrix.setWeight(db, criterionId, weight);
        }
        return { decisionId, updatedAt };
      }),
    setWeighting: ({ decisionId, method, rule, points, order, swing, judgments }) =>
      transaction(() => {
        const { criteria } = decision(decisionId);
        const name = new Map(criteria.map((c) => [c.id, c.name]));
        const named = (criterionId: number) => name.get(criterionId) ?? refuse('not-found', GONE.foreignCriterion);
        for (const { criterionId } of [...(points ?? []), ...(swing ?? [])]) named(criterionId);
        if (order) {
          const placed = order.flat();
          placed.forEach(named);
          const twice = placed.find((id, i) => placed.indexOf(id) !== i);
          if (twice !== undefined) refuse('invalid-input', `"${named(twice)}" has two places in the rank order.`);
        }
        if (judgments) {
          const pairs = new Set<string>();
          for (const { more, less } of judgments) {
            named(more);
            named(less);
            if (more === less) refuse('invalid-input', `"${named(more)}" cannot be compared with itself.`);
            const pair = more < less ? `${more}:${less}` : `${less}:${more}`;
            if (pairs.has(pair)) refuse('invalid-input', `"${named(more)}" and "${named(less)}" are judged twice.`);
            pairs.add(pair);
          }
        }
        writeWeightingInputs(db, decisionId, {
          method,
          rule,
          points: points && Object.fromEntries(points.map((p) => [p.criterionId, p.points])),
          order,
          swing: swing && Object.fromEntries(swing.map((s) => [s.criterionId, s.points])),
          judgments,
        });
        return { decisionId, updatedAt: touched(decisionId) };
      }),
  };
}
