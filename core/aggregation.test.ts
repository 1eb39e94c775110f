import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateScores, aggregateWeights, arithmeticMean, geometricMean, groupResult, median, quantile, type ParticipantScore } from './aggregation';
import { draftAsDecision } from './interchange';
import { pytorchVsTensorflow, pytorchVsTensorflowWeightings } from './templates/pytorch-vs-tensorflow';
import { vector } from './testdata/vectors';

describe('combining judgments', () => {
  const v = vector('geometric-mean-of-judgments') as { judgments: number[]; expected_geometric_mean: number };

  it('reproduces the published geometric mean of 2, 3 and 4', () => {
    expect(geometricMean(v.judgments)).toBeCloseTo(v.expected_geometric_mean, 4);
  });

  it('keeps reciprocity where the arithmetic mean breaks it', () => {
    const reciprocals = v.judgments.map((j) => 1 / j);
    expect(geometricMean(reciprocals)).toBeCloseTo(1 / geometricMean(v.judgments), 12);
    expect(arithmeticMean(reciprocals)).toBeCloseTo(0.3611, 4);
    expect(1 / arithmeticMean(v.judgments)).not.toBeCloseTo(arithmeticMean(reciprocals), 2);
  });

  it('computes medians and quartiles by interpolation', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
  });
});

describe('aggregateWeights', () => {
  const people = [
    { participantId: 'ana', weights: { 1: 10, 2: 10 } },
    { participantId: 'bo', weights: { 1: 30, 2: 10 } },
    { participantId: 'cy', weights: { 1: 100, 2: 0 } },
  ];

  it('normalises each person first, then combines and normalises again', () => {
    const result = aggregateWeights([1, 2], people, 'mean');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.participants.bo).toEqual({ 1: 0.75, 2: 0.25 });
    expect(result.value.weights[1]).toBeCloseTo((0.5 + 0.75 + 1) / 3, 12);
    expect(result.value.weights[1] + result.value.weights[2]).toBeCloseTo(1, 12);
  });

  it('measures the spread per criterion and queues the most disputed first', () => {
    const result = aggregateWeights([1, 2, 3], [
      { participantId: 'a', weights: { 1: 1, 2: 1, 3: 1 } },
      { participantId: 'b', weights: { 1: 1, 2: 5, 3: 1 } },
    ], 'median');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.spread[2].standardDeviation).toBeGreaterThan(result.value.spread[1].standardDeviation);
    expect(result.value.discussionQueue[0]).toBe(2);
    expect(result.value.spread[1].interquartileRange).toBeCloseTo(Math.abs(1 / 3 - 1 / 7) / 2, 12);
  });

  it('explains why the geometric mean cannot combine a criterion everyone but one zeroed', () => {
    const result = aggregateWeights([1, 2], [
      { participantId: 'a', weights: { 1: 1, 2: 0 } },
      { participantId: 'b', weights: { 1: 0, 2: 1 } },
    ], 'geometric-mean');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/try the mean or the median/);
  });

  it.each([
    [[], 'Nobody has submitted weights yet.'],
    [[{ participantId: 'z', weights: { 1: 0, 2: 0 } }], 'Participant z: every weight is zero.'],
    [[{ participantId: 'n', weights: { 1: Number.NaN, 2: 1 } }], 'Participant n: the weight for criterion 1 must be a finite number of zero or more (got NaN).'],
  ])('refuses %j', (participants, message) => {
    expect(aggregateWeights([1, 2], participants, 'mean')).toEqual({ ok: false, error: { code: 'invalid-input', message } });
  });

  it('gives weights that sum to 1 under every rule (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('mean' as const, 'geometric-mean' as const, 'median' as const),
        (rows, rule) => {
          const result = aggregateWeights([1, 2, 3], rows.map((w, i) => ({ participantId: `p${i}`, weights: { 1: w[0], 2: w[1], 3: w[2] } })), rule);
          return result.ok && Math.abs(Object.values(result.value.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9;
        },
      ),
    );
  });
});

