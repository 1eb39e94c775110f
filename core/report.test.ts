import { describe, expect, it } from 'vitest';
import { draftAsDecision } from './interchange';
import { buildReport } from './report';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

describe('buildReport', () => {
  it('writes out every criterion’s contribution for each ranked option, adding up to its total', () => {
    const decision = { id: 1, context: '', createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) };
    const report = buildReport(decision);
    if (!report.ok) throw new Error(report.error.message);
    for (const row of report.value.ranking) {
      const ids = Object.keys(row.contributions).map(Number);
      expect(ids).toEqual(decision.criteria.map((c) => c.id));
      const sum = ids.reduce((total, id) => total + row.contributions[id], 0);
      expect(sum).toBeCloseTo(row.total, 12);
      // Survives the trip to the report page as JSON.
      expect(JSON.parse(JSON.stringify(row)).contributions).toEqual(row.contributions);
    }
    // Ease of use: PyTorch 5 and TensorFlow 3 on 1–5, weight 25 % of the total.
    const ease = decision.criteria.find((c) => c.name === 'Ease of use')!;
    const byName = new Map(report.value.ranking.map((r) => [r.name, r]));
    expect(byName.get('PyTorch')!.contributions[ease.id]).toBeCloseTo(0.25, 12);
    expect(byName.get('TensorFlow')!.contributions[ease.id]).toBeCloseTo(0.125, 12);
  });
});
