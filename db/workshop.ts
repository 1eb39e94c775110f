import type { AggregationRule, ParticipantWeights } from '../core/aggregation';
import type { RoundOutcome, RoundSettings, RoundState, RoundWeighing } from '../core/workshop';
import type { Db } from './connection';

/** Repository for workshop rounds, participants and their submitted weights. */

export type RoundRow = RoundSettings;

const ROUND_COLUMNS = `id, decision_id AS decisionId, join_code AS code, name, state, anonymous, rule, weighing, share_result AS shareResult,
  ends_at AS endsAt, created_at AS createdAt, closed_at AS closedAt`;

const toRound = (row: (Omit<RoundRow, 'anonymous' | 'shareResult'> & { anonymous: number; shareResult: number }) | undefined): RoundRow | undefined =>
  row && { ...row, anonymous: row.anonymous === 1, shareResult: row.shareResult === 1 };

/** A new round, open unless it comes in as history (an imported round is closed, so its code need not be free). */
export function insertRound(
  db: Db,
  round: { decisionId: number; code: string; name?: string; anonymous: boolean; rule: AggregationRule; weighing: RoundWeighing; endsAt: string | null; state?: 'open' | 'closed' },
): number {
  const now = new Date().toISOString();
  const closed = round.state === 'closed';
  return Number(
    db
      .prepare('INSERT INTO rounds (decision_id, join_code, name, state, anonymous, rule, weighing, ends_at, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(round.decisionId, round.code, round.name ?? '', closed ? 'closed' : 'open', round.anonymous ? 1 : 0, round.rule, round.weighing, round.endsAt, now, closed ? now : null)
      .lastInsertRowid,
  );
}

export function findRound(db: Db, roundId: number): RoundRow | undefined {
  return toRound(db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE id = ?`).get(roundId) as never);
}

export function findLiveRoundByCode(db: Db, code: string): RoundRow | undefined {
  return toRound(db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE join_code = ? AND state <> 'closed'`).get(code) as never);
}

/** The latest round that had this code, closed or not: what a join link still names after its round has closed. */
export function findLatestRoundByCode(db: Db, code: string): RoundRow | undefined {
  return toRound(db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE join_code = ? ORDER BY id DESC LIMIT 1`).get(code) as never);
}

export function listRounds(db: Db, decisionId: number): RoundRow[] {
  return (db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE decision_id = ? ORDER BY id DESC`).all(decisionId) as never[]).map((r) => toRound(r)!);
}

export function liveRoundCount(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM rounds WHERE state <> 'closed'").get() as { n: number }).n;
}

export function updateRound(db: Db, roundId: number, fields: { state?: RoundState; endsAt?: string | null; shareResult?: boolean; name?: string }): void {
  const current = findRound(db, roundId);
  if (!current) return;
  const state = fields.state ?? current.state;
  db.prepare('UPDATE rounds SET state = ?, ends_at = ?, share_result = ?, name = ?, closed_at = CASE WHEN ? = \'closed\' THEN ? ELSE closed_at END WHERE id = ?').run(
    state,
    fields.endsAt === undefined ? current.endsAt : fields.endsAt,
    (fields.shareResult ?? current.shareResult) ? 1 : 0,
    fields.name ?? current.name,
    state,
    new Date().toISOString(),
    roundId,
  );
}

export function insertParticipant(db: Db, roundId: number, name: string, tokenHash: string): number {
  return Number(
    db.prepare('INSERT INTO participants (round_id, display_name, token_hash, joined_at) VALUES (?, ?, ?, ?)').run(roundId, name, tokenHash, new Date().toISOString())
      .lastInsertRowid,
  );
}

export function findParticipantByTokenHash(db: Db, tokenHash: string): { id: number; roundId: number; removed: boolean } | undefined {
  const row = db.prepare('SELECT id, round_id AS roundId, removed_at IS NOT NULL AS removed FROM participants WHERE token_hash = ?').get(tokenHash) as
    | { id: number; roundId: number; removed: number }
    | undefined;
  return row && { ...row, removed: row.removed === 1 };
}

