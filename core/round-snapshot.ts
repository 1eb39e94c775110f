import { z } from 'zod';
import type { GroupResult } from './aggregation';
import type { Decision } from './model';
import type { Result } from './result';

/**
 * A round's result as it was when revealed: the group result (group weights, spread, discussion
 * queue, the group's scores and each person's, hence who preferred what) with the names and the
 * order of the criteria and options at that moment. It is stored with the round (rounds.result,
 * migration 0013) and read instead of computing the result again, so a score edited, an option
 * renamed or a criterion removed after the round does not change what the round's record says.
 *
 * The stored JSON is the result object as `groupResult` made it, with a version: a field the
 * result gains later is kept by the same JSON. Rounds revealed before 0013 have no snapshot and
 * are computed from today's decision, as before.
 */
export const ROUND_SNAPSHOT_VERSION = 1;

export interface NamedRow {
  id: number;
  name: string;
}

export interface RoundSnapshot {
  version: typeof ROUND_SNAPSHOT_VERSION;
  /** When it was taken (the reveal, or a participant removed after it). */
  at: string;
  /** The decision's criteria and options at that time, in its order. */
  criteria: NamedRow[];
  options: NamedRow[];
  result: GroupResult | null;
  /** Why there was no result (nobody had submitted, say); null when there is one. */
  problem: string | null;
}

export function takeRoundSnapshot(decision: Pick<Decision, 'options' | 'criteria'>, result: Result<GroupResult>, at = new Date().toISOString()): RoundSnapshot {
  return {
    version: ROUND_SNAPSHOT_VERSION,
    at,
    criteria: decision.criteria.map(({ id, name }) => ({ id, name })),
    options: decision.options.map(({ id, name }) => ({ id, name })),
    result: result.ok ? result.value : null,
    problem: result.ok ? null : result.error.message,
  };
}

const key = z.string().min(1).max(200);
const finite = z.number().finite();
const spread = z.strictObject({ standardDeviation: finite, interquartileRange: finite });
const idOrKey = z.union([z.number().int(), key]);
const scoreSummary = z
  .object({
    method: z.string().max(200),
    weights: z.record(key, finite),
    options: z
      .array(
        z
          .object({ optionId: idOrKey, name: z.string().max(10_000), total: finite, rank: z.number().int().nullable(), complete: z.boolean(), missingCriterionIds: z.array(idOrKey) })
          .passthrough(),
      )
      .max(10_000),
    ranking: z.array(idOrKey).max(10_000),
  })
  .passthrough();

/**
 * A snapshot as the store or a file holds it. Keys are the store's row ids in the store and the
 * file's own ids in a file (`rekeyRoundSnapshot` translates). Fields a later version of the
 * result adds are kept (passthrough), so a snapshot read and written again loses nothing.
 */
export const roundSnapshotSchema = z.strictObject({
  version: z.literal(ROUND_SNAPSHOT_VERSION),
  at: z.string().max(40),
  criteria: z.array(z.strictObject({ id: idOrKey, name: z.string().max(10_000) })).max(10_000),
  options: z.array(z.strictObject({ id: idOrKey, name: z.string().max(10_000) })).max(10_000),
  result: z
    .object({
      weights: z
        .object({
          rule: z.string().max(40),
          weights: z.record(key, finite),
          participants: z.record(key, z.record(key, finite)),
          spread: z.record(key, spread),
          discussionQueue: z.array(idOrKey).max(10_000),
        })
        .passthrough(),
      group: scoreSummary,
      participants: z.record(key, scoreSummary),
    })
    .passthrough()
    .nullable(),
  problem: z.string().max(10_000).nullable(),
});

/** The stored text read back; null when there is none or it is not a snapshot this version reads (the round is then computed as before). */
export function readRoundSnapshot(text: string | null): RoundSnapshot | null {
  if (text === null) return null;
  try {
    const parsed = roundSnapshotSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as unknown as RoundSnapshot) : null;
  } catch {
    return null;
  }
}

type Key = string | number;
export interface SnapshotKeys {
  criterion: (id: Key) => Key | undefined;
  option: (id: Key) => Key | undefined;
  participant: (id: Key) => Key | undefined;
}

/**
 * The same snapshot with its criterion, option and participant ids translated (the store's row
 * ids to a file's ids, or back); an entry whose id has no translation is left out.
 */
export function rekeyRoundSnapshot(snapshot: z.output<typeof roundSnapshotSchema> | RoundSnapshot, keys: SnapshotKeys): RoundSnapshot {
  const list = (ids: readonly Key[], to: (id: Key) => Key | undefined) => ids.flatMap((id) => (to(id) === undefined ? [] : [to(id)!]));
  const record = <T>(r: Readonly<Record<string, T>>, to: (id: Key) => Key | undefined, value: (v: T) => T = (v) => v) =>
    Object.fromEntries(Object.entries(r).flatMap(([id, v]) => (to(id) === undefined ? [] : [[String(to(id)), value(v)]])));
  const rows = (rs: readonly { id: Key; name: string }[], to: (id: Key) => Key | undefined) => rs.flatMap((r) => (to(r.id) === undefined ? [] : [{ id: to(r.id)!, name: r.name }]));
  const summary = (s: any) => ({
    ...s,
    weights: record(s.weights, keys.criterion),
    options: (s.options as { optionId: Key; missingCriterionIds: Key[] }[]).flatMap((o) =>
      keys.option(o.optionId) === undefined ? [] : [{ ...o, optionId: keys.option(o.optionId), missingCriterionIds: list(o.missingCriterionIds, keys.criterion) }],
    ),
    ranking: list(s.ranking, keys.option),
  });
  const r = snapshot.result;
  return {
    ...snapshot,
    criteria: rows(snapshot.criteria, keys.criterion),
    options: rows(snapshot.options, keys.option),
    result: r && {
      ...r,
      weights: {
        ...r.weights,
        weights: record(r.weights.weights, keys.criterion),
        participants: record(r.weights.participants, keys.participant, (w) => record(w, keys.criterion)),
        spread: record(r.weights.spread, keys.criterion),
        discussionQueue: list(r.weights.discussionQueue, keys.criterion),
      },
      group: summary(r.group),
      participants: record(r.participants, keys.participant, summary),
    },
  } as unknown as RoundSnapshot;
}
