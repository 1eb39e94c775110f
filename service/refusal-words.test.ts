import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames, type MethodInput, type MethodName, type MethodOutput } from '../core/contract';
import type { Result } from '../core/result';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';
import { notInWords } from './test/words';

/**
 * Every refusal the app's handlers can give is in the user's words: whatever a page sends, a
 * refused call answers one sentence with no method or field name, no path into the request and no
 * internal id, and changes nothing. Each method starts from a valid call (the table below must
 * name every method of the contract) and fast-check bends it: a field dropped, emptied, given the
 * wrong kind of value, an id that names nothing, a key nobody knows, at any depth.
 */

const folder = temporaryFolder();
/** An id no row has, chosen so that it cannot appear in a message by chance. */
const GONE = 987_654_321;

interface Ids {
  decisionId: number;
  optionId: number;
  criterionId: number;
  criterionIds: number[];
  scenarioId: number;
  roundId: number;
  versionId: number;
  participantId: number;
  document: MethodOutput<'exportDecision'>;
  csv: string;
}

/** A call each method accepts on the seeded store (with one round started). */
const VALID: { [K in MethodName]: (ids: Ids) => MethodInput<K> } = {
  openWorkspace: (i) => ({ decisionId: i.decisionId }),
  listDecisions: () => ({}),
  getDecision: (i) => ({ decisionId: i.decisionId }),
  createDecision: () => ({ title: 'Which queue?' }),
  duplicateDecision: (i) => ({ decisionId: i.decisionId }),
  updateDecision: (i) => ({ decisionId: i.decisionId, title: 'Renamed', context: 'Why', status: 'decided', chosenOptionId: i.optionId, outcomeReason: 'Because' }),
  deleteDecision: (i) => ({ decisionId: i.decisionId }),
  listTemplates: () => ({}),
  createFromTemplate: () => ({ name: 'pytorch-vs-tensorflow' }),
  addOption: (i) => ({ decisionId: i.decisionId, name: 'JAX' }),
  updateOption: (i) => ({ optionId: i.optionId, name: 'Torch', description: 'Meta' }),
  moveOption: (i) => ({ optionId: i.optionId, toIndex: 1 }),
  removeOption: (i) => ({ optionId: i.optionId }),
  addCriterion: (i) => ({ decisionId: i.decisionId, name: 'Cost', direction: 'cost', scale: { min: 0, max: 10, minLabel: 'free', maxLabel: 'dear' }, weight: 10 }),
  updateCriterion: (i) => ({ criterionId: i.criterionId, name: 'Ease', direction: 'benefit', weight: 20, scale: { min: 1, max: 5 } }),
  moveCriterion: (i) => ({ criterionId: i.criterionId, toIndex: 2 }),
  removeCriterion: (i) => ({ criterionId: i.criterionId }),
  setScore: (i) => ({ optionId: i.optionId, criterionId: i.criterionId, value: 3, rationale: 'Tried it', source: 'https://example.org' }),
  setWeights: (i) => ({ decisionId: i.decisionId, weights: [{ criterionId: i.criterionId, weight: 40 }] }),
  setWeighting: (i) => ({ decisionId: i.decisionId, method: 'ahp', judgments: [{ more: i.criterionIds[0], less: i.criterionIds[1], ratio: 3 }] }),
  importDecision: (i) => ({ text: JSON.stringify(i.document) }),
  exportDecision: (i) => ({ decisionId: i.decisionId }),
  importCsv: (i) => ({ title: 'From a sheet', text: i.csv }),
  exportCsv: (i) => ({ decisionId: i.decisionId }),
  importXlsx: () => ({ title: 'From a workbook', base64: '' }),
  exportXlsx: (i) => ({ decisionId: i.decisionId }),
  bulkProgress: () => ({}),
  startRound: (i) => ({ decisionId: i.decisionId, anonymous: true, rule: 'median', weighing: 'points', scoreCriteria: [i.criterionId], scoreRule: 'mean', minutes: 10 }),
  getRound: (i) => ({ roundId: i.roundId }),
  listRounds: (i) => ({ decisionId: i.decisionId }),
  updateRound: (i) => ({ roundId: i.roundId, state: 'revealed', addMinutes: 5, shareResult: true }),
  applyGroupWeights: (i) => ({ roundId: i.roundId }),
  keepGroupWeights: (i) => ({ roundId: i.roundId, name: 'The room' }),
  applyGroupScores: (i) => ({ roundId: i.roundId }),
  removeParticipant: (i) => ({ roundId: i.roundId, participantId: i.participantId }),
  listScenarios: (i) => ({ decisionId: i.decisionId }),
  saveScenario: (i) => ({ decisionId: i.decisionId, name: 'Mine' }),
  applyScenario: (i) => ({ scenarioId: i.scenarioId }),
  deleteScenario: (i) => ({ scenarioId: i.scenarioId }),
  historyState: (i) => ({ decisionId: i.decisionId }),
  undo: (i) => ({ decisionId: i.decisionId }),
  redo: (i) => ({ decisionId: i.decisionId }),
  listVersions: (i) => ({ decisionId: i.decisionId }),
  saveVersion: (i) => ({ decisionId: i.decisionId, name: 'Before the workshop' }),
  getVersion: (i) => ({ versionId: i.versionId }),
  restoreVersion: (i) => ({ versionId: i.versionId }),
};