/** Everyone who joined the round, removed or not, in joining order, with their names as typed. */
export function listEveryoneJoined(db: Db, roundId: number): { id: number; name: string; submitted: boolean; removed: boolean }[] {
  return (
    db
      .prepare('SELECT id, display_name AS name, submitted_at IS NOT NULL AS submitted, removed_at IS NOT NULL AS removed FROM participants WHERE round_id = ? ORDER BY id')
      .all(roundId) as { id: number; name: string; submitted: number; removed: number }[]
  ).map((p) => ({ ...p, submitted: p.submitted === 1, removed: p.removed === 1 }));
}

/** The round's participants, in joining order: the removed ones no longer count and are left out. */
export function listParticipants(db: Db, roundId: number): { id: number; name: string; submitted: boolean }[] {
  return listEveryoneJoined(db, roundId)
    .filter((p) => !p.removed)
    .map(({ id, name, submitted }) => ({ id, name, submitted }));
}

/** Marks a participant removed (their weights stop counting); false when they are not in that round or already removed. */
export function removeParticipant(db: Db, roundId: number, participantId: number): boolean {
  return db.prepare('UPDATE participants SET removed_at = ? WHERE id = ? AND round_id = ? AND removed_at IS NULL').run(new Date().toISOString(), participantId, roundId).changes === 1;
}

export function participantRound(db: Db, participantId: number): number | undefined {
  return (db.prepare('SELECT round_id AS roundId FROM participants WHERE id = ?').get(participantId) as { roundId: number } | undefined)?.roundId;
}

/** A resubmission replaces the earlier one: each participant has one set of weights. */
export function replaceSubmission(db: Db, participantId: number, weights: { criterionId: number; weight: number }[]): void {
  db.prepare('DELETE FROM submissions WHERE participant_id = ?').run(participantId);
  const insert = db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (?, ?, ?)');
  for (const w of weights) insert.run(participantId, w.criterionId, w.weight);
  db.prepare('UPDATE participants SET submitted_at = ? WHERE id = ?').run(new Date().toISOString(), participantId);
}

export function submissionOf(db: Db, participantId: number): Record<number, number> | null {
  // Weights for criteria the decision no longer has are kept (0011) but are not the person's weights now.
  const rows = db
    .prepare('SELECT s.criterion_id AS criterionId, s.weight FROM submissions s JOIN criteria c ON c.id = s.criterion_id WHERE s.participant_id = ?')
    .all(participantId) as { criterionId: number; weight: number }[];
  return rows.length === 0 ? null : Object.fromEntries(rows.map((r) => [r.criterionId, r.weight]));
}

export function roundSubmissions(db: Db, roundId: number): ParticipantWeights[] {
  const rows = db
    .prepare(
      `SELECT p.id AS participantId, s.criterion_id AS criterionId, s.weight
         FROM participants p JOIN submissions s ON s.participant_id = p.id JOIN criteria c ON c.id = s.criterion_id
        WHERE p.round_id = ? AND p.removed_at IS NULL ORDER BY p.id`,
    )
    .all(roundId) as { participantId: number; criterionId: number; weight: number }[];
  const byParticipant = new Map<number, Record<number, number>>();
  for (const r of rows) {
    const weights = byParticipant.get(r.participantId) ?? {};
    weights[r.criterionId] = r.weight;
    byParticipant.set(r.participantId, weights);
  }
  return [...byParticipant].map(([id, weights]) => ({ participantId: String(id), weights }));
}

/** Notes that a round's group weights were applied or kept as a scenario (`at` given when the record comes from a file). */
export function insertRoundOutcome(db: Db, roundId: number, outcome: Omit<RoundOutcome, 'at'> & { at?: string }): void {
  db.prepare('INSERT INTO round_outcomes (round_id, kind, scenario_name, at) VALUES (?, ?, ?, ?)').run(roundId, outcome.kind, outcome.scenarioName, outcome.at ?? new Date().toISOString());
}

export function roundOutcomes(db: Db, roundId: number): RoundOutcome[] {
  return db.prepare('SELECT kind, scenario_name AS scenarioName, at FROM round_outcomes WHERE round_id = ? ORDER BY id').all(roundId) as RoundOutcome[];
}
