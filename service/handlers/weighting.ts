import type { HandlersOf, weightingMethods } from '../../core/contract';
import * as decisions from '../../db/decisions';
import * as matrix from '../../db/matrix';
import { writeWeightingInputs } from '../../db/weighting';
import { stepLabels, WEIGHT_STEP_JOIN_MS } from '../history-labels';
import { GONE, refuse, type ServiceContext } from './context';

/** The weights: slider values, and how the weights are elicited. Each is a step to undo and answers when it is committed. */
export function weightingHandlers({ db, transaction, decision, step }: ServiceContext): HandlersOf<typeof weightingMethods> {
  /** Marks the decision changed; refuses when there is none. */
  const touched = (decisionId: number) => decisions.touchDecision(db, decisionId) ?? refuse('not-found', GONE.decision);
  const ownCriterion = (decisionId: number, criterionId: number) => {
    if (matrix.findCriterion(db, criterionId)?.decisionId !== decisionId) refuse('not-found', GONE.foreignCriterion);
  };

  return {
    setWeights: ({ decisionId, weights }) =>
      transaction(() => {
        const updatedAt = touched(decisionId);
        for (const { criterionId } of weights) ownCriterion(decisionId, criterionId);
        const ids = [...new Set(weights.map((w) => w.criterionId))].sort((a, b) => a - b);
        const label = ids.length === 1 ? stepLabels.weight(matrix.findCriterion(db, ids[0])!.name) : stepLabels.weights(ids.length);
        // A slider let rest and moved again soon after is one step: a drag with pauses is undone whole.
        step(decisionId, label, () => {
          for (const { criterionId, weight } of weights) matrix.setWeight(db, criterionId, weight);
        }, { kind: `weights:${ids.join(',')}`, joinWithinMs: WEIGHT_STEP_JOIN_MS });
        return { decisionId, updatedAt };
      }),
    setWeighting: ({ decisionId, method, rule, points, order, swing, judgments }) =>
      transaction(() => {
        const { criteria, weighting: stored } = decision(decisionId);
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
        const label =
          method !== undefined && method !== stored.method
            ? stepLabels.method(method)
            : points
              ? stepLabels.points()
              : order
                ? stepLabels.rankOrder()
                : rule !== undefined
                  ? stepLabels.rankRule()
                  : swing
                    ? stepLabels.swing()
                    : stepLabels.judgments();
        const part = method !== undefined && method !== stored.method ? 'method' : points ? 'points' : order ? 'order' : rule !== undefined ? 'rule' : swing ? 'swing' : 'judgments';
        step(decisionId, label, () => writeWeightingInputs(db, decisionId, {
          method,
          rule,
          points: points && Object.fromEntries(points.map((p) => [p.criterionId, p.points])),
          order,
          swing: swing && Object.fromEntries(swing.map((s) => [s.criterionId, s.points])),
          judgments,
        }), { kind: `weighting:${part}`, joinWithinMs: part === 'method' ? 0 : WEIGHT_STEP_JOIN_MS });
        return { decisionId, updatedAt: touched(decisionId) };
      }),
  };
}
