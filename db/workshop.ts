import type { AggregationRule, ParticipantScore, ParticipantWeights, ScoreRule } from '../core/aggregation';
import type { ParticipantScores, RoundOutcome, RoundSettings, RoundState, RoundWeighing } from '../core/workshop';
import type { Db } from './connection';

/** Repository for workshop rounds, participants and their submitted weights. */

export type RoundRow = RoundSettings;

// The criteria a round scores, as the decision still has them, in its order (a removed one is kept, 0012, and left out).
const ROUND_COLUMNS = `id, decision_id AS decisionId, join_code AS code, name, state, anonymous, rule, weighing, score_rule AS scoreRule, share_result AS shareResult,
  ends_at AS endsAt, created_at AS createdAt, closed_at AS closedAt,
  (SELECT json_group_array(id) FROM (SELECT c.id FROM round_score_criteria k JOIN criteria c ON c.id = k.criterion_id WHERE k.round_id = rounds.id ORDER BY c.position, c.id)) AS scoreCriteria`;

type RoundRecordRow = Omit<RoundRow, 'anonymous' | 'shareResult' | 'scoreCriteria'> & { anonymous: number; shareResult: number; scoreCriteria: string };
const toRound = (row: RoundRecordRow | undefined): RoundRow | undefined =>
  row && { ...row, anonymous: row.anonymous === 1, shareResult: row.shareResult === 1, scoreCriteria: JSON.parse(row.scoreCriteria) as number[] };

