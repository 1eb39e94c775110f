import { createHash, randomBytes, randomInt } from 'node:crypto';
import { aggregateScores, groupResult, type AggregationRule, type ScoreRule } from '../core/aggregation';
import { fail, ok, type Result } from '../core/result';
import {
  distinctNames,
  JOIN_CODE_ALPHABET,
  joinCodeSchema,
  joinRequestSchema,
  minimumRoundWeight,
  submitRequestSchema,
  type FacilitatorRoundView,
  type RoundWeighing,
  type ParticipantRoundView,
} from '../core/workshop';
import { inTransaction, type Db } from '../db/connection';
import { getDecision } from '../db/decisions';
import * as workshop from '../db/workshop';
import { readRoundSnapshot, takeRoundSnapshot } from '../core/round-snapshot';
import { describeInputProblem } from './input-messages';
import type { z } from 'zod';

/**
 * Workshop rounds over the store. Participants are known only by a random token (128 bits and
 * more) whose SHA-256 is stored; a token can only ever write its own submission.
 */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function newJoinCode(db: Db): string {
  for (;;) {
    const code = Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
    if (!workshop.findLiveRoundByCode(db, code)) return code;
  }
}

const expired = (round: workshop.RoundRow, now: Date) => round.endsAt !== null && new Date(round.endsAt) <= now;

export function startRound(
  db: Db,
  input: {
    decisionId: number;
    name?: string;
    anonymous: boolean;
    rule: AggregationRule;
    weighing?: RoundWeighing;
    scoreRule?: ScoreRule;
    scoreCriteria?: readonly number[];
    minutes: number | null;
  },
): Result<FacilitatorRoundView> {
  return inTransaction(db, () => {
    const decision = getDecision(db, input.decisionId);
    if (!decision) return fail('not-found', 'This decision no longer exists; it may have been deleted in another window.');
    const criteria = new Set(decision.criteria.map((c) => c.id));
    if ((input.scoreCriteria ?? []).some((id) => !criteria.has(id)))
      return fail('invalid-input', 'One of the criteria picked for scoring is not in this decision (it may have just been removed): pick them again.');
    if ((input.scoreCriteria ?? []).length > 0 && decision.options.length === 0) return fail('invalid-input', 'The decision has no options for people to score: add one first, or start a round of weights only.');
    const endsAt = input.minutes === null ? null : new Date(Date.now() + input.minutes * 60_000).toISOString();
    const id = workshop.insertRound(db, {
      decisionId: input.decisionId,
      code: newJoinCode(db),
      name: input.name ?? '',
      anonymous: input.anonymous,
      rule: input.rule,
      weighing: input.weighing ?? 'sliders',
      scoreRule: input.scoreRule ?? 'median',
      scoreCriteria: input.scoreCriteria ?? [],
      endsAt,
    });
    return roundView(db, id);
  });
}

/** Everyone who joined, labelled as the facilitator sees them: a second "Ana" is "Ana (2)"; no names in an anonymous round. */
function labelledParticipants(db: Db, round: workshop.RoundRow) {
  const everyone = workshop.listEveryoneJoined(db, round.id);
  const labels = distinctNames(everyone.map((p) => (round.anonymous ? '' : p.name)));
  return everyone.map((p, i) => ({ ...p, name: labels[i] }));
}

