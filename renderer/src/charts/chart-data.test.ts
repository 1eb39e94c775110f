import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../core/model';
import type { DecisionScores } from '../../../core/decision-scoring';
import { chartedCriteria, contributionSeries, fitLabel, MAX_CHARTED_CRITERIA, MAX_PROFILED_OPTIONS, profileNeedsNote, profileSeries, stackSegments } from './chart-data';

describe('stackSegments', () => {
  it('lays each option’s contributions end to end, skipping unscored cells', () => {
    expect(
      stackSegments([
        { label: 'Speed', values: [0.25, 0.5] },
        { label: 'Docs', values: [null, 0.125] },
        { label: 'Cost', values: [0.5, 0.25] },
      ]),
    ).toEqual([
      [
        [0, 0.25],
        [0, 0.5],
      ],
      [null, [0.5, 0.625]],
      [
        [0.25, 0.75],
        [0.625, 0.875],
      ],
    ]);
  });

  it('returns nothing for no series', () => {
    expect(stackSegments([])).toEqual([]);
  });
});

const criterion = (id: number): Criterion => ({
  id,
  name: `C${id}`,
  description: '',
  direction: 'benefit',
  scale: { min: 0, max: 1, minLabel: '', maxLabel: '' },
  weight: id,
});

describe('chartedCriteria', () => {
  it('draws every criterion while they fit', () => {
    const criteria = Array.from({ length: MAX_CHARTED_CRITERIA }, (_, i) => criterion(i + 1));
    expect(chartedCriteria(criteria, {})).toEqual({ shown: criteria, grouped: [] });
  });

  it('past the limit keeps the heaviest in matrix order and groups the rest', () => {
    const criteria = Array.from({ length: 20 }, (_, i) => criterion(i + 1));
    const weights = Object.fromEntries(criteria.map((c) => [c.id, c.id / 210]));
    const { shown, grouped } = chartedCriteria(criteria, weights);
    const groupedCount = 20 - (MAX_CHARTED_CRITERIA - 1);
    expect(shown.map((c) => c.id)).toEqual(Array.from({ length: MAX_CHARTED_CRITERIA - 1 }, (_, k) => groupedCount + 1 + k));
    expect(grouped.map((c) => c.id)).toEqual(Array.from({ length: groupedCount }, (_, k) => k + 1));
  });
});

describe('contributionSeries and profileSeries', () => {
  const criteria = Array.from({ length: 14 }, (_, i) => criterion(i + 1));
  // The lightest criteria (ids 1..groupedCount) are summed as "Other criteria".
  const groupedCount = 14 - (MAX_CHARTED_CRITERIA - 1);
  const groupedIds = Array.from({ length: groupedCount }, (_, k) => k + 1);
  const contributions = Object.fromEntries(criteria.map((c) => [c.id, 0.01 * c.id]));
  const scores: DecisionScores = {
    method: '',
    weights: Object.fromEntries(criteria.map((c) => [c.id, c.id])),
    options: [
      { optionId: 1, name: 'A', total: 1, rank: 1, complete: true, missingCriterionIds: [] },
      { optionId: 2, name: 'B', total: 0, rank: null, complete: false, missingCriterionIds: groupedIds },
    ],
    ranking: [1, 2],
    contribution: (_option, criterion) => contributions[criterion],
  };
  const charted = chartedCriteria(criteria, scores.weights);

  it('sums the grouped criteria into one "Other criteria" series, leaving unscored cells out', () => {
    const series = contributionSeries({ options: [{ id: 1, name: 'A', description: '' }, { id: 2, name: 'B', description: '' }] }, scores, charted);
    expect(series.series).toHaveLength(MAX_CHARTED_CRITERIA);
    const other = series.series.at(-1)!;
    expect(other.label).toBe(`Other criteria (${groupedCount})`);
    expect(other.values[0]).toBeCloseTo(groupedIds.reduce((sum, id) => sum + 0.01 * id, 0), 12);
    expect(other.values[1]).toBeNull();
  });

  it('gives the radar the same spokes', () => {
    const profile = profileSeries(scores, charted);
    expect(profile.labels.at(-1)).toBe(`Other criteria (${groupedCount})`);
    expect(profile.series[0].values).toHaveLength(MAX_CHARTED_CRITERIA);
  });

  it('puts the radar’s outer ring at the heaviest spoke’s weight, the grouped criteria counting as one spoke', () => {
    const oneHeavy = { ...scores, weights: Object.fromEntries(criteria.map((c) => [c.id, c.id === 14 ? 100 : 1])) };
    expect(profileSeries(oneHeavy, chartedCriteria(criteria, oneHeavy.weights)).outerRing).toBe(100);
    // All weigh 1: the grouped spoke weighs as many as it sums.
    const even = { ...scores, weights: Object.fromEntries(criteria.map((c) => [c.id, 1])) };
    expect(profileSeries(even, chartedCriteria(criteria, even.weights)).outerRing).toBe(groupedCount);
  });
});

