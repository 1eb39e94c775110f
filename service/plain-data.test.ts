import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames, type DecisionAdded, type MethodInput, type MethodName } from '../core/contract';
import type { Decision } from '../core/model';
import type { Result } from '../core/result';
import { openDecisionStore } from '../db/seed';
import { temporaryFolder } from '../db/test/temporary-store';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';
import * as rounds from './rounds';

/**
 * Every contract result crosses a process boundary: Electron IPC copies it by structured clone
 * (a function or a class instance with methods throws or changes), the browser host by JSON.
 * So each method is called here on a real store, in an order that reaches every state (a revealed
 * round with submissions included), and its result must come through both copies unchanged.
 */
const folder = temporaryFolder();

type Step = { [K in MethodName]: [K, (ids: Ids) => MethodInput<K>] }[MethodName];
interface Ids {
  decisionId: number;
  optionId: number;
  criterionId: number;
  otherCriterionId: number;
  scenarioId: number;
  roundId: number;
  /** Someone who joined the round and is then removed from it. */
  participantId: number;
  copyId: number;
  versionId: number;
  /** The workbook exportXlsx wrote, for importXlsx to read back. */
  workbook: string;
}

const step = <K extends MethodName>(name: K, input: (ids: Ids) => MethodInput<K>) => [name, input] as Step;
const valueOf = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

/** One call per step; a method missing from this list fails the last test. */
const steps: Step[] = [
  step('listDecisions', () => ({})),
  step('getDecision', (i) => ({ decisionId: i.decisionId })),
  step('listTemplates', () => ({})),
  step('createFromTemplate', () => ({ name: 'pytorch-vs-tensorflow' })),
  step('createDecision', () => ({ title: 'Which queue?' })),
  step('duplicateDecision', (i) => ({ decisionId: i.decisionId })),
  step('updateDecision', (i) => ({ decisionId: i.decisionId, context: 'Chosen for the platform team.', status: 'decided', chosenOptionId: i.optionId })),
  step('addOption', (i) => ({ decisionId: i.decisionId, name: 'JAX' })),
  step('updateOption', (i) => ({ optionId: i.optionId, description: 'Meta’s framework' })),
  step('moveOption', (i) => ({ optionId: i.optionId, toIndex: 1 })),
  step('addCriterion', (i) => ({ decisionId: i.decisionId, name: 'Licence cost', direction: 'cost', scale: { min: 0, max: 10, minLabel: 'free', maxLabel: 'costly' } })),
  step('updateCriterion', (i) => ({ criterionId: i.criterionId, description: 'How quickly a newcomer is productive.' })),
  step('moveCriterion', (i) => ({ criterionId: i.criterionId, toIndex: 2 })),
  step('setScore', (i) => ({ optionId: i.optionId, criterionId: i.criterionId, value: 4, rationale: 'Plain Python.' })),
  step('setWeights', (i) => ({ decisionId: i.decisionId, weights: [{ criterionId: i.criterionId, weight: 40 }] })),
  step('setWeighting', (i) => ({ decisionId: i.decisionId, method: 'rank', rule: 'rank-sum', order: [i.criterionId] })),
  step('getDecision', (i) => ({ decisionId: i.decisionId })),
  step('setWeighting', (i) => ({ decisionId: i.decisionId, method: 'direct' })),
  step('saveScenario', (i) => ({ decisionId: i.decisionId, name: 'Research' })),
  step('listScenarios', (i) => ({ decisionId: i.decisionId })),
  step('applyScenario', (i) => ({ scenarioId: i.scenarioId })),
  step('startRound', (i) => ({ decisionId: i.decisionId, minutes: 10, scoreCriteria: [i.criterionId] })),
  step('getRound', (i) => ({ roundId: i.roundId })),
  step('updateRound', (i) => ({ roundId: i.roundId, state: 'revealed', shareResult: true })),
  step('listRounds', (i) => ({ decisionId: i.decisionId })),
  step('openWorkspace', (i) => ({ decisionId: i.decisionId })),
  step('applyGroupWeights', (i) => ({ roundId: i.roundId })),
  step('keepGroupWeights', (i) => ({ roundId: i.roundId, name: 'Workshop' })),
  step('applyGroupScores', (i) => ({ roundId: i.roundId })),
  step('removeParticipant', (i) => ({ roundId: i.roundId, participantId: i.participantId })),
  step('deleteScenario', (i) => ({ scenarioId: i.scenarioId })),
  step('exportDecision', (i) => ({ decisionId: i.decisionId })),
  step('importDecision', () => ({ text: JSON.stringify({ format: 'decision-matrix/v1', decision: { title: 'Imported', options: [{ id: 'a', name: 'A' }], criteria: [{ id: 'x', name: 'X', weight: 1, scale: { min: 1, max: 5, minLabel: '', maxLabel: '' } }], scores: [{ option: 'a', criterion: 'x', value: 3 }] } }) })),
  step('bulkProgress', () => ({})),
  step('exportCsv', (i) => ({ decisionId: i.decisionId })),
  step('importCsv', () => ({ title: 'From a sheet', text: 'Criterion,Weight,Direction,Min,Max,A,B\nSpeed,2,benefit,1,5,3,4\n' })),
  step('exportXlsx', (i) => ({ decisionId: i.decisionId })),
  step('importXlsx', (i) => ({ title: 'From a workbook', base64: i.workbook })),
  step('saveVersion', (i) => ({ decisionId: i.decisionId, name: 'Before the cut' })),
  step('listVersions', (i) => ({ decisionId: i.decisionId })),
  step('removeOption', (i) => ({ optionId: i.optionId })),
  step('historyState', (i) => ({ decisionId: i.decisionId })),
  step('undo', (i) => ({ decisionId: i.decisionId })),
  step('redo', (i) => ({ decisionId: i.decisionId })),
  step('getVersion', (i) => ({ versionId: i.versionId })),
  step('restoreVersion', (i) => ({ versionId: i.versionId })),
  step('removeCriterion', (i) => ({ criterionId: i.otherCriterionId })),
  step('deleteDecision', (i) => ({ decisionId: i.copyId })),
];