export function roundView(db: Db, roundId: number): Result<FacilitatorRoundView> {
  const round = workshop.findRound(db, roundId);
  if (!round) return fail('not-found', 'That workshop round no longer exists.');
  const participants = labelledParticipants(db, round)
    .filter((p) => !p.removed)
    .map(({ id, number, name, submitted }) => ({ id, number, name, submitted }));
  let result: FacilitatorRoundView['result'] = null;
  let resultProblem: string | null = null;
  let scores: FacilitatorRoundView['scores'] = null;
  let asRevealed: FacilitatorRoundView['asRevealed'] = null;
  if (round.state !== 'open') {
    // The result kept at the reveal; a round revealed before 0013 kept none and is computed from today's decision.
    const snapshot = readRoundSnapshot(workshop.roundSnapshotText(db, roundId));
    if (snapshot) {
      result = snapshot.result;
      resultProblem = snapshot.problem;
      asRevealed = { at: snapshot.at, criteria: snapshot.criteria, options: snapshot.options };
    } else {
      const grouped = computeResult(db, round);
      if (grouped.ok) result = grouped.value;
      else resultProblem = grouped.error.message;
    }
    // Like the weights, nobody sees a score before the reveal. Group scores are computed from the
    // scores people sent (not from the matrix), on the criteria's scales as they are now.
    if (round.scoreCriteria.length > 0) scores = aggregateScores(getDecision(db, round.decisionId)!, round.scoreCriteria, workshop.roundScores(db, roundId), round.scoreRule);
  }
  return ok({ ...round, participants, outcomes: workshop.roundOutcomes(db, roundId), result, scores, resultProblem, asRevealed });
}

function computeResult(db: Db, round: workshop.RoundRow) {
  return groupResult(getDecision(db, round.decisionId)!, workshop.roundSubmissions(db, round.id), round.rule);
}

/** Keeps the round's result as it is now (at its reveal, or when someone is removed after it), with the decision's names. */
function keepResult(db: Db, round: workshop.RoundRow): void {
  const decision = getDecision(db, round.decisionId)!;
  workshop.setRoundSnapshot(db, round.id, JSON.stringify(takeRoundSnapshot(decision, computeResult(db, round))));
}

export function changeRound(db: Db, roundId: number, change: { state?: 'revealed' | 'closed'; addMinutes?: number; shareResult?: boolean; name?: string }): Result<FacilitatorRoundView> {
  return inTransaction(db, () => {
    const round = workshop.findRound(db, roundId);
    if (!round) return fail('not-found', 'That workshop round no longer exists.');
    if (round.state === 'closed') return fail('conflict', 'This round is closed; start a new round to collect weights again.');
    let endsAt: string | null | undefined;
    if (change.addMinutes !== undefined) {
      const from = round.endsAt && new Date(round.endsAt) > new Date() ? new Date(round.endsAt) : new Date();
      endsAt = new Date(from.getTime() + change.addMinutes * 60_000).toISOString();
    }
    workshop.updateRound(db, roundId, { state: change.state, endsAt, shareResult: change.shareResult, name: change.name });
    // Revealed (or closed without a reveal): the result is kept as it is now.
    if (round.state === 'open' && change.state !== undefined) keepResult(db, workshop.findRound(db, roundId)!);
    return roundView(db, roundId);
  });
}

/** The facilitator takes someone out of a round (a duplicate, someone who left): their weights stop counting. */
export function removeParticipant(db: Db, roundId: number, participantId: number): Result<FacilitatorRoundView> {
  return inTransaction(db, () => {
    const round = workshop.findRound(db, roundId);
    if (!round) return fail('not-found', 'That workshop round no longer exists.');
    if (round.state === 'closed') return fail('conflict', 'This round is closed; its participants can no longer change.');
    if (!workshop.removeParticipant(db, roundId, participantId)) return fail('not-found', 'That person is not in this round (they may have been removed already).');
    // After the reveal their weights stop counting in the kept result too.
    if (round.state === 'revealed') keepResult(db, round);
    return roundView(db, roundId);
  });
}

function parse<T extends z.ZodType>(schema: T, body: unknown): Result<z.output<T>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? ok(parsed.data) : fail('invalid-input', describeInputProblem(parsed.error.issues[0]));
}

export const REMOVED_MESSAGE = 'The facilitator has removed you from this round; your weights no longer count.';
export const CLOSED_MESSAGE = 'This round is closed: it no longer takes weights. Thank you for taking part.';
export const TIME_UP_MESSAGE = 'Time is up: this round no longer takes weights.';

export interface JoinOptions {
  now?: Date;
  /** The token this browser already holds for the code, if any: joining again returns the same participant. */
  token?: string;
  /** Asked before a new participant is added (not for a rejoin): false refuses the join (the host's per-address quota). */
  admit?: (roundId: number) => boolean;
}

