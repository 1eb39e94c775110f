import { describe, expect, it } from 'vitest';
import { NO_WEIGHTING_INPUTS } from './weighting/inputs';
import { draftWeighting, INTERCHANGE_FORMAT, issueInWords, parseDecisionDocument, parseDecisionDocumentText, toDocument } from './interchange';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';

const minimal = () => ({
  format: 'decision-matrix/v2',
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
    ['a wrong format', (d: any) => (d.format = 'decision-matrix/v9'), 'format: must be "decision-matrix/v2" (or the older "decision-matrix/v1")'],
    ['an unknown field', (d: any) => (d.decision.colour = 'red'), 'decision: Unrecognized key: "colour"'],
    ['a score out of scale', (d: any) => (d.decision.scores[0].value = 9), 'decision.scores[0].value: 9 is outside the scale 1–5 of criterion "c"'],
    ['a dangling option id', (d: any) => (d.decision.scores[0].option = 'zz'), 'decision.scores[0].option: no option has the id "zz"'],
    ['a duplicate criterion id', (d: any) => d.decision.criteria.push({ ...d.decision.criteria[0] }), 'decision.criteria[1].id: duplicate criterion id "c"'],
    ['a negative weight', (d: any) => (d.decision.criteria[0].weight = -2), 'decision.criteria[0].weight: must be zero or more'],
    ['a chosen option that does not exist', (d: any) => (d.decision.outcome = { status: 'decided', chosenOption: 'zz' }), 'decision.outcome.chosenOption: no option has the id "zz"'],
    ['a blank title', (d: any) => (d.decision.title = '   '), 'decision.title: must not be empty'],
    ['a reversed scale', (d: any) => (d.decision.criteria[0].scale = { min: 5, max: 1 }), 'decision.criteria[0].scale.max: must be above the scale’s minimum'],
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

/** Three criteria, Coffee, Tea and Water, and a weighting for them. */
const weighed = (weighting: unknown, format = INTERCHANGE_FORMAT) => ({
  format,
  decision: {
    title: 'Drinks',
    options: [{ id: 'a', name: 'A' }],
    criteria: ['coffee', 'tea', 'water'].map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), scale: { min: 1, max: 5 }, weight: 1 })),
    weighting,
  },
});

