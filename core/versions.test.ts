import { describe, expect, it } from 'vitest';
import { draftAsDecision, toDocument } from './interchange';
import type { Decision } from './model';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';
import { documentAsDecision, versionChanges, type VersionDecision } from './versions';
import { WEIGHTING_METHODS } from './weighting';

/** The template as a stored decision, with ids as a store gives them (not 1, 2, …) and every method's inputs filled in. */
function stored(method: Decision['weighting']['method']): Decision {
  const draft = structuredClone(pytorchVsTensorflow.decision);
  const base = draftAsDecision(draft);
  const optionId = (i: number) => 40 + i;
  const criterionId = (i: number) => 90 + i;
  const options = base.options.map((o, i) => ({ ...o, id: optionId(i) }));
  const criteria = base.criteria.map((c, i) => ({ ...c, id: criterionId(i), weight: 10 + i }));
  const ids = criteria.map((c) => c.id);
  return {
    ...base,
    id: 7,
    context: 'Why now.',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    status: 'decided',
    chosenOptionId: optionId(1),
    outcomeReason: 'Serving.',
    options,
    criteria,
    scores: base.scores.map((s) => ({ ...s, optionId: optionId(s.optionId - 1), criterionId: criterionId(s.criterionId - 1) })),
    weighting: {
      method,
      rule: 'rank-sum',
      points: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 50 : 10])),
      order: [ids[2], [ids[0], ids[1]], ...ids.slice(3)],
      swing: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 100 : 20 + i])),
      judgments: [{ more: ids[0], less: ids[1], ratio: 3 }],
    },
  };
}

describe('a version read back from its document', () => {
  it.each(WEIGHTING_METHODS)('is the decision it was, with every method’s inputs, under %s', (method) => {
    const decision = stored(method);
    const { id, createdAt, updatedAt, ...parts } = decision;
    void [id, createdAt, updatedAt];
    const back = documentAsDecision(JSON.parse(JSON.stringify(toDocument(decision))));
    expect(back).toEqual(parts);
  });

  it('says what changed, by row: added, removed, renamed, scores, weights, method, outcome', () => {
    const before = documentAsDecision(toDocument(stored('direct')));
    const after = structuredClone(before);
    after.options = [...after.options.slice(1), { id: 99, name: 'JAX', description: '' }];
    after.criteria[0] = { ...after.criteria[0], name: 'Ease', weight: 33 };
    after.scores = after.scores.map((s) => (s.criterionId === after.criteria[1].id && s.optionId === after.options[0].id ? { ...s, value: 1 } : s));
    after.weighting = { ...after.weighting, method: 'ahp' };
    after.status = 'open';
    expect(versionChanges(before, after)).toEqual([
      'Options added: “JAX”',
      'Options removed: “PyTorch”',
      '1 criterion renamed',
      '1 score changed',
      '1 weight changed',
      'Weighting method changed',
      'Reopened',
    ]);
    expect(versionChanges(before, before)).toEqual(['No changes']);
  });

  it('says so when only the context, descriptions, a direction, a scale, the order, rationales or sources changed', () => {
    const before = documentAsDecision(toDocument(stored('direct')));
    const change = (edit: (d: VersionDecision) => void) => {
      const after = structuredClone(before);
      edit(after);
      return versionChanges(before, after);
    };
    const [first, second] = before.criteria;
    expect(change((d) => (d.context = 'Why now, and why us.'))).toEqual(['Context edited']);
    expect(change((d) => (d.context = ''))).toEqual(['Context removed']);
    expect(change((d) => ((d.options[1].description = 'Google’s'), (d.criteria[0].description = 'How easy')))).toEqual([`Descriptions edited: “TensorFlow”, “${first.name}”`]);
    expect(change((d) => (d.criteria[1].direction = d.criteria[1].direction === 'cost' ? 'benefit' : 'cost'))).toEqual([
      second.direction === 'cost' ? `Now a benefit criterion (higher is better): “${second.name}”` : `Now a cost criterion (lower is better): “${second.name}”`,
    ]);
    expect(change((d) => (d.criteria[0].scale = { ...d.criteria[0].scale, min: 0, max: 10 }))).toEqual([`Scale changed: “${first.name}” (now 0 to 10)`]);
    expect(change((d) => ((d.criteria[0].scale.maxLabel = 'superb'), (d.criteria[1].scale = { ...d.criteria[1].scale, max: 7 })))).toEqual([
      `Scales changed: “${first.name}” (its labels), “${second.name}” (now ${second.scale.min} to 7)`,
    ]);
    expect(change((d) => d.options.reverse())).toEqual(['Options reordered']);
    expect(change((d) => ([d.criteria[0], d.criteria[2]] = [d.criteria[2], d.criteria[0]]))).toEqual(['Criteria reordered']);
    expect(change((d) => ((d.scores[0].rationale = 'New reading'), (d.scores[1].rationale = 'Another')))).toEqual(['2 rationales edited']);
    expect(change((d) => (d.scores[0].source = 'https://example.org/benchmark'))).toEqual(['1 source edited']);
    expect(change((d) => (d.outcomeReason = 'Serving, mostly.'))).toEqual(['Reason for the decision edited']);
  });
});
