import { randomBytes } from 'node:crypto';
import type { DecisionDraft, DecisionHistory } from '../core/interchange';
import { readRoundSnapshot, rekeyRoundSnapshot } from '../core/round-snapshot';
import type { Db } from './connection';
import { writeWeightingInputs } from './weighting';
import * as scenarios from './scenarios';
import * as workshop from './workshop';

/**
 * What a decision file brings besides the matrix — every method's inputs, scenarios, workshop
 * rounds — written for a decision just inserted (criterion ids translated from the file's), and
 * read back for its export. Rounds come in as history: closed, with nobody able to join them.
 */
export function insertDraftHistory(db: Db, decisionId: number, draft: DecisionDraft, criterionIds: ReadonlyMap<string, number>, optionIds: ReadonlyMap<string, number>): void {
  const rowsOf = (record: Readonly<Record<string, number>> | null | undefined) =>
    new Map(Object.entries(record ?? {}).flatMap(([key, value]) => (criterionIds.has(key) ? [[criterionIds.get(key)!, value] as const] : [])));
  const asRecord = (record: Readonly<Record<string, number>> | undefined) => (record ? Object.fromEntries(rowsOf(record)) : undefined);
  const { saved } = draft;
  if (saved) {
    const active = draft.weighting?.method ?? 'direct';
    // The active method's own inputs came with `weighting`; the saved ones are the others'.
    for (const [criterionId, weight] of rowsOf(saved.sliders)) db.prepare('UPDATE criteria SET weight = ? WHERE id = ?').run(weight, criterionId);
    writeWeightingInputs(db, decisionId, {
      points: active === 'points' ? undefined : asRecord(saved.points),
      rule: active === 'rank' ? undefined : saved.rank?.rule,
      order: active === 'rank' || !saved.rank ? undefined : saved.rank.order.map((entry) => (Array.isArray(entry) ? entry.map((id) => criterionIds.get(id)!) : criterionIds.get(entry)!)),
      swing: active === 'swing' ? undefined : asRecord(saved.swing),
      judgments: active === 'ahp' ? undefined : saved.judgments?.map((j) => ({ more: criterionIds.get(j.more)!, less: criterionIds.get(j.less)!, ratio: j.ratio })),
    });
  }
  for (const scenario of draft.scenarios ?? []) {
    const id = scenarios.insertScenario(db, decisionId, scenario.name, [...rowsOf(scenario.weights)].map(([criterionId, weight]) => ({ criterionId, weight })));
    if (scenario.createdAt) db.prepare('UPDATE scenarios SET created_at = ? WHERE id = ?').run(scenario.createdAt, id);
  }
  for (const round of draft.rounds ?? []) {
    const roundId = workshop.insertRound(db, {
      decisionId,
      code: round.code,
      name: round.name,
      anonymous: round.anonymous,
      rule: round.rule,
      weighing: round.weighing,
      scoreRule: round.scoreRule,
      scoreCriteria: round.scoreCriteria.flatMap((key) => (criterionIds.has(key) ? [criterionIds.get(key)!] : [])),
      endsAt: round.endsAt,
      state: 'closed',
    });
    workshop.updateRound(db, roundId, { shareResult: round.shareResult });
    if (round.createdAt) db.prepare('UPDATE rounds SET created_at = ? WHERE id = ?').run(round.createdAt, roundId);
    // A round that was still open or revealed when exported closes on import; one already closed keeps its time.
    if (round.closedAt) db.prepare('UPDATE rounds SET closed_at = ? WHERE id = ?').run(round.closedAt, roundId);
    for (const outcome of round.outcomes) workshop.insertRoundOutcome(db, roundId, outcome);
    const participantIds = new Map<string, number>();
    round.participants.forEach((participant, i) => {
      // A token nobody holds: an imported participant can never write again.
      // An anonymous round never keeps a name, even one a hand-edited file gives it.
      const id = workshop.insertParticipant(db, roundId, round.anonymous ? '' : participant.name, randomBytes(32).toString('hex'));
      const scores = participant.scores.flatMap((s) =>
        optionIds.has(s.option) && criterionIds.has(s.criterion) ? [{ optionId: optionIds.get(s.option)!, criterionId: criterionIds.get(s.criterion)!, value: s.value, reason: s.reason }] : [],
      );
      participantIds.set(String(i + 1), id);
      if (participant.weights) workshop.replaceSubmission(db, id, [...rowsOf(participant.weights)].map(([criterionId, weight]) => ({ criterionId, weight })), scores);
      // Removed by the facilitator: on record, with their weights, which do not count.
      if (participant.removedAt) workshop.removeParticipant(db, roundId, id, participant.removedAt);
    });
    // The result kept at the reveal comes back in this store's ids; a file without one is computed from the weights.
    if (round.result) {
      const kept = rekeyRoundSnapshot(round.result, {
        criterion: (key) => criterionIds.get(String(key)),
        option: (key) => optionIds.get(String(key)),
        participant: (key) => participantIds.get(String(key)),
      });
      workshop.setRoundSnapshot(db, roundId, JSON.stringify(kept));
    }
  }
}

/** A stored decision's scenarios and rounds, for its file. */
export function readDecisionHistory(db: Db, decisionId: number): DecisionHistory {
  return {
    scenarios: scenarios.listScenarios(db, decisionId).map(({ name, createdAt, weights }) => ({ name, createdAt, weights })),
    // Oldest first, the order they are inserted in again on import.
    rounds: [...workshop.listRounds(db, decisionId)].reverse().map((round) => ({
      code: round.code,
      name: round.name,
      state: round.state,
      anonymous: round.anonymous,
      rule: round.rule,
      weighing: round.weighing,
      scoreRule: round.scoreRule,
      scoreCriteria: round.scoreCriteria,
      shareResult: round.shareResult,
      createdAt: round.createdAt,
      endsAt: round.endsAt,
      closedAt: round.closedAt,
      outcomes: workshop.roundOutcomes(db, round.id),
      // Everyone who joined, the removed too: the file is the round's whole record.
      participants: workshop.listEveryoneJoined(db, round.id).map((p) => ({ name: p.name, weights: workshop.submissionOf(db, p.id), scores: workshop.scoreRowsOf(db, p.id), removedAt: p.removedAt })),
      result: keptResult(db, round.id),
    })),
  };
}

/** The round's kept result with its participants keyed by their place in the file's list (from "1"), as the file holds them. */
function keptResult(db: Db, roundId: number) {
  const snapshot = readRoundSnapshot(workshop.roundSnapshotText(db, roundId));
  if (!snapshot) return null;
  const place = new Map(workshop.listEveryoneJoined(db, roundId).map((p, i) => [String(p.id), String(i + 1)]));
  const same = (id: string | number) => id;
  return rekeyRoundSnapshot(snapshot, { criterion: same, option: same, participant: (id) => place.get(String(id)) });
}
