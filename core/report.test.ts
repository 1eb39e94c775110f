import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftAsDecision } from './interchange';
import { buildReport } from './report';
import { HOW_TOTALS_ARE_COMPUTED } from './scoring';
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

describe('how totals are computed', () => {
  it('is one text: docs/scoring.md lists the steps the app and the report show, word for word', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', 'docs', 'scoring.md'), 'utf8');
    const listed = [...docs.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual([...HOW_TOTALS_ARE_COMPUTED]);
  });
});
