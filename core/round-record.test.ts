import { describe, expect, it } from 'vitest';
import { aggregateScores, groupResult } from './aggregation';
import { draftAsDecision } from './interchange';
import { decisionRecordMarkdown } from './markdown';
import { buildReport } from './report';
import { recordRounds, recordTime } from './round-record';
import { pytorchVsTensorflow } from './templates/pytorch-vs-tensorflow';
import type { FacilitatorRoundView } from './workshop';

const decision = { id: 1, context: '', createdAt: '', updatedAt: '', ...draftAsDecision(pytorchVsTensorflow.decision) };
const ids = decision.criteria.map((c) => c.id);
// Research-minded weights put PyTorch first, production-minded ones TensorFlow (as in the workshop e2e spec).
const RESEARCH = [30, 30, 10, 5, 15, 10];
const PRODUCTION = [5, 5, 20, 35, 15, 20];
const PEOPLE = [
  ['Anaxa', PRODUCTION],
  ['Bowie', RESEARCH],
  ['Cyrus', PRODUCTION],
  ['<b>Dee</b>', PRODUCTION],
  ['Elio', RESEARCH],
] as const;

function round(overrides: Partial<FacilitatorRoundView> & { anonymous?: boolean } = {}): FacilitatorRoundView {
  const anonymous = overrides.anonymous ?? false;
  const submissions = PEOPLE.map(([, weights], i) => ({ participantId: String(i + 10), weights: Object.fromEntries(ids.map((id, k) => [id, weights[k]])) }));
  const result = groupResult(decision, submissions, 'mean');
  if (!result.ok) throw new Error(result.error.message);
  return {
    id: 7,
    decisionId: 1,
    code: 'ABC234',
    name: '',
    state: 'closed',
    anonymous,
    rule: 'mean',
    weighing: 'points',
    scoreRule: 'median',
    scoreCriteria: [],
    scores: null,
    shareResult: false,
    endsAt: null,
    createdAt: '2026-12-02T09:14:00.000Z',
    closedAt: '2026-12-02T09:40:00.000Z',
    participants: [
      ...PEOPLE.map(([name], i) => ({ id: i + 10, number: i + 1, name: anonymous ? '' : name, submitted: true })),
      { id: 20, number: 6, name: anonymous ? '' : 'Late Lou', submitted: false },
    ],
    outcomes: [],
    result: result.value,
    resultProblem: null,
    asRevealed: null,
    ...overrides,
  };
}

describe('recordRounds', () => {
  it('counts each person’s first choice against the group’s, with names in a named round', () => {
    const [recorded] = recordRounds(decision, [round()]);
    expect(recorded.title).toBe('Round 1 · 2 December 2026, 09:14 UTC');
    expect(recordRounds(decision, [round({ name: 'Ops <view>' })])[0].title).toBe('Round 1 “Ops <view>” · 2 December 2026, 09:14 UTC');
    expect(recorded.how).toBe('Mean; weighed with 100 points; named');
    expect(recorded.participants).toBe('5 people gave weights of 6 who joined: Anaxa, Bowie, Cyrus, <b>Dee</b>, Elio');
    expect(recorded.result!.groupFirst).toBe('TensorFlow');
    expect(recorded.result!.choices).toEqual([
      { option: 'TensorFlow', count: 3, names: ['Anaxa', 'Cyrus', '<b>Dee</b>'], group: true },
      { option: 'PyTorch', count: 2, names: ['Bowie', 'Elio'], group: false },
    ]);
    expect(recorded.result!.choicesInWords).toBe('3 of 5 preferred TensorFlow, the group’s first choice; 2 preferred PyTorch.');
    expect(recorded.result!.criteria.reduce((sum, c) => sum + c.shownPercent, 0)).toBeCloseTo(100, 9);
    // Deployment (35 vs 5) is the most disputed.
    expect(recorded.result!.discussionQueue[0]).toBe('Deployment and production');
    expect(recorded.outcome).toEqual(['The group weights were neither applied nor kept as a scenario.']);
  });

  it('keeps no names for an anonymous round, only counts', () => {
    const [recorded] = recordRounds(decision, [round({ anonymous: true })]);
    expect(recorded.participants).toBe('5 people gave weights of 6 who joined (anonymous: no names are kept)');
    expect(recorded.result!.choices.flatMap((c) => c.names)).toEqual([]);
    expect(recorded.result!.people.map((p) => p.label)).toEqual(['Participant 1', 'Participant 2', 'Participant 3', 'Participant 4', 'Participant 5']);
  });

  it('says what became of the group weights, and shows no result before the reveal', () => {
    const [older, newer] = recordRounds(decision, [
      round({ id: 9, state: 'open', result: null, closedAt: null }),
      round({ outcomes: [{ kind: 'applied', scenarioName: '', at: '2026-12-02T09:30:00.000Z' }, { kind: 'scenario', scenarioName: 'Team view', at: '2026-12-02T09:31:00.000Z' }] }),
    ]);
    expect(older.number).toBe(1);
    expect(older.status).toBe('Closed 2 December 2026, 09:40 UTC');
    expect(newer.status).toBe('Open: not revealed yet');
    expect(older.outcome).toEqual(['Applied to the decision’s weights (2 December 2026, 09:30 UTC).', 'Kept as the scenario “Team view” (2 December 2026, 09:31 UTC).']);
    expect(newer.number).toBe(2);
    expect(newer.result).toBeNull();
    expect(newer.outcome).toEqual(['Not revealed yet.']);
  });

  it('writes times in UTC', () => {
    expect(recordTime('2026-01-05T23:59:00.000Z')).toBe('5 January 2026, 23:59 UTC');
  });
});