/** Joins the open round with this code; from a browser that already joined it (its token), the same participant again. */
export function join(db: Db, body: unknown, options: JoinOptions = {}): Result<{ token: string; roundId: number; rejoined: boolean }> {
  const now = options.now ?? new Date();
  const request = parse(joinRequestSchema, body);
  if (!request.ok) return request;
  return inTransaction(db, () => {
    const round = workshop.findLiveRoundByCode(db, request.value.code);
    if (!round) {
      const closed = workshop.findLatestRoundByCode(db, request.value.code);
      if (closed) return fail('conflict', CLOSED_MESSAGE);
      return fail('not-found', 'No open round has that code: check the code on the screen.');
    }
    const known = participantFor(db, options.token);
    if (known && known.roundId === round.id) {
      if (known.removed) return fail('forbidden', REMOVED_MESSAGE);
      return ok({ token: options.token!, roundId: round.id, rejoined: true });
    }
    if (round.state !== 'open') return fail('conflict', 'The result of this round has been revealed: it takes no new participants.');
    if (expired(round, now)) return fail('conflict', TIME_UP_MESSAGE);
    if (options.admit && !options.admit(round.id)) return fail('forbidden', 'Too many people have joined this round from this device. If you joined before, go back to that browser.');
    const token = randomBytes(24).toString('base64url');
    workshop.insertParticipant(db, round.id, round.anonymous ? '' : request.value.name, hashToken(token));
    return ok({ token, roundId: round.id, rejoined: false });
  });
}

function participantFor(db: Db, token: string | undefined) {
  if (!token) return undefined;
  return workshop.findParticipantByTokenHash(db, hashToken(token));
}

/** Whether a join link's code names a round that has closed (and no live round has it): the link then serves a page saying so. */
export function codeIsClosed(db: Db, code: string): boolean {
  const parsed = joinCodeSchema.safeParse(code);
  if (!parsed.success || workshop.findLiveRoundByCode(db, parsed.data)) return false;
  return workshop.findLatestRoundByCode(db, parsed.data)?.state === 'closed';
}

export function submit(db: Db, token: string | undefined, body: unknown, now = new Date()): Result<{ submitted: true }> {
  const participant = participantFor(db, token);
  if (!participant) return fail('forbidden', 'Unknown participant: join the round again with its code.');
  if (participant.removed) return fail('forbidden', REMOVED_MESSAGE);
  const request = parse(submitRequestSchema, body);
  if (!request.ok) return request;
  return inTransaction(db, () => {
    const round = workshop.findRound(db, participant.roundId)!;
    if (round.state === 'closed') return fail('conflict', CLOSED_MESSAGE);
    if (round.state !== 'open') return fail('conflict', 'This round no longer takes weights.');
    if (expired(round, now)) return fail('conflict', TIME_UP_MESSAGE);
    const decision = getDecision(db, round.decisionId)!;
    const known = new Set(decision.criteria.map((c) => c.id));
    const given = Object.entries(request.value.weights).map(([id, weight]) => ({ criterionId: Number(id), weight }));
    const unknown = given.find((w) => !known.has(w.criterionId));
    if (unknown) return fail('invalid-input', 'One of the weights is for a criterion this decision no longer has: reload the page.');
    const missing = decision.criteria.find((c) => !given.some((w) => w.criterionId === c.id));
    if (missing) return fail('invalid-input', `Give a weight for every criterion (“${missing.name}” is missing).`);
    if (given.every((w) => w.weight === 0)) return fail('invalid-input', 'Give at least one criterion a weight above zero.');
    const least = minimumRoundWeight(round.rule);
    const tooLow = given.find((w) => w.weight < least);
    if (tooLow) {
      const name = decision.criteria.find((c) => c.id === tooLow.criterionId)?.name ?? '';
      return fail('invalid-input', `In this round every criterion needs a weight of at least ${least} (“${name}” has ${tooLow.weight}): under the geometric mean a 0 would make it count for nothing for everyone.`);
    }
    const scores = scoresGiven(decision, round, request.value.scores);
    if (!scores.ok) return scores;
    workshop.replaceSubmission(db, participant.id, given, scores.value);
    return ok({ submitted: true as const });
  });
}

