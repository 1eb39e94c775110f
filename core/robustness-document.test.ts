import { describe, expect, it } from 'vitest';
import { parseDecisionDocument, parseDecisionDocumentText, type DecisionDocument } from './interchange';
import { withAnalysis } from './robustness-document';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

const seeded = pytorchVsTensorflow as DecisionDocument;

describe('the JSON export’s robustness analysis', () => {
  it('says, beside the seeded decision, what would change its leader, with the seed its acceptability used', () => {
    const { analysis } = withAnalysis(seeded);
    if ('unavailable' in analysis) throw new Error(analysis.unavailable);
    const [pytorch, tensorflow] = seeded.decision.options.map((o) => o.id);
    expect(analysis.leader).toBe(pytorch);
    expect(analysis.headline).toBe('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)');
    expect(analysis.criteria.map((c) => c.criterion)).toEqual(seeded.decision.criteria.map((c) => c.id));
    expect(analysis.acceptability).toMatchObject({ mode: 'uniform', draws: 10_000, seed: 1 });
    const shares = analysis.acceptability.options.find((o) => o.option === tensorflow)!.ranks;
    expect(shares[0] + shares[1]).toBeCloseTo(1, 12);
  });

  it('writes the same analysis for the same decision (seeded draws)', () => {
    expect(JSON.stringify(withAnalysis(seeded))).toBe(JSON.stringify(withAnalysis(structuredClone(seeded))));
  });

  it('says why there is none when the decision cannot be analysed (one option)', () => {
    const lonely = { ...seeded, decision: { ...seeded.decision, options: seeded.decision.options.slice(0, 1), scores: seeded.decision.scores.filter((s) => s.option === seeded.decision.options[0].id) } };
    const { analysis } = withAnalysis(lonely);
    expect(analysis).toEqual({ unavailable: expect.stringMatching(/option/i) });
  });

  it('is ignored on import, whatever it holds: the decision parses as it would without it', () => {
    const exported = JSON.parse(JSON.stringify(withAnalysis(seeded)));
    const without = parseDecisionDocument(seeded);
    const withIt = parseDecisionDocumentText(JSON.stringify(exported));
    const tampered = parseDecisionDocument({ ...exported, analysis: 'edited by hand' });
    expect(without.ok && withIt.ok && tampered.ok).toBe(true);
    if (!without.ok || !withIt.ok || !tampered.ok) return;
    expect(withIt.value).toEqual(without.value);
    expect(tampered.value).toEqual(without.value);
    expect('analysis' in withIt.value).toBe(false);
  });
});
