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

describe('the report’s shares and robustness', () => {
  const decision = () => ({ id: 1, context: '', createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) });

  it('shows weights that add up to 100 %', () => {
    const three = decision();
    three.criteria = three.criteria.slice(0, 3).map((c) => ({ ...c, weight: 10 }));
    const report = buildReport(three);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.criteria.map((c) => c.shownPercent)).toEqual([33.4, 33.3, 33.3]);
  });

  it('analyses the effective weights with a fixed seed: the seeded headline, 10,000 uniform draws, the same numbers every time', () => {
    const first = buildReport(decision());
    const second = buildReport(decision());
    if (!first.ok || !second.ok || !first.value.robustness.ok || !second.value.robustness.ok) throw new Error('no robustness');
    const { sensitivity, acceptability, shownRanks } = first.value.robustness.value;
    expect(sensitivity.headline).toBe('PyTorch stays first unless Deployment and production rises from 10 % to above 18.2 % (then TensorFlow leads)');
    expect(acceptability).toMatchObject({ mode: 'uniform', draws: 10_000, seed: 1, complete: true });
    expect(second.value.robustness.value.acceptability).toEqual(acceptability);
    for (const ranks of shownRanks) expect(Math.round(ranks.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    // Survives the trip to the report page as JSON.
    expect(JSON.parse(JSON.stringify(first.value.robustness.value.sensitivity))).toEqual(sensitivity);
  });

  it('uses the method’s weights: ranked with Deployment first, TensorFlow leads', () => {
    const ranked = decision();
    const deployment = ranked.criteria.find((c) => c.name === 'Deployment and production')!.id;
    ranked.weighting = { ...ranked.weighting, method: 'rank', rule: 'roc', order: [deployment, ...ranked.criteria.filter((c) => c.id !== deployment).map((c) => c.id)] };
    const report = buildReport(ranked);
    if (!report.ok || !report.value.robustness.ok) throw new Error('no robustness');
    expect(report.value.ranking[0].name).toBe('TensorFlow');
    expect(report.value.robustness.value.sensitivity.leader).toBe(report.value.ranking[0].optionId);
  });
});