describe('decision.weighting (decision-matrix/v2)', () => {
  it('reads a v1 file as weighted directly, and hands it on as v2', () => {
    const parsed = parseDecisionDocument({ ...minimal(), format: 'decision-matrix/v1' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.format).toBe('decision-matrix/v2');
    expect(parsed.value.decision.weighting).toEqual({ method: 'direct' });
    // What comes out parses again, as the service parses what the renderer parsed.
    expect(parseDecisionDocument(parsed.value)).toEqual(parsed);
  });

  it('takes a v2 file without a weighting as direct', () => {
    const parsed = parseDecisionDocument(minimal());
    expect(parsed.ok && parsed.value.decision.weighting).toEqual({ method: 'direct' });
  });

  it.each([
    { method: 'direct' },
    { method: 'points' },
    { method: 'rank', rule: 'roc', order: ['water', ['coffee', 'tea']] },
    { method: 'rank', rule: 'rank-sum', order: ['tea', 'water', 'coffee'] },
    { method: 'swing', points: { coffee: 100, tea: 0, water: 37.5 } },
    { method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 9 }, { more: 'coffee', less: 'tea', ratio: 2.8845 }] },
  ])('keeps $method weighting as written', (weighting) => {
    const parsed = parseDecisionDocument(weighed(weighting));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.decision.weighting).toEqual(weighting);
  });

  it.each([
    ['a weighting in a v1 file', weighed({ method: 'points' }, 'decision-matrix/v1'), 'decision.weighting: is new in decision-matrix/v2: write "format": "decision-matrix/v2" to use it'],
    ['an unknown method', weighed({ method: 'vibes' }), 'decision.weighting.method: method must be "direct", "points", "rank", "swing" or "ahp"'],
    ['a weighting that is not an object', weighed('ahp'), 'decision.weighting: must be an object with a method'],
    ['an unknown rank rule', weighed({ method: 'rank', rule: 'borda', order: ['coffee', 'tea', 'water'] }), 'decision.weighting.rule: must be "roc", "rank-sum" or "reciprocal"'],
    ['a rank order that misses a criterion', weighed({ method: 'rank', rule: 'roc', order: ['coffee', 'tea'] }), 'decision.weighting.order: misses criterion "water": every criterion has a place'],
    ['a rank order that repeats a criterion', weighed({ method: 'rank', rule: 'roc', order: ['coffee', ['tea', 'coffee'], 'water'] }), 'decision.weighting.order[1][1]: criterion "coffee" is ranked twice'],
    ['a rank order naming an unknown criterion', weighed({ method: 'rank', rule: 'roc', order: ['coffee', 'tea', 'water', 'milk'] }), 'decision.weighting.order[3]: no criterion has the id "milk"'],
    ['an empty tie', weighed({ method: 'rank', rule: 'roc', order: ['coffee', [], 'tea', 'water'] }), 'decision.weighting.order[1]: a tie must name at least one criterion'],
    ['swing points above 100', weighed({ method: 'swing', points: { coffee: 100, tea: 101, water: 0 } }), 'decision.weighting.points.tea: must be from 0 to 100'],
    ['negative swing points', weighed({ method: 'swing', points: { coffee: 100, tea: -1, water: 0 } }), 'decision.weighting.points.tea: must be from 0 to 100'],
    ['swing points for an unknown criterion', weighed({ method: 'swing', points: { coffee: 100, tea: 1, water: 0, milk: 5 } }), 'decision.weighting.points.milk: no criterion has the id "milk"'],
    ['a criterion without swing points', weighed({ method: 'swing', points: { coffee: 100 } }), 'decision.weighting.points: has no points for criteria "tea", "water"'],
    ['an AHP judgment naming an unknown criterion', weighed({ method: 'ahp', judgments: [{ more: 'milk', less: 'tea', ratio: 3 }] }), 'decision.weighting.judgments[0].more: no criterion has the id "milk"'],
    ['an AHP ratio above 9', weighed({ method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 12 }] }), `decision.weighting.judgments[0].ratio: the judgment "Water" over "Tea" must be from 1 to 9 on Saaty's scale (got 12)`],
    ['an AHP ratio below 1', weighed({ method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 1 / 3 }] }), `decision.weighting.judgments[0].ratio: the judgment "Water" over "Tea" must be from 1 to 9 on Saaty's scale (got 0.3333333333333333)`],
    ['a criterion compared with itself', weighed({ method: 'ahp', judgments: [{ more: 'tea', less: 'tea', ratio: 1 }] }), 'decision.weighting.judgments[0].less: compares "Tea" with itself'],
    [
      'a pair judged twice',
      weighed({ method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 3 }, { more: 'tea', less: 'water', ratio: 2 }] }),
      'decision.weighting.judgments[1]: "Tea" and "Water" are already compared in judgments[0]',
    ],
    ['an unknown field in a judgment', weighed({ method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 3, note: 'x' }] }), 'decision.weighting.judgments[0]: Unrecognized key: "note"'],
  ])('refuses %s, naming the path of the problem', (_, document, message) => {
    expect(parseDecisionDocument(document)).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });

  it('gives the weighting ids as draftAsDecision numbers the criteria', () => {
    const parsed = parseDecisionDocument(weighed({ method: 'ahp', judgments: [{ more: 'water', less: 'tea', ratio: 9 }] }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(draftWeighting(parsed.value.decision)).toEqual({ method: 'ahp', judgments: [{ more: 3, less: 2, ratio: 9 }] });
    expect(draftWeighting({ criteria: [], weighting: undefined })).toEqual({ method: 'direct' });
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
      weighting: NO_WEIGHTING_INPUTS,
    });
    expect(parseDecisionDocument(doc)).toEqual({ ok: true, value: doc });
    expect(doc.decision.title).toBe('<img src=x onerror=alert(1)>');
    expect(doc.decision.scores).toEqual([{ option: 'o3', criterion: 'c4', value: 2, rationale: 'why', source: '' }]);
    expect(doc.decision.outcome).toEqual({ status: 'decided', chosenOption: 'o3', reason: 'cheapest' });
    expect(doc.format).toBe('decision-matrix/v2');
    expect(doc.decision.weighting).toEqual({ method: 'direct' });
  });

  it('writes a weighting with the file’s criterion ids', () => {
    const stored = {
      id: 7,
      title: 'T',
      context: '',
      status: 'open' as const,
      chosenOptionId: null,
      outcomeReason: '',
      createdAt: '',
      updatedAt: '',
      options: [{ id: 3, name: 'A', description: '' }],
      criteria: [4, 5].map((id) => ({ id, name: `C${id}`, description: '', direction: 'benefit' as const, scale: { min: 0, max: 10, minLabel: '', maxLabel: '' }, weight: 1 })),
      scores: [],
      weighting: NO_WEIGHTING_INPUTS,
    };
    const doc = toDocument(stored, { method: 'ahp', judgments: [{ more: 5, less: 4, ratio: 7 }] });
    expect(doc.decision.weighting).toEqual({ method: 'ahp', judgments: [{ more: 'c5', less: 'c4', ratio: 7 }] });
    expect(parseDecisionDocument(doc)).toEqual({ ok: true, value: doc });
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

describe('a file saved with a byte-order mark', () => {
  it('reads as the same decision', async () => {
    const { parseDecisionDocumentText } = await import('./interchange');
    const { pytorchVsTensorflow } = await import('./templates/pytorch-vs-tensorflow');
    const text = JSON.stringify({ format: 'decision-matrix/v2', decision: pytorchVsTensorflow.decision });
    const plain = parseDecisionDocumentText(text);
    expect(plain.ok).toBe(true);
    expect(parseDecisionDocumentText(`\uFEFF${text}`)).toEqual(plain);
  });
});

describe('a schema’s complaint in words', () => {
  it.each([
    [{ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, message: 'Too small: expected string to have >=1 characters', path: [], input: '' }, 'must have at least 1 character'],
    [{ code: 'too_big', origin: 'array', maximum: 3, inclusive: true, message: 'Too big: expected array to have <=3 items', path: [], input: [] }, 'must have at most 3 entries'],
    [{ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, message: 'Too small: expected number to be >0', path: [], input: 0 }, 'must be above 0'],
    [{ code: 'invalid_type', expected: 'string', message: 'Invalid input: expected string, received undefined', path: [], input: undefined }, 'is missing'],
    [{ code: 'invalid_type', expected: 'number', message: 'Invalid input: expected number, received string', path: [], input: 'x' }, 'must be a number'],
  ])('%#: %j', (issue, words) => {
    expect(issueInWords(issue as never)).toBe(words);
  });
});
