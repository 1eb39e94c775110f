import { AGGREGATION_RULE_NAMES, SCORE_RULE_NAMES, type AggregationRule, type ScoreRule } from './aggregation';
import type { Decision } from './model';
import { ROUND_WEIGHING_NAMES } from './round-weighing';
import { roundedPercents } from './shares';
import type { FacilitatorRoundView, RoundState } from './workshop';

/**
 * A workshop round as the decision's record tells it — the PDF report, the Markdown record and
 * the app's round history all read this: when, how, who (names, or only a count when the round
 * was anonymous), the group weights and their spread, what to discuss first, each person's first
 * choice against the group's, and what became of the group weights.
 */
export interface RecordedRoundCriterion {
  id: number;
  name: string;
  /** The group weight, 0..1. */
  share: number;
  /** As shown: a percentage with one decimal, rounded so the round's add up to 100. */
  shownPercent: number;
  /** Spread of the people's normalised weights, 0..1. */
  standardDeviation: number;
  interquartileRange: number;
}

export interface RecordedChoice {
  option: string;
  /** How many people's own weights put this option first. */
  count: number;
  /** Who they were, in joining order; empty when the round was anonymous. */
  names: string[];
  /** The option the group's weights put first. */
  group: boolean;
}

export interface RecordedPerson {
  /** The name given, or "Participant n", n given at join and never changed (always so when anonymous). */
  label: string;
  /** Their normalised weight per criterion id. */
  weights: Record<number, number>;
  firstChoice: string;
}

export interface RecordedScoreCell {
  optionId: number;
  criterionId: number;
  option: string;
  criterion: string;
  /** The group score, exact; `shown` rounds it to two decimals. */
  value: number;
  shown: string;
  /** On the criterion's scale: "1–5". */
  scale: string;
  count: number;
  standardDeviation: number;
  interquartileRange: number;
  /** Whether it is one of the most disputed cells. */
  disputed: boolean;
}

/** A round's group scores as the record tells them. */
export interface RecordedScores {
  rule: ScoreRule;
  /** "Median of the people's scores of each cell". */
  ruleInWords: string;
  /** The criteria people scored the options on, by name, in the decision's order. */
  criteria: string[];
  /** Every cell someone scored, criterion by criterion. */
  cells: RecordedScoreCell[];
  /** The most disputed cells, the most first: "PyTorch on Speed (SD 1.70 on 1–5)". */
  disputed: string[];
  /** The reasons people gave, cell by cell; `who` is '' in an anonymous round. */
  reasons: { cell: string; who: string; value: string; reason: string }[];
}