/** A new round, open unless it comes in as history (an imported round is closed, so its code need not be free). */
export function insertRound(
  db: Db,
  round: {
    decisionId: number;
    code: string;
    name?: string;
    anonymous: boolean;
    rule: AggregationRule;
    weighing: RoundWeighing;
    scoreRule?: ScoreRule;
    scoreCriteria?: readonly number[];
    endsAt: string | null;
    state?: 'open' | 'closed';
  },
): number {
  const now = new Date().toISOString();
  const closed = round.state === 'closed';
  const id = Number(
    db
      .prepare('INSERT INTO rounds (decision_id, join_code, name, state, anonymous, rule, weighing, score_rule, ends_at, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(round.decisionId, round.code, round.name ?? '', closed ? 'closed' : 'open', round.anonymous ? 1 : 0, round.rule, round.weighing, round.scoreRule ?? 'median', round.endsAt, now, closed ? now : null)
      .lastInsertRowid,
  );
  const asked = db.prepare('INSERT OR IGNORE INTO round_score_criteria (round_id, criterion_id) VALUES (?, ?)');
  for (const criterionId of round.scoreCriteria ?? []) asked.run(id, criterionId);
  return id;
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

/** A new participant, numbered after everyone who joined the round before (removed or not). */
export function insertParticipant(db: Db, roundId: number, name: string, tokenHash: string): number {
  return Number(
    db
      .prepare('INSERT INTO participants (round_id, display_name, token_hash, joined_at, number) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM participants WHERE round_id = ?))')
      .run(roundId, name, tokenHash, new Date().toISOString(), roundId).lastInsertRowid,
  );
}

export function findParticipantByTokenHash(db: Db, tokenHash: string): { id: number; roundId: number; removed: boolean } | undefined {
  const row = db.prepare('SELECT id, round_id AS roundId, removed_at IS NOT NULL AS removed FROM participants WHERE token_hash = ?').get(tokenHash) as
    | { id: number; roundId: number; removed: number }
    | undefined;
  return row && { ...row, removed: row.removed === 1 };
}

/** Everyone who joined the round, removed or not, in joining order, with their names as typed. */
export function listEveryoneJoined(db: Db, roundId: number): { id: number; number: number; name: string; submitted: boolean; removed: boolean; removedAt: string | null }[] {
  return (
    db
      .prepare('SELECT id, number, display_name AS name, submitted_at IS NOT NULL AS submitted, removed_at AS removedAt FROM participants WHERE round_id = ? ORDER BY id')
      .all(roundId) as { id: number; number: number; name: string; submitted: number; removedAt: string | null }[]
  ).map((p) => ({ ...p, submitted: p.submitted === 1, removed: p.removedAt !== null }));
}

/** The round's participants, in joining order: the removed ones no longer count and are left out. */
export function listParticipants(db: Db, roundId: number): { id: number; number: number; name: string; submitted: boolean }[] {
  return listEveryoneJoined(db, roundId)
    .filter((p) => !p.removed)
    .map(({ id, number, name, submitted }) => ({ id, number, name, submitted }));
}

/** Marks a participant removed (their weights stop counting); false when they are not in that round or already removed. */
export function removeParticipant(db: Db, roundId: number, participantId: number, at = new Date().toISOString()): boolean {
  return db.prepare('UPDATE participants SET removed_at = ? WHERE id = ? AND round_id = ? AND removed_at IS NULL').run(at, participantId, roundId).changes === 1;
}

export function participantRound(db: Db, participantId: number): number | undefined {
  return (db.prepare('SELECT round_id AS roundId FROM participants WHERE id = ?').get(participantId) as { roundId: number } | undefined)?.roundId;
}

export interface ScoreRow {
  optionId: number;
  criterionId: number;
  value: number;
  reason: string;
}

/** A resubmission replaces the earlier one: each participant has one set of weights, and one set of scores (none when a round asks for none). */
export function replaceSubmission(db: Db, participantId: number, weights: { criterionId: number; weight: number }[], scores: readonly ScoreRow[] = []): void {
  db.prepare('DELETE FROM submissions WHERE participant_id = ?').run(participantId);
  const insert = db.prepare('INSERT INTO submissions (participant_id, criterion_id, weight) VALUES (?, ?, ?)');
  for (const w of weights) insert.run(participantId, w.criterionId, w.weight);
  db.prepare('DELETE FROM participant_scores WHERE participant_id = ?').run(participantId);
  const score = db.prepare('INSERT INTO participant_scores (participant_id, option_id, criterion_id, value, reason) VALUES (?, ?, ?, ?, ?)');
  for (const s of scores) score.run(participantId, s.optionId, s.criterionId, s.value, s.reason);
  db.prepare('UPDATE participants SET submitted_at = ? WHERE id = ?').run(new Date().toISOString(), participantId);
}

export function submissionOf(db: Db, participantId: number): Record<number, number> | null {
  // Weights for criteria the decision no longer has are kept (0011) but are not the person's weights now.
  const rows = db
    .prepare('SELECT s.criterion_id AS criterionId, s.weight FROM submissions s JOIN criteria c ON c.id = s.criterion_id WHERE s.participant_id = ?')
    .all(participantId) as { criterionId: number; weight: number }[];
  return rows.length === 0 ? null : Object.fromEntries(rows.map((r) => [r.criterionId, r.weight]));
}

/** A participant's scores, for options and criteria the decision still has (others are kept, 0012, and left out), in the decision's order. */
export function scoreRowsOf(db: Db, participantId: number): ScoreRow[] {
  return db
    .prepare(
      `SELECT s.option_id AS optionId, s.criterion_id AS criterionId, s.value, s.reason FROM participant_scores s
         JOIN criteria c ON c.id = s.criterion_id JOIN options o ON o.id = s.option_id WHERE s.participant_id = ? ORDER BY c.position, c.id, o.position, o.id`,
    )
    .all(participantId) as ScoreRow[];
}

/** The same, as a phone reads them: criterion id → option id → score. */
export function scoresOf(db: Db, participantId: number): ParticipantScores {
  const scores: ParticipantScores = {};
  for (const r of scoreRowsOf(db, participantId)) (scores[r.criterionId] ??= {})[r.optionId] = { value: r.value, reason: r.reason };
  return scores;
}

/** Every score of the round's participants who still count (not removed), in joining order, for rows the decision still has. */
export function roundScores(db: Db, roundId: number): ParticipantScore[] {
  const rows = db
    .prepare(
      `SELECT p.id AS participantId, s.option_id AS optionId, s.criterion_id AS criterionId, s.value, s.reason
         FROM participants p JOIN participant_scores s ON s.participant_id = p.id JOIN criteria c ON c.id = s.criterion_id JOIN options o ON o.id = s.option_id
        WHERE p.round_id = ? AND p.removed_at IS NULL ORDER BY p.id`,
    )
    .all(roundId) as (ScoreRow & { participantId: number })[];
  return rows.map((r) => ({ ...r, participantId: String(r.participantId) }));
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

/** The round's result as kept at its reveal (JSON, core/round-snapshot.ts); null when none was kept. */
export function roundSnapshotText(db: Db, roundId: number): string | null {
  return (db.prepare('SELECT result FROM rounds WHERE id = ?').pluck().get(roundId) as string | null | undefined) ?? null;
}

export function setRoundSnapshot(db: Db, roundId: number, text: string): void {
  db.prepare('UPDATE rounds SET result = ? WHERE id = ?').run(text, roundId);
}