/** The scores a phone sent, checked against the round and the decision: only the criteria the round asks for, the decision's options, each on its criterion's scale. */
function scoresGiven(
  decision: NonNullable<ReturnType<typeof getDecision>>,
  round: workshop.RoundRow,
  sent: Record<string, Record<string, { value: number; reason: string }>> | undefined,
): Result<workshop.ScoreRow[]> {
  const entries = Object.entries(sent ?? {});
  if (entries.length === 0) return ok([]);
  if (round.scoreCriteria.length === 0) return fail('invalid-input', 'This round asks for weights only, not scores: reload the page.');
  const options = new Map(decision.options.map((o) => [o.id, o]));
  const rows: workshop.ScoreRow[] = [];
  for (const [criterionKey, byOption] of entries) {
    const criterion = decision.criteria.find((c) => c.id === Number(criterionKey));
    if (!criterion || !round.scoreCriteria.includes(criterion.id)) return fail('invalid-input', 'One of the scores is for a criterion this round does not ask you to score: reload the page.');
    for (const [optionKey, score] of Object.entries(byOption)) {
      const option = options.get(Number(optionKey));
      if (!option) return fail('invalid-input', 'One of the scores is for an option this decision no longer has: reload the page.');
      const { min, max } = criterion.scale;
      if (score.value < min || score.value > max)
        return fail('invalid-input', `Your score for “${option.name}” on “${criterion.name}” must be from ${min} to ${max} (it is ${score.value}).`);
      rows.push({ optionId: option.id, criterionId: criterion.id, value: score.value, reason: score.reason });
    }
  }
  return ok(rows);
}

export function participantView(db: Db, token: string | undefined, now = new Date()): Result<ParticipantRoundView> {
  const participant = participantFor(db, token);
  if (!participant) return fail('forbidden', 'Unknown participant: join the round again with its code.');
  const round = workshop.findRound(db, participant.roundId)!;
  const decision = getDecision(db, round.decisionId)!;
  const secondsLeft = round.endsAt === null ? null : Math.max(0, Math.ceil((new Date(round.endsAt).getTime() - now.getTime()) / 1000));
  let groupWeights: Record<number, number> | null = null;
  let groupScores: ParticipantRoundView['groupScores'] = null;
  if (round.state === 'revealed' && round.shareResult && !participant.removed) {
    const view = roundView(db, round.id);
    if (view.ok && view.value.result) groupWeights = view.value.result.weights.weights;
    // Cells of an option or criterion removed since the reveal are left out: the phone has no name for them.
    const shown = (cell: { optionId: number; criterionId: number }) => decision.options.some((o) => o.id === cell.optionId) && decision.criteria.some((c) => c.id === cell.criterionId);
    if (view.ok && view.value.scores) groupScores = view.value.scores.cells.filter(shown).map(({ optionId, criterionId, value, count }) => ({ optionId, criterionId, value, count }));
  }
  return ok({
    state: round.state,
    roundName: round.name,
    removed: participant.removed,
    accepting: round.state === 'open' && !expired(round, now) && !participant.removed,
    secondsLeft,
    myName: labelledParticipants(db, round).find((p) => p.id === participant.id)?.name ?? '',
    minWeight: minimumRoundWeight(round.rule),
    decisionTitle: decision.title,
    anonymous: round.anonymous,
    weighing: round.weighing,
    endsAt: round.endsAt,
    criteria: decision.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, min: c.scale.min, max: c.scale.max, minLabel: c.scale.minLabel, maxLabel: c.scale.maxLabel })),
    myWeights: workshop.submissionOf(db, participant.id),
    scoreCriteria: round.scoreCriteria,
    options: round.scoreCriteria.length > 0 ? decision.options.map((o) => ({ id: o.id, name: o.name })) : [],
    myScores: workshop.scoresOf(db, participant.id),
    groupWeights,
    groupScores,
  });
}
