import { describe, expect, it } from 'vitest';
import { parseDecisionDocument, parseDecisionDocumentText, toDocument } from './interchange';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

const minimal = () => ({
  format: 'decision-matrix/v1',
  decision: {
    title: 'T',
    options: [{ id: 'a', name: 'A' }],
    criteria: [{ id: 'c', name: 'C', scale: { min: 1, max: 5 }, weight: 1 }],
    scores: [{ option: 'a', criterion: 'c', value: 3 }],
  },
});

describe('parseDecisionDocument', () => {
  it('fills defaults for optional text', () => {
    const parsed = parseDecisionDocument(minimal());
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.decision.criteria[0]).toMatchObject({ direction: 'benefit', description: '', scale: { minLabel: '', maxLabel: '' } });
  });

  it.each([
    ['a wrong format', (d: any) => (d.format = 'decision-matrix/v9'), 'format: must be "decision-matrix/v1"'],
    ['an unknown field', (d: any) => (d.decision.colour = 'red'), 'decision: Unrecognized key: "colour"'],
    ['a score out of scale', (d: any) => (d.decision.scores[0].value = 9), 'decision.scores[0].value: 9 is outside the scale 1–5 of criterion "c"'],
    ['a dangling option id', (d: any) => (d.decision.scores[0].option = 'zz'), 'decision.scores[0].option: no option has the id "zz"'],
    ['a duplicate criterion id', (d: any) => d.decision.criteria.push({ ...d.decision.criteria[0] }), 'decision.criteria[1].id: duplicate criterion id "c"'],
    ['a negative weight', (d: any) => (d.decision.criteria[0].weight = -2), 'decision.criteria[0].weight: must be zero or more'],
    ['a chosen option that does not exist', (d: any) => (d.decision.outcome = { status: 'decided', chosenOption: 'zz' }), 'decision.outcome.chosenOption: no option has the id "zz"'],
    ['a blank title', (d: any) => (d.decision.title = '   '), 'decision.title: must not be empty'],
    ['a reversed scale', (d: any) => (d.decision.criteria[0].scale = { min: 5, max: 1 }), 'decision.criteria[0].scale.max: scale minimum must be below its maximum'],
  ])('refuses %s, naming the path of the problem', (_, change, message) => {
    const doc = minimal();
    change(doc);
    expect(parseDecisionDocument(doc)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });

  it('refuses text that is not JSON', () => {
    const parsed = parseDecisionDocumentText('{"format":');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/^not valid JSON/);
  });
});

describe('toDocument', () => {
  it('writes a stored decision back in the interchange format', () => {
    const doc = toDocument({
      id: 7,
      title: '<img src=x onerror=alert(1)>',
      context: '',
      status: 'decided',
      chosenOptionId: 3,
      outcomeReason: 'cheapest',
      createdAt: '',
      updatedAt: '',
      options: [{ id: 3, name: 'A', description: '' }],
      criteria: [{ id: 4, name: 'C', description: '', direction: 'cost', scale: { min: 0, max: 10, minLabel: 'lo', maxLabel: 'hi' }, weight: 2 }],
      scores: [{ optionId: 3, criterionId: 4, value: 2, rationale: 'why', source: '' }],
    });
    expect(parseDecisionDocument(doc)).toEqual({ ok: true, value: doc });
    expect(doc.decision.title).toBe('<img src=x onerror=alert(1)>');
    expect(doc.decision.scores).toEqual([{ option: 'o3', criterion: 'c4', value: 2, rationale: 'why', source: '' }]);
    expect(doc.decision.outcome).toEqual({ status: 'decided', chosenOption: 'o3', reason: 'cheapest' });
  });

  it('accepts the shipped template', () => {
    expect(parseDecisionDocument(pytorchVsTensorflow).ok).toBe(true);
  });
});

describe('text with half a character', () => {
  it('is refused at the boundary, naming the field, rather than stored altered', async () => {
    const { nameSchema, textSchema } = await import('./model');
    expect(nameSchema.safeParse('PyTorch \uD83D').error?.issues[0].message).toBe('contains half of a character (a lone UTF-16 surrogate); retype or paste it again');
    expect(textSchema.safeParse('\uDE00 alone').success).toBe(false);
    expect(nameSchema.safeParse('Emoji 😀 whole').success).toBe(true);
  });
});