describe('every contract result is plain data', () => {
  const results: [MethodName, Result<unknown>][] = [];

  it('comes through structured clone and JSON unchanged, for every method', async () => {
    const db = openDecisionStore(join(folder(), 'store.sqlite'));
    const dispatch = createDispatch(createHandlers(db));
    const [seeded] = valueOf<{ id: number }[]>(await dispatch('listDecisions', {}));
    const decision = valueOf<Decision>(await dispatch('getDecision', { decisionId: seeded.id }));
    const ids: Ids = {
      decisionId: decision.id,
      optionId: decision.options[0].id,
      criterionId: decision.criteria[0].id,
      otherCriterionId: decision.criteria[5].id,
      scenarioId: 0,
      roundId: 0,
      participantId: 0,
      copyId: 0,
      versionId: 0,
      workbook: '',
    };
    for (const [name, input] of steps) {
      // The workbook methods answer later; every host awaits each answer the same way.
      const result = await dispatch(name, input(ids));
      results.push([name, result]);
      expect(result, `${name} was refused: ${result.ok ? '' : result.error.message}`).toMatchObject({ ok: true });
      expect(structuredClone(result), `${name}: structured clone`).toStrictEqual(result);
      expect(JSON.parse(JSON.stringify(result)), `${name}: JSON`).toStrictEqual(result);
      const value = (result as { value: unknown }).value;
      if (name === 'duplicateDecision') ids.copyId = (value as DecisionAdded).decision.id;
      if (name === 'saveScenario') ids.scenarioId = (value as { id: number }[])[0].id;
      if (name === 'saveVersion') ids.versionId = (value as { id: number }[]).at(-1)!.id;
      if (name === 'exportXlsx') ids.workbook = (value as { base64: string }).base64;
      if (name === 'startRound') {
        ids.roundId = (value as { id: number }).id;
        // Two people join and submit, so the reveal has a group result to carry.
        const code = (value as { code: string }).code;
        const { criteria, options } = valueOf<Decision>(await dispatch('getDecision', { decisionId: ids.decisionId }));
        for (const weight of [10, 30]) {
          const joined = rounds.join(db, { code, name: `Person ${weight}` });
          if (!joined.ok) throw new Error(joined.error.message);
          const weights = Object.fromEntries(criteria.map((c, k) => [String(c.id), k === 0 ? weight : 20]));
          // They score the options on the one criterion the round asks about, so the reveal carries group scores too.
          const scores = { [ids.criterionId]: Object.fromEntries(options.map((o) => [String(o.id), { value: criteria[0].scale.min, reason: `Person ${weight}’s reason` }])) };
          expect(rounds.submit(db, joined.value.token, { weights, scores })).toMatchObject({ ok: true });
        }
        const late = rounds.join(db, { code, name: 'Late' });
        if (!late.ok) throw new Error(late.error.message);
        ids.participantId = valueOf<{ participants: { id: number }[] }>(await dispatch('getRound', { roundId: ids.roundId })).participants.at(-1)!.id;
      }
    }
    const revealed = results.find(([name]) => name === 'getRound' || name === 'updateRound');
    expect(revealed).toBeDefined();
    const listed = results.find(([name]) => name === 'listRounds')![1] as { value: { result: unknown }[] };
    expect(listed.value[0].result, 'a revealed round carries its group result').not.toBeNull();
    db.close();
  });

  it('covers every method of the contract', () => {
    expect([...new Set(steps.map(([name]) => name))].sort()).toEqual([...methodNames].sort());
  });

  it('a function in a result is caught by the clone check', () => {
    const withFunction = { ok: true, value: { contribution: () => 0 } };
    expect(() => structuredClone(withFunction)).toThrow();
  });
});