function service() {
  const db = openDecisionStore(join(folder(), 'store.sqlite'));
  const dispatch = createDispatch(createHandlers(db));
  const call = async <K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = (await dispatch(name, input)) as Result<MethodOutput<K>>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { db, dispatch, call };
}

async function seededIds({ db, call }: ReturnType<typeof service>): Promise<Ids> {
  const decision = await call('getDecision', { decisionId: (await call('listDecisions', {}))[0].id });
  const round = await call('startRound', { decisionId: decision.id });
  const joined = rounds.join(db, { code: round.code, name: 'Rosa' });
  if (!joined.ok) throw new Error(joined.error.message);
  return {
    decisionId: decision.id,
    optionId: decision.options[0].id,
    criterionId: decision.criteria[0].id,
    criterionIds: decision.criteria.map((c) => c.id),
    scenarioId: (await call('listScenarios', { decisionId: decision.id }))[0].id,
    roundId: round.id,
    participantId: (await call('getRound', { roundId: round.id })).participants[0].id,
    versionId: (await call('saveVersion', { decisionId: decision.id, name: 'As seeded' }))[0].id,
    document: await call('exportDecision', { decisionId: decision.id }),
    csv: (await call('exportCsv', { decisionId: decision.id })).text,
  };
}

/** What a page could send in place of any one value. */
const strangeValue = fc.oneof(
  fc.constantFrom<unknown>('', '   ', '\u0000', 'x'.repeat(300), -1, 0, 0.5, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, GONE, -GONE, null, true, [], {}, [GONE], { id: GONE }),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

type Bend = { kind: 'drop' } | { kind: 'set'; value: unknown } | { kind: 'extra'; key: string; value: unknown };
const bend: fc.Arbitrary<Bend> = fc.oneof(
  fc.constant<Bend>({ kind: 'drop' }),
  strangeValue.map<Bend>((value) => ({ kind: 'set', value })),
  fc.record({ key: fc.constantFrom('colour', 'id', 'decisionId', '__proto__', 'constructor', 'toString'), value: strangeValue }).map<Bend>(({ key, value }) => ({ kind: 'extra', ...key !== undefined ? { key } : { key: 'x' }, value })),
);

/** Every path to a value inside a call's input (objects and arrays, not the big document's every score). */
function paths(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (value === null || typeof value !== 'object' || depth > 4) return [];
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key], depth + 1)]);
}

function bent(input: unknown, path: (string | number)[], how: Bend): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  const target = how.kind === 'extra' ? path : path.slice(0, -1);
  for (const key of target) parent = parent[key] as Record<string | number, unknown>;
  if (how.kind === 'extra') {
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) Object.defineProperty(parent, how.key, { value: how.value, enumerable: true, configurable: true, writable: true });
    return copy;
  }
  const last = path.at(-1)!;
  if (how.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = how.value;
  return copy;
}

describe('every refusal of the handlers is in the user’s words', () => {
  it('the table of valid calls names every method of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual([...methodNames].sort());
  });

  it.each(methodNames)('%s: bent calls are refused in words and change nothing', async (name) => {
    const served = service();
    const { dispatch, call } = served;
    const ids = await seededIds(served);
    const valid = VALID[name](ids) as Record<string, unknown>;
    // The seeded document and the CSV text stand for whole files; their insides have their own tests.
    const places = [[] as (string | number)[], ...paths(valid).filter((p) => !(p[0] === 'document' && p.length > 3) && p[0] !== 'text')];
    const snapshot = async () => JSON.stringify(await call('openWorkspace', { decisionId: ids.decisionId }));
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), bend, async (path, how) => {
        if (path.length === 0 && how.kind !== 'extra') return;
        const input = bent(valid, path, how);
        const before = await snapshot();
        const answer = (await dispatch(name, input)) as Result<unknown>;
        // Some bends are still valid calls (an optional field left out, a number still in range).
        if (answer.ok) return;
        refusals += 1;
        const message = answer.error.message;
        expect(notInWords(message, [GONE]), `${name} ${JSON.stringify(input)?.slice(0, 300)} → “${message}”`).toEqual([]);
        expect(await snapshot(), `${name} refused but changed the store`).toBe(before);
      }),
      { numRuns: 60, seed: 20261202, endOnFailure: true },
    );
    expect(refusals).toBeGreaterThan(0);
  });
});