describe('the Markdown record', () => {
  const markdownOf = (...rounds: FacilitatorRoundView[]) => {
    const report = buildReport(decision, rounds);
    if (!report.ok) throw new Error(report.error.message);
    return decisionRecordMarkdown(report.value, new Date('2026-12-02T12:00:00Z'));
  };

  it('carries every round: when, how, who, the group weights, the spread, the discussion queue, first choices and the outcome', () => {
    const markdown = markdownOf(round({ outcomes: [{ kind: 'scenario', scenarioName: 'Team view', at: '2026-12-02T09:31:00.000Z' }] }));
    expect(markdown).toContain('## Workshop rounds');
    expect(markdown).toContain('### Round 1 · 2 December 2026, 09:14 UTC');
    expect(markdown).toContain('* How: Mean; weighed with 100 points; named');
    expect(markdown).toContain('* Closed 2 December 2026, 09:40 UTC');
    expect(markdown).toContain('* Participants: 5 people gave weights of 6 who joined: Anaxa, Bowie, Cyrus, \\<b\\>Dee\\</b\\>, Elio');
    expect(markdown).toContain('First choices: 3 of 5 preferred TensorFlow, the group’s first choice; 2 preferred PyTorch.');
    expect(markdown).toContain('* PyTorch: Bowie, Elio');
    expect(markdown).toMatch(/\| Deployment and production \| \d+\.\d % \| \d+\.\d % \| \d+\.\d % \|/);
    expect(markdown).toContain('1. Deployment and production');
    expect(markdown).toContain('* What became of it: Kept as the scenario “Team view” \\(2 December 2026, 09:31 UTC\\).');
  });

  it('never names anyone from an anonymous round', () => {
    const markdown = markdownOf(round({ anonymous: true }));
    expect(markdown).toContain('First choices: 3 of 5 preferred TensorFlow');
    for (const [name] of PEOPLE) expect(markdown).not.toContain(name);
    expect(markdown).not.toContain('Lou');
  });

  it('says the weights are a round’s group weights while they are as that round applied them', () => {
    const applied = round({ outcomes: [{ kind: 'applied', scenarioName: '', at: '2026-12-02T09:30:00.000Z' }] });
    const groupWeights = applied.result!.weights.weights;
    const asApplied = { ...decision, criteria: decision.criteria.map((c) => ({ ...c, weight: groupWeights[c.id] * 100 })) };
    const report = buildReport(asApplied, [applied]);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.weighting).toContain('These are the group weights of workshop round 1 (2 December 2026, 09:14 UTC), as applied');
    // Moved since, or never applied: not said.
    const moved = buildReport({ ...asApplied, criteria: asApplied.criteria.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 1 } : c)) }, [applied]);
    const kept = buildReport(asApplied, [round()]);
    if (!moved.ok || !kept.ok) throw new Error('not scored');
    expect(moved.value.weighting.join(' ')).not.toContain('workshop round');
    expect(kept.value.weighting.join(' ')).not.toContain('workshop round');
  });

  it('has no rounds section for a decision without rounds', () => {
    expect(markdownOf()).not.toContain('Workshop rounds');
  });
});