describe('profileSeries with many options', () => {
  const criteria = [criterion(1), criterion(2)];
  const optionCount = MAX_PROFILED_OPTIONS + 3;
  // Option n totals n / 10; the ranking runs from the last option to the first.
  const options = Array.from({ length: optionCount }, (_, i) => ({
    optionId: 100 + i,
    name: `Option ${i}`,
    total: i / 10,
    rank: optionCount - i,
    complete: true,
    missingCriterionIds: [],
  }));
  const scores: DecisionScores = {
    method: '',
    weights: { 1: 0.5, 2: 0.5 },
    options,
    ranking: [...options].reverse().map((o) => o.optionId),
    // Option n earns n / 20 on each criterion.
    contribution: (optionId) => (optionId - 100) / 20,
  };

  it('profiles only the leading options, in the decision’s order, each keeping the colour of its place in it', () => {
    const profile = profileSeries(scores, chartedCriteria(criteria, scores.weights));
    const leading = Array.from({ length: MAX_PROFILED_OPTIONS }, (_, k) => optionCount - MAX_PROFILED_OPTIONS + k);
    expect(profile.series.map((s) => s.label)).toEqual(leading.map((i) => `Option ${i}`));
    expect(profile.series.map((s) => s.colour)).toEqual(leading);
  });

  it('profiles every option while they fit', () => {
    const few = { ...scores, options: options.slice(0, 3), ranking: [102, 101, 100] };
    expect(profileSeries(few, chartedCriteria(criteria, few.weights)).series.map((s) => s.label)).toEqual(['Option 0', 'Option 1', 'Option 2']);
  });
});

describe('fitLabel', () => {
  it('keeps a short label whole, on one line', () => {
    expect(fitLabel('Throughput', 20, 2)).toEqual(['Throughput']);
  });
  it('wraps between words', () => {
    expect(fitLabel('Ease of use for a new team', 12, 3)).toEqual(['Ease of use', 'for a new', 'team']);
  });
  it('ends a word too long for a line in a visible ellipsis', () => {
    expect(fitLabel('SystemNameWithoutAnySpacesAtAllForTesting', 20, 2)).toEqual(['SystemNameWithoutAn…']);
  });
  it('ends the last line in an ellipsis when the label needs more lines than fit', () => {
    const lines = fitLabel('Alpha managed message broker with cross region replication', 20, 2);
    expect(lines).toEqual(['Alpha managed', 'message broker with…']);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
  });
  it('never splits a character made of two code units', () => {
    expect(fitLabel('😀'.repeat(30), 10, 1)).toEqual([`${'😀'.repeat(9)}…`]);
  });
});

describe('profileNeedsNote', () => {
  const spokes = (n: number) => ({ labels: Array.from({ length: n }, (_, i) => `C${i}`), series: [] });
  const weights = (...w: number[]) => w.map((weight) => ({ weight }));
  it('asks for the criteria still missing', () => {
    expect(profileNeedsNote(spokes(1), weights(10))).toBe('A profile needs at least 3 criteria; add 2 more to draw it.');
  });
  it('asks for a weight, not more criteria, when six exist but every weight is zero', () => {
    expect(profileNeedsNote(spokes(0), weights(0, 0, 0, 0, 0, 0))).toBe('A profile needs weights: give at least one criterion a weight above zero to draw it.');
  });
  it('says nothing once the radar can draw', () => {
    expect(profileNeedsNote(spokes(6), weights(0, 0, 0, 0, 0, 10))).toBe('');
  });
});