describe('groupResult', () => {
  it('ranks the seeded decision for the group and for each person', () => {
    const decision = draftAsDecision(pytorchVsTensorflow.decision);
    const keyed = (preset: Record<string, number>) => Object.fromEntries(pytorchVsTensorflow.decision.criteria.map((c, i) => [i + 1, preset[c.id]]));
    const result = groupResult(
      decision,
      [
        { participantId: 'researcher', weights: keyed(pytorchVsTensorflowWeightings.research) },
        { participantId: 'sre', weights: keyed(pytorchVsTensorflowWeightings.production) },
        { participantId: 'ops', weights: keyed(pytorchVsTensorflowWeightings.production) },
      ],
      'geometric-mean',
    );
    if (!result.ok) throw new Error(result.error.message);
    const leader = (scores: { ranking: number[] }) => decision.options.find((o) => o.id === scores.ranking[0])!.name;
    expect(leader(result.value.participants.researcher)).toBe('PyTorch');
    expect(leader(result.value.participants.sre)).toBe('TensorFlow');
    expect(leader(result.value.group)).toBe('TensorFlow');
    expect(result.value.weights.discussionQueue).toHaveLength(6);
  });
});

describe('aggregateScores', () => {
  const scale = (min: number, max: number) => ({ min, max, minLabel: '', maxLabel: '' });
  const decision = {
    options: [{ id: 10, name: 'Kafka', description: '' }, { id: 11, name: 'RabbitMQ', description: '' }],
    criteria: [
      { id: 1, name: 'Speed', description: '', direction: 'benefit' as const, weight: 1, scale: scale(1, 5) },
      { id: 2, name: 'Cost', description: '', direction: 'cost' as const, weight: 1, scale: scale(0, 100) },
      { id: 3, name: 'Docs', description: '', direction: 'benefit' as const, weight: 1, scale: scale(1, 5) },
    ],
  };
  const s = (participantId: string, optionId: number, criterionId: number, value: number, reason = ''): ParticipantScore => ({ participantId, optionId, criterionId, value, reason });
  const scores = [
    s('ana', 10, 1, 5, 'we ran it'),
    s('bo', 10, 1, 1),
    s('cy', 10, 1, 4),
    s('ana', 11, 1, 3),
    s('bo', 11, 1, 3),
    s('ana', 10, 2, 20),
    s('bo', 10, 2, 60),
    s('cy', 10, 2, 40),
    s('ana', 11, 3, 2),
  ];

  it('gives each cell the median (or the mean) of the people who scored it, with its spread on the scale', () => {
    const byMedian = aggregateScores(decision, [1, 2], scores, 'median');
    expect(byMedian.criterionIds).toEqual([1, 2]);
    // Only the cells someone scored, on the criteria asked: Docs was not asked, so its score is left out.
    expect(byMedian.cells.map((c) => [c.optionId, c.criterionId, c.value, c.count])).toEqual([
      [10, 1, 4, 3],
      [11, 1, 3, 2],
      [10, 2, 40, 3],
    ]);
    const byMean = aggregateScores(decision, [1, 2], scores, 'mean');
    expect(byMean.cells[0].value).toBeCloseTo(10 / 3, 12);
    const speed = byMean.cells[0];
    // Population SD of 5, 1, 4 is √(26/9); the IQR of 1, 4, 5 is 4.5 − 2.5.
    expect(speed.standardDeviation).toBeCloseTo(Math.sqrt(26 / 9), 12);
    expect(speed.interquartileRange).toBeCloseTo(2, 12);
    expect(speed.relativeSpread).toBeCloseTo(Math.sqrt(26 / 9) / 4, 12);
    expect(speed.scores[0]).toEqual({ participantId: 'ana', value: 5, reason: 'we ran it' });
  });

  it('puts the cells with the largest spread relative to their scale first, leaving out agreement and single scores', () => {
    const { disputed } = aggregateScores(decision, [1, 2, 3], scores, 'median');
    // Speed on a 1–5 scale: SD 1.70 of a range of 4 (0.43); Cost: SD 16.3 of 100 (0.16); RabbitMQ speed agrees; Docs has one score.
    expect(disputed).toEqual([
      { optionId: 10, criterionId: 1 },
      { optionId: 10, criterionId: 2 },
    ]);
  });

  it('keeps at most three disputed cells', () => {
    const many = decision.criteria.flatMap((c) => decision.options.flatMap((o) => [s('ana', o.id, c.id, c.scale.min), s('bo', o.id, c.id, c.scale.max)]));
    expect(aggregateScores(decision, [1, 2, 3], many, 'mean').disputed).toHaveLength(3);
  });
});