export interface RecordedRound {
  /** 1 for the decision's first round, in the order they were started. */
  number: number;
  id: number;
  state: RoundState;
  createdAt: string;
  closedAt: string | null;
  /** "Round 2 · 2 December 2026, 09:14 UTC". */
  title: string;
  rule: AggregationRule;
  /** "Closed 2 December 2026, 09:40 UTC", "Revealed, not closed yet" or "Open: not revealed yet". */
  status: string;
  /** "Geometric mean; weighed with 100 points; named" — how the round was run, in words. */
  how: string;
  anonymous: boolean;
  joined: number;
  submitted: number;
  /** "5 people gave weights: Ana, Bo, …" or, anonymous, "5 people gave weights (anonymous: no names kept)". */
  participants: string;
  /** The result; null before a reveal or when there is none (problem says why). */
  result: {
    criteria: RecordedRoundCriterion[];
    /** Criterion names, the most disputed first. */
    discussionQueue: string[];
    groupFirst: string;
    /** Options some person put first, the most-chosen first (the group's first before others on a tie). */
    choices: RecordedChoice[];
    /** "3 of 5 preferred Kafka, the group's first choice; 2 preferred RabbitMQ." */
    choicesInWords: string;
    /** Each person's row; anonymous rounds label them "Participant n". */
    people: RecordedPerson[];
  } | null;
  problem: string | null;
  /** The group scores of a round that asked for scores, after its reveal (null otherwise, or when nobody scored). */
  scores: RecordedScores | null;
  /** What became of the group weights, one sentence per action, or that nothing did. */
  outcome: string[];
  /** Whether the group weights were ever applied to the decision. */
  applied: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A stored ISO time in words, in UTC so every export of one round says the same. */
export function recordTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

function choicesInWords(choices: RecordedChoice[], submitted: number): string {
  if (choices.length === 0) return '';
  const parts = choices.map((c, i) => {
    const who = i === 0 ? `${c.count} of ${submitted}` : String(c.count);
    return `${who} preferred ${c.option}${c.group ? ', the group’s first choice' : ''}`;
  });
  const group = choices.find((c) => c.group);
  const none = group ? '' : `; nobody’s own weights put the group’s first choice first`;
  return `${parts.join('; ')}${none}.`;
}

function outcomeInWords(round: Pick<FacilitatorRoundView, 'outcomes' | 'state'>): string[] {
  if (round.outcomes.length === 0) return [round.state === 'open' ? 'Not revealed yet.' : 'The group weights were neither applied nor kept as a scenario.'];
  return round.outcomes.map((o) =>
    o.kind === 'applied'
      ? `Applied to the decision’s weights (${recordTime(o.at)}).`
      : o.kind === 'scores-applied'
        ? `Group scores applied to the matrix (${recordTime(o.at)}).`
        : `Kept as the scenario “${o.scenarioName}” (${recordTime(o.at)}).`,
  );
}

/** A score as the record shows it: at most two decimals ("3.67", "4"). */
export const scoreText = (value: number): string => String(Math.round(value * 100) / 100);

function recordScores(
  decision: Pick<Decision, 'options' | 'criteria'>,
  round: Pick<FacilitatorRoundView, 'scores' | 'anonymous'>,
  labelOf: (participantId: string) => string,
): RecordedScores | null {
  const scores = round.scores;
  if (!scores || scores.cells.length === 0) return null;
  const option = new Map(decision.options.map((o) => [o.id, o.name]));
  const criterion = new Map(decision.criteria.map((c) => [c.id, c]));
  const disputed = new Set(scores.disputed.map((d) => `${d.optionId} ${d.criterionId}`));
  const cells: RecordedScoreCell[] = scores.cells.map((cell) => {
    const c = criterion.get(cell.criterionId);
    return {
      optionId: cell.optionId,
      criterionId: cell.criterionId,
      option: option.get(cell.optionId) ?? '',
      criterion: c?.name ?? '',
      value: cell.value,
      shown: scoreText(cell.value),
      scale: c ? `${c.scale.min}–${c.scale.max}` : '',
      count: cell.count,
      standardDeviation: cell.standardDeviation,
      interquartileRange: cell.interquartileRange,
      disputed: disputed.has(`${cell.optionId} ${cell.criterionId}`),
    };
  });
  const cellOf = (d: { optionId: number; criterionId: number }) => cells.find((c) => c.optionId === d.optionId && c.criterionId === d.criterionId)!;
  return {
    rule: scores.rule,
    ruleInWords: `${SCORE_RULE_NAMES[scores.rule]} of the people’s scores of each cell`,
    criteria: scores.criterionIds.map((id) => criterion.get(id)?.name ?? ''),
    cells,
    disputed: scores.disputed.map(cellOf).map((c) => `${c.option} on ${c.criterion} (SD ${c.standardDeviation.toFixed(2)} on ${c.scale})`),
    reasons: scores.cells.flatMap((cell) => {
      const c = cellOf(cell);
      return cell.scores
        .filter((s) => s.reason.trim() !== '')
        .map((s) => ({ cell: `${c.option} on ${c.criterion}`, who: round.anonymous ? '' : labelOf(s.participantId), value: scoreText(s.value), reason: s.reason }));
    }),
  };
}

/** The decision's rounds for its record, oldest first. Names and labels are user text: show them as text. */
export function recordRounds(decision: Pick<Decision, 'options' | 'criteria'>, rounds: readonly FacilitatorRoundView[]): RecordedRound[] {
  return [...rounds]
    .sort((a, b) => a.id - b.id)
    .map((round, index) => {
      // A result kept at the reveal is told with the names and criteria of then; an older round's with today's.
      const names = round.asRevealed ?? decision;
      const optionName = new Map(names.options.map((o) => [o.id, o.name]));
      const criterionName = new Map(names.criteria.map((c) => [c.id, c.name]));
      const first = (ranking: readonly number[]) => optionName.get(ranking[0]) ?? '—';
      const anonymous = round.anonymous;
      const submittedPeople = round.participants
        .map((p) => ({ ...p, label: !anonymous && p.name ? p.name : `Participant ${p.number}` }))
        .filter((p) => p.submitted);
      const joined = round.participants.length;
      const submitted = submittedPeople.length;
      const named = submittedPeople.map((p) => p.label);
      const participants = anonymous
        ? `${people(submitted)} gave weights of ${joined} who joined (anonymous: no names are kept)`
        : `${people(submitted)} gave weights of ${joined} who joined${submitted > 0 ? `: ${named.join(', ')}` : ''}`;
      let result: RecordedRound['result'] = null;
      const r = round.state === 'open' ? null : round.result;
      if (r) {
        const ids = names.criteria.map((c) => c.id);
        const shown = roundedPercents(ids.map((id) => r.weights.weights[id] ?? 0));
        const groupFirst = first(r.group.ranking);
        const rows: RecordedPerson[] = submittedPeople
          .filter((p) => r.participants[String(p.id)])
          .map((p) => ({ label: p.label, weights: r.weights.participants[String(p.id)] ?? {}, firstChoice: first(r.participants[String(p.id)].ranking) }));
        const byOption = new Map<string, RecordedChoice>();
        for (const row of rows) {
          const choice = byOption.get(row.firstChoice) ?? { option: row.firstChoice, count: 0, names: [], group: row.firstChoice === groupFirst };
          choice.count += 1;
          if (!anonymous) choice.names.push(row.label);
          byOption.set(row.firstChoice, choice);
        }
        const choices = [...byOption.values()].sort((a, b) => b.count - a.count || Number(b.group) - Number(a.group));
        result = {
          criteria: ids.map((id, i) => ({
            id,
            name: criterionName.get(id) ?? '',
            share: r.weights.weights[id] ?? 0,
            shownPercent: shown[i],
            standardDeviation: r.weights.spread[id]?.standardDeviation ?? 0,
            interquartileRange: r.weights.spread[id]?.interquartileRange ?? 0,
          })),
          discussionQueue: r.weights.discussionQueue.map((id) => criterionName.get(id) ?? ''),
          groupFirst,
          choices,
          choicesInWords: choicesInWords(choices, rows.length),
          people: rows,
        };
      }
      const scored = round.scoreCriteria.map((id) => criterionName.get(id) ?? '').filter((name) => name !== '');
      const scoring = scored.length > 0 ? `; people also scored the options on ${scored.join(', ')} (${SCORE_RULE_NAMES[round.scoreRule].toLowerCase()})` : '';
      const how = `${AGGREGATION_RULE_NAMES[round.rule]}; weighed with ${ROUND_WEIGHING_NAMES[round.weighing].toLowerCase()}; ${anonymous ? 'anonymous' : 'named'}${scoring}`;
      const labels = new Map(round.participants.map((p) => [String(p.id), !anonymous && p.name ? p.name : `Participant ${p.number}`]));
      return {
        number: index + 1,
        id: round.id,
        state: round.state,
        createdAt: round.createdAt,
        closedAt: round.closedAt,
        title: `Round ${index + 1}${round.name ? ` “${round.name}”` : ''} · ${recordTime(round.createdAt)}`,
        status: round.state === 'open' ? 'Open: not revealed yet' : round.state === 'revealed' || !round.closedAt ? 'Revealed, not closed yet' : `Closed ${recordTime(round.closedAt)}`,
        rule: round.rule,
        how,
        anonymous,
        joined,
        submitted,
        participants,
        result,
        problem: round.state === 'open' ? null : round.resultProblem,
        scores: round.state === 'open' ? null : recordScores(decision, round, (id) => labels.get(id) ?? ''),
        outcome: outcomeInWords(round),
        applied: round.outcomes.some((o) => o.kind === 'applied'),
      };
    });
}