describe('a round where people scored too', () => {
  const [pytorch, tensorflow] = decision.options.map((o) => o.id);
  const [speed] = ids;
  const scored = (anonymous: boolean) => {
    const scores = aggregateScores(
      decision,
      [speed],
      [
        { participantId: '10', optionId: pytorch, criterionId: speed, value: 1, reason: 'Our <i>pilot</i> crawled' },
        { participantId: '11', optionId: pytorch, criterionId: speed, value: 5, reason: '' },
        { participantId: '12', optionId: pytorch, criterionId: speed, value: 4, reason: '' },
        { participantId: '10', optionId: tensorflow, criterionId: speed, value: 3, reason: '' },
      ],
      'median',
    );
    return round({ anonymous, scoreCriteria: [speed], scoreRule: 'median', scores, outcomes: [{ kind: 'scores-applied', scenarioName: '', at: '2026-12-02T09:35:00.000Z' }] });
  };

  it('tells the group score of each cell with its spread, the cells to discuss and the reasons, and that the scores were applied', () => {
    const [recorded] = recordRounds(decision, [scored(false)]);
    const name = decision.criteria[0].name;
    expect(recorded.how).toBe(`Mean; weighed with 100 points; named; people also scored the options on ${name} (median)`);
    expect(recorded.scores?.cells.map((c) => [c.option, c.shown, c.count, c.disputed])).toEqual([
      ['PyTorch', '4', 3, true],
      ['TensorFlow', '3', 1, false],
    ]);
    expect(recorded.scores?.disputed).toEqual([`PyTorch on ${name} (SD 1.70 on 1–5)`]);
    expect(recorded.scores?.reasons).toEqual([{ cell: `PyTorch on ${name}`, who: 'Anaxa', value: '1', reason: 'Our <i>pilot</i> crawled' }]);
    expect(recorded.outcome).toEqual(['Group scores applied to the matrix (2 December 2026, 09:35 UTC).']);
    expect(recorded.applied).toBe(false);
  });

  it('names a person who gave no name by their number in the round, which stays theirs when someone who joined before is removed', () => {
    const base = scored(false);
    const participants = base.participants.map((p) => (p.id === 10 ? { ...p, name: '', number: 4 } : p));
    const [recorded] = recordRounds(decision, [{ ...base, participants }]);
    expect(recorded.scores?.reasons.map((r) => r.who)).toEqual(['Participant 4']);
  });

  it('puts them in the Markdown record, naming nobody when the round was anonymous; nothing before the reveal', () => {
    const markdownOf = (r: FacilitatorRoundView) => {
      const report = buildReport(decision, [r]);
      if (!report.ok) throw new Error(report.error.message);
      return decisionRecordMarkdown(report.value, new Date('2026-12-02T12:00:00Z'));
    };
    const named = markdownOf(scored(false));
    const name = decision.criteria[0].name;
    expect(named).toContain('Group scores (median of the people’s scores of each cell):');
    expect(named).toContain(`| PyTorch | ${name} | 4 | 1–5 | 1.70 | 2 | 3 |`);
    expect(named).toContain(`1. PyTorch on ${name} \\(SD 1.70 on 1–5\\)`);
    expect(named).toContain(`* PyTorch on ${name}, 1 (Anaxa): Our \\<i\\>pilot\\</i\\> crawled`);
    const anonymous = markdownOf(scored(true));
    expect(anonymous).toContain(`* PyTorch on ${name}, 1: Our`);
    expect(anonymous).not.toContain('Anaxa');
    expect(markdownOf({ ...scored(false), state: 'open', outcomes: [] })).not.toContain('Group scores');
  });
});
