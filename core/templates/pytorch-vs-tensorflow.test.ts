import { describe, expect, it } from 'vitest';
import { draftAsDecision, parseDecisionDocument } from '../interchange';
import { scoreDecision } from '../decision-scoring';
import { pytorchVsTensorflow, pytorchVsTensorflowWeightings } from './pytorch-vs-tensorflow';

function winnerUnder(weights: Record<string, number> | null): string {
  const draft = structuredClone(pytorchVsTensorflow.decision);
  if (weights) for (const criterion of draft.criteria) criterion.weight = weights[criterion.id];
  const decision = draftAsDecision(draft);
  const result = scoreDecision(decision);
  if (!result.ok) throw new Error(result.error.message);
  return decision.options.find((o) => o.id === result.value.ranking[0])!.name;
}

describe('the PyTorch vs TensorFlow template', () => {
  it('is a valid interchange document with six dimensions, two options and every cell scored with a rationale', () => {
    const parsed = parseDecisionDocument(pytorchVsTensorflow);
    expect(parsed.ok).toBe(true);
    const { options, criteria, scores } = pytorchVsTensorflow.decision;
    expect(options.map((o) => o.name)).toEqual(['PyTorch', 'TensorFlow']);
    expect(criteria).toHaveLength(6);
    expect(scores).toHaveLength(12);
    for (const score of scores) expect(score.rationale.length).toBeGreaterThan(40);
  });

  it('puts PyTorch first under research-heavy weights', () => {
    expect(winnerUnder(pytorchVsTensorflowWeightings.research)).toBe('PyTorch');
  });

  it('puts TensorFlow first under production-heavy weights', () => {
    expect(winnerUnder(pytorchVsTensorflowWeightings.production)).toBe('TensorFlow');
  });

  it('starts with PyTorch ahead, so raising deployment is what tips it to TensorFlow', () => {
    expect(winnerUnder(null)).toBe('PyTorch');
    const deploymentHeavy = Object.fromEntries(pytorchVsTensorflow.decision.criteria.map((c) => [c.id, c.id === 'deployment' ? 100 : c.weight]));
    expect(winnerUnder(deploymentHeavy)).toBe('TensorFlow');
  });
});
