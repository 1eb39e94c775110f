import { describe, expect, it } from 'vitest';
import { groupResult } from './aggregation';
import { prepareDecision } from './decision-scoring';
import { draftAsDecision } from './interchange';
import { groupRobustness } from './group-robustness';
import { robustnessMatrixOfDecision } from './sensitivity';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

describe('a revealed round’s robustness', () => {
  const decision = draftAsDecision(pytorchVsTensorflow.decision);
  const ids = decision.criteria.map((c) => c.id);
  const person = (id: string, weights: number[]) => ({ participantId: id, weights: Object.fromEntries(ids.map((c, i) => [c, weights[i]])) });

  it('says how robust the group weights are, and how the people’s own weights rank each option', () => {
    const people = [person('1', [30, 30, 10, 5, 15, 10]), person('2', [5, 5, 20, 35, 15, 20]), person('3', [25, 20, 15, 10, 15, 15])];
    const result = groupResult(decision, people, 'geometric-mean');
    if (!result.ok) throw new Error(result.error.message);
    const prepared = prepareDecision(decision);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const robustness = groupRobustness(robustnessMatrixOfDecision(prepared.value), result.value.weights.weights, result.value.group, result.value.participants);
    // The headline is about the group's own leader, under the group's weights.
    const leader = decision.options.find((o) => o.id === result.value.group.ranking[0])!.name;
    expect(robustness.headline).toMatch(new RegExp(`^${leader} stays first unless`));
    expect(robustness.people).toBe(3);
    // Person 2 weighs deployment heavily: TensorFlow first for one of three.
    const [pytorch, tensorflow] = robustness.options;
    expect(pytorch.shares[0]).toBeCloseTo(2 / 3, 12);
    expect(tensorflow.shares[0]).toBeCloseTo(1 / 3, 12);
    for (const option of robustness.options) expect(option.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(structuredClone(robustness)).toEqual(robustness);
  });
});
