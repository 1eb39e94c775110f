import { createHash, randomBytes, randomInt } from 'node:crypto';
import { groupResult, type AggregationRule } from '../core/aggregation';
import { fail, ok, type Result } from '../core/result';
import {
  JOIN_CODE_ALPHABET,
  joinRequestSchema,
  submitRequestSchema,
  type FacilitatorRoundView,
  type RoundWeighing,
  type ParticipantRoundView,
} from '../core/workshop';
import { inTransaction, type Db } from '../db/connection';
import { getDecision } from '../db/decisions';
import * as workshop from '../db/workshop';
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

export function startRound(db: Db, input: { decisionId: number; anonymous: boolean; rule: AggregationRule; weighing?: RoundWeighing; minutes: number | null }): Result<FacilitatorRoundView> {
  return inTransaction(db, () => {
    if (!getDecision(db, input.decisionId)) return fail('not-found', 'This decision no longer exists; it may have been deleted in another window.');
    const endsAt = input.minutes === null ? null : new Date(Date.now() + input.minutes * 60_000).toISOString();
    const id = workshop.insertRound(db, { decisionId: input.decisionId, code: newJoinCode(db), anonymous: input.anonymous, rule: input.rule, weighing: input.weighing ?? 'sliders', endsAt });
    return roundView(db, id);
  });
}

export function roundView(db: Db, roundId: number): Result<FacilitatorRoundView> {
  const round = workshop.findRound(db, roundId);
  if (!round) return fail('not-found', 'That workshop round no longer exists.');
  const participants = workshop.listParticipants(db, roundId).map((p) => ({ ...p, name: round.anonymous ? '' : p.name }));
  let result: FacilitatorRoundView['result'] = null;
  let resultProblem: string | null = null;
  if (round.state !== 'open') {
    const decision = getDecision(db, round.decisionId)!;
    const grouped = groupResult(decision, workshop.roundSubmissions(db, roundId), round.rule);
    if (grouped.ok) result = grouped.value;
    else resultProblem = grouped.error.message;
  }
  return ok({ ...round, participants, outcomes: workshop.roundOutcomes(db, roundId), result, resultProblem });
}

export function changeRound(db: Db, roundId: number, change: { state?: 'revealed' | 'closed'; addMinutes?: number; shareResult?: boolean }): Result<FacilitatorRoundView> {
  return inTransaction(db, () => {
    const round = workshop.findRound(db, roundId);
    if (!round) return fail('not-found', 'That workshop round no longer exists.');
    if (round.state === 'closed') return fail('conflict', 'This round is closed; start a new round to collect weights again.');
    let endsAt: string | null | undefined;
    if (change.addMinutes !== undefined) {
      const from = round.endsAt && new Date(round.endsAt) > new Date() ? new Date(round.endsAt) : new Date();
      endsAt = new Date(from.getTime() + change.addMinutes * 60_000).toISOString();
    }
    workshop.updateRound(db, roundId, { state: change.state, endsAt, shareResult: change.shareResult });
    return roundView(db, roundId);
  });
}

function parse<T extends z.ZodType>(schema: T, body: unknown): Result<z.output<T>> {
  const parsed = schema.safeParse(body);
  return parsed.success ? ok(parsed.data) : fail('invalid-input', describeInputProblem(parsed.error.issues[0]));
}

export function join(db: Db, body: unknown, now = new Date()): Result<{ token: string }> {
  const request = parse(joinRequestSchema, body);
  if (!request.ok) return request;
  return inTransaction(db, () => {
    const round = workshop.findLiveRoundByCode(db, request.value.code);
    if (!round || round.state !== 'open') return fail('not-found', 'No open round has that code: check the code on the screen.');
    if (expired(round, now)) return fail('conflict', 'This round has ended.');
    const token = randomBytes(24).toString('base64url');
    workshop.insertParticipant(db, round.id, round.anonymous ? '' : request.value.name, hashToken(token));
    return ok({ token });
  });
}

function participantFor(db: Db, token: string | undefined) {
  if (!token) return undefined;
  return workshop.findParticipantByTokenHash(db, hashToken(token));
}

export function submit(db: Db, token: string | undefined, body: unknown, now = new Date()): Result<{ submitted: true }> {
  const participant = participantFor(db, token);
  if (!participant) return fail('forbidden', 'Unknown participant: join the round again with its code.');
  const request = parse(submitRequestSchema, body);
  if (!request.ok) return request;
  return inTransaction(db, () => {
    const round = workshop.findRound(db, participant.roundId)!;
    if (round.state !== 'open') return fail('conflict', 'This round no longer takes weights.');
    if (expired(round, now)) return fail('conflict', 'This round has ended.');
    const decision = getDecision(db, round.decisionId)!;
    const known = new Set(decision.criteria.map((c) => c.id));
    const given = Object.entries(request.value.weights).map(([id, weight]) => ({ criterionId: Number(id), weight }));
    const unknown = given.find((w) => !known.has(w.criterionId));
    if (unknown) return fail('invalid-input', 'One of the weights is for a criterion this decision no longer has: reload the page.');
    const missing = decision.criteria.find((c) => !given.some((w) => w.criterionId === c.id));
    if (missing) return fail('invalid-input', `Give a weight for every criterion (“${missing.name}” is missing).`);
    if (given.every((w) => w.weight === 0)) return fail('invalid-input', 'Give at least one criterion a weight above zero.');
    workshop.replaceSubmission(db, participant.id, given);
    return ok({ submitted: true as const });
  });
}

export function participantView(db: Db, token: string | undefined): Result<ParticipantRoundView> {
  const participant = participantFor(db, token);
  if (!participant) return fail('forbidden', 'Unknown participant: join the round again with its code.');
  const round = workshop.findRound(db, participant.roundId)!;
  const decision = getDecision(db, round.decisionId)!;
  let groupWeights: Record<number, number> | null = null;
  if (round.state === 'revealed' && round.shareResult) {
    const view = roundView(db, round.id);
    if (view.ok && view.value.result) groupWeights = view.value.result.weights.weights;
  }
  return ok({
    state: round.state,
    decisionTitle: decision.title,
    anonymous: round.anonymous,
    weighing: round.weighing,
    endsAt: round.endsAt,
    criteria: decision.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, minLabel: c.scale.minLabel, maxLabel: c.scale.maxLabel })),
    myWeights: workshop.submissionOf(db, participant.id),
    groupWeights,
  });
}
