import type { Handlers } from '../core/contract';
import { OPEN_OUTCOME, toDocument } from '../core/interchange';
import { DEFAULT_SCALE, DEFAULT_WEIGHT, scoreProblem, type Decision } from '../core/model';
import { fail, ok, type Result } from '../core/result';
import { findTemplate, templates } from '../core/templates';
import { inTransaction, type Db } from '../db/connection';
import * as decisions from '../db/decisions';
import * as matrix from '../db/matrix';
import { csvToDraft, decisionToCsv } from './csv';
import * as workshop from '../db/workshop';
import * as scenarios from '../db/scenarios';
import * as rounds from './rounds';
import type { FacilitatorRoundView } from '../core/workshop';
import type { WorkshopRound } from '../core/contract';

/**
 * The contract implemented over the store. Each handler is one transaction: it checks what it
 * was given against the stored decision, writes, and returns the decision as committed.
 */
/** What the host running the workshop server tells the service (none: rounds work, nobody can join). */
export interface WorkshopHost {
  joinUrl(code: string): string | null;
  /** Called after a round starts, changes or closes: the host starts or stops its server. */
  roundsChanged(): void | Promise<void>;
}

export function createHandlers(db: Db, workshopHost?: WorkshopHost): Handlers {
  const tx = <T>(fn: () => Result<T>): Result<T> => {
    // A refused change must leave nothing behind, so a failure value rolls the transaction back.
    class Refused extends Error {
      constructor(readonly result: Result<T>) {
        super('refused');
      }
    }
    try {
      return inTransaction(db, () => {
        const result = fn();
        if (!result.ok) throw new Refused(result);
        return result;
      });
    } catch (error) {
      if (error instanceof Refused) return error.result;
      throw error;
    }
  };

  const withJoinUrl = (view: Result<FacilitatorRoundView>, changedRounds: boolean): Result<WorkshopRound> => {
    if (!view.ok) return view;
    if (changedRounds) void workshopHost?.roundsChanged();
    return ok({ ...view.value, joinUrl: view.value.state === 'open' ? (workshopHost?.joinUrl(view.value.code) ?? null) : null });
  };

  const scenarioSummaries = (decisionId: number) => scenarios.listScenarios(db, decisionId).map(({ id, name, createdAt, weights }) => ({ id, name, createdAt, weights }));

  const current = (decisionId: number): Result<Decision> => {
    const decision = decisions.getDecision(db, decisionId);
    return decision ? ok(decision) : fail('not-found', `There is no decision with id ${decisionId}.`);
  };
  const changed = (decisionId: number): Result<Decision> => {
    decisions.touchDecision(db, decisionId);
    return current(decisionId);
  };
  const option = (optionId: number) => matrix.findOption(db, optionId);
  const criterion = (criterionId: number) => matrix.findCriterion(db, criterionId);
  const noOption = (optionId: number) => fail<Decision>('not-found', `There is no option with id ${optionId}.`);
  const noCriterion = (criterionId: number) => fail<Decision>('not-found', `There is no criterion with id ${criterionId}.`);

  return {
    listDecisions: () => ok(decisions.listDecisions(db)),
    getDecision: ({ decisionId }) => current(decisionId),
    createDecision: ({ title }) =>
      tx(() =>
        current(
          decisions.insertDecision(db, { title, context: '', options: [], criteria: [], scores: [], outcome: OPEN_OUTCOME }),
        ),
      ),
    duplicateDecision: ({ decisionId }) =>
      tx(() => {
        const source = current(decisionId);
        if (!source.ok) return source;
        const { decision } = toDocument(source.value);
        return current(decisions.insertDecision(db, { ...decision, title: `${decision.title} (copy)` }));
      }),
    updateDecision: ({ decisionId, ...fields }) =>
      tx(() => {
        const found = current(decisionId);
        if (!found.ok) return found;
        if (fields.chosenOptionId != null && !found.value.options.some((o) => o.id === fields.chosenOptionId)) {
          return fail('not-found', `Option ${fields.chosenOptionId} is not part of decision ${decisionId}.`);
        }
        decisions.updateDecision(db, decisionId, fields);
        return current(decisionId);
      }),
    deleteDecision: ({ decisionId }) =>
      tx(() => (decisions.deleteDecision(db, decisionId) ? ok({ deletedId: decisionId }) : fail('not-found', `There is no decision with id ${decisionId}.`))),

    addOption: ({ decisionId, name }) =>
      tx(() => {
        const found = current(decisionId);
        if (!found.ok) return found;
        matrix.insertOption(db, decisionId, name);
        return changed(decisionId);
      }),
    updateOption: ({ optionId, name, description }) =>
      tx(() => {
        const row = option(optionId);
        if (!row) return noOption(optionId);
        matrix.updateOption(db, optionId, { name, description });
        return changed(row.decisionId);
      }),
    moveOption: ({ optionId, toIndex }) =>
      tx(() => {
        const row = option(optionId);
        if (!row) return noOption(optionId);
        matrix.moveRow(db, 'options', row.decisionId, optionId, toIndex);
        return changed(row.decisionId);
      }),
    removeOption: ({ optionId }) =>
      tx(() => {
        const row = option(optionId);
        if (!row) return noOption(optionId);
        matrix.deleteOption(db, optionId);
        return changed(row.decisionId);
      }),

    addCriterion: ({ decisionId, name, description, direction, scale }) =>
      tx(() => {
        const found = current(decisionId);
        if (!found.ok) return found;
        matrix.insertCriterion(db, decisionId, {
          name,
          description: description ?? '',
          direction: direction ?? 'benefit',
          scale: scale ?? DEFAULT_SCALE,
          weight: DEFAULT_WEIGHT,
        });
        return changed(decisionId);
      }),
    updateCriterion: ({ criterionId, scale, ...fields }) =>
      tx(() => {
        const row = criterion(criterionId);
        if (!row) return noCriterion(criterionId);
        if (scale) {
          const outside = matrix.scoresOutside(db, criterionId, scale.min, scale.max);
          if (outside > 0) {
            return fail('conflict', `${outside} score(s) on "${row.name}" fall outside ${scale.min}–${scale.max}; change those scores first.`);
          }
        }
        matrix.updateCriterion(db, criterionId, { ...fields, scale });
        return changed(row.decisionId);
      }),
    moveCriterion: ({ criterionId, toIndex }) =>
      tx(() => {
        const row = criterion(criterionId);
        if (!row) return noCriterion(criterionId);
        matrix.moveRow(db, 'criteria', row.decisionId, criterionId, toIndex);
        return changed(row.decisionId);
      }),
    removeCriterion: ({ criterionId }) =>
      tx(() => {
        const row = criterion(criterionId);
        if (!row) return noCriterion(criterionId);
        matrix.deleteCriterion(db, criterionId);
        return changed(row.decisionId);
      }),

    setScore: ({ optionId, criterionId, value, rationale, source }) =>
      tx(() => {
        const optionRow = option(optionId);
        if (!optionRow) return noOption(optionId);
        const criterionRow = criterion(criterionId);
        if (!criterionRow || criterionRow.decisionId !== optionRow.decisionId) return noCriterion(criterionId);
        if (value !== undefined && value !== null) {
          const problem = scoreProblem(criterionRow, value);
          if (problem) return fail('invalid-input', problem);
        }
        matrix.upsertScore(db, optionId, criterionId, { value, rationale, source });
        return changed(optionRow.decisionId);
      }),
    setWeights: ({ decisionId, weights }) =>
      tx(() => {
        const found = current(decisionId);
        if (!found.ok) return found;
        const own = new Set(found.value.criteria.map((c) => c.id));
        const foreign = weights.find((w) => !own.has(w.criterionId));
        if (foreign) return fail('not-found', `Criterion ${foreign.criterionId} is not part of decision ${decisionId}.`);
        for (const { criterionId, weight } of weights) matrix.setWeight(db, criterionId, weight);
        return changed(decisionId);
      }),

    listTemplates: () => ok(templates.map(({ name, title }) => ({ name, title }))),
    createFromTemplate: ({ name }) => {
      const template = findTemplate(name);
      if (!template) return fail('not-found', `There is no built-in decision named "${name}".`);
      return tx(() => current(decisions.insertDecision(db, template.document.decision)));
    },
    importDecision: ({ document }) => tx(() => current(decisions.insertDecision(db, document.decision))),
    exportDecision: ({ decisionId }) => {
      const found = current(decisionId);
      return found.ok ? ok(toDocument(found.value)) : found;
    },
    startRound: (input) => withJoinUrl(rounds.startRound(db, input), true),
    getRound: ({ roundId }) => withJoinUrl(rounds.roundView(db, roundId), false),
    listRounds: ({ decisionId }) =>
      ok(
        workshop
          .listRounds(db, decisionId)
          .map((round) => rounds.roundView(db, round.id))
          .filter((view) => view.ok)
          .map((view) => ({ ...view.value, joinUrl: view.value.state === 'open' ? (workshopHost?.joinUrl(view.value.code) ?? null) : null })),
      ),
    updateRound: ({ roundId, ...change }) => withJoinUrl(rounds.changeRound(db, roundId, change), true),
    applyGroupWeights: ({ roundId }) =>
      tx(() => {
        const view = rounds.roundView(db, roundId);
        if (!view.ok) return view;
        if (!view.value.result) return fail('conflict', view.value.resultProblem ?? 'Reveal the round before applying its weights.');
        const { weights } = view.value.result.weights;
        // Group weights are fractions; stored as points out of 100 like the sliders.
        for (const [criterionId, weight] of Object.entries(weights)) matrix.setWeight(db, Number(criterionId), weight * 100);
        return changed(view.value.decisionId);
      }),
    keepGroupWeights: ({ roundId, name }) =>
      tx(() => {
        const view = rounds.roundView(db, roundId);
        if (!view.ok) return view;
        if (!view.value.result) return fail('conflict', view.value.resultProblem ?? 'Reveal the round before keeping its weights.');
        const weights = Object.entries(view.value.result.weights.weights).map(([criterionId, weight]) => ({ criterionId: Number(criterionId), weight: weight * 100 }));
        scenarios.insertScenario(db, view.value.decisionId, name, weights);
        return ok(scenarioSummaries(view.value.decisionId));
      }),
    listScenarios: ({ decisionId }) => {
      const found = current(decisionId);
      return found.ok ? ok(scenarioSummaries(decisionId)) : found;
    },
    saveScenario: ({ decisionId, name }) =>
      tx(() => {
        const found = current(decisionId);
        if (!found.ok) return found;
        scenarios.insertScenario(db, decisionId, name, found.value.criteria.map((c) => ({ criterionId: c.id, weight: c.weight })));
        return ok(scenarioSummaries(decisionId));
      }),
    applyScenario: ({ scenarioId }) =>
      tx(() => {
        const scenario = scenarios.findScenario(db, scenarioId);
        if (!scenario) return fail('not-found', `There is no scenario with id ${scenarioId}.`);
        for (const [criterionId, weight] of Object.entries(scenario.weights)) matrix.setWeight(db, Number(criterionId), weight);
        return changed(scenario.decisionId);
      }),
    deleteScenario: ({ scenarioId }) =>
      tx(() => {
        const scenario = scenarios.findScenario(db, scenarioId);
        if (!scenario) return fail('not-found', `There is no scenario with id ${scenarioId}.`);
        scenarios.deleteScenario(db, scenarioId);
        return ok(scenarioSummaries(scenario.decisionId));
      }),
    importCsv: ({ title, text }) => {
      const draft = csvToDraft(text, title);
      return draft.ok ? tx(() => current(decisions.insertDecision(db, draft.value))) : draft;
    },
    exportCsv: ({ decisionId }) => {
      const found = current(decisionId);
      return found.ok ? ok({ text: decisionToCsv(found.value) }) : found;
    },
  };
}
