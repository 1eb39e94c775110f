import type { HandlersOf, matrixMethods } from '../../core/contract';
import { DEFAULT_SCALE, DEFAULT_WEIGHT, scoreProblem } from '../../core/model';
import * as matrix from '../../db/matrix';
import { GONE, refuse, type ServiceContext } from './context';

/** Options, criteria and scores: each change touches its decision and returns it as committed. */
export function matrixHandlers({ db, transaction, decision, option, criterion, changed }: ServiceContext): HandlersOf<typeof matrixMethods> {
  return {
    addOption: ({ decisionId, name }) =>
      transaction(() => {
        decision(decisionId);
        matrix.insertOption(db, decisionId, name);
        return changed(decisionId);
      }),
    updateOption: ({ optionId, name, description }) =>
      transaction(() => {
        const { decisionId } = option(optionId);
        matrix.updateOption(db, optionId, { name, description });
        return changed(decisionId);
      }),
    moveOption: ({ optionId, toIndex }) =>
      transaction(() => {
        const { decisionId } = option(optionId);
        matrix.moveRow(db, 'options', decisionId, optionId, toIndex);
        return changed(decisionId);
      }),
    removeOption: ({ optionId }) =>
      transaction(() => {
        const { decisionId } = option(optionId);
        matrix.deleteOption(db, optionId);
        return changed(decisionId);
      }),

    addCriterion: ({ decisionId, name, description, direction, scale }) =>
      transaction(() => {
        decision(decisionId);
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
      transaction(() => {
        const row = criterion(criterionId);
        const outside = scale ? matrix.scoresOutside(db, criterionId, scale.min, scale.max) : 0;
        if (scale && outside > 0) {
          refuse('conflict', `${outside} score(s) on "${row.name}" fall outside ${scale.min}–${scale.max}; change those scores first.`);
        }
        matrix.updateCriterion(db, criterionId, { ...fields, scale });
        return changed(row.decisionId);
      }),
    moveCriterion: ({ criterionId, toIndex }) =>
      transaction(() => {
        const { decisionId } = criterion(criterionId);
        matrix.moveRow(db, 'criteria', decisionId, criterionId, toIndex);
        return changed(decisionId);
      }),
    removeCriterion: ({ criterionId }) =>
      transaction(() => {
        const { decisionId } = criterion(criterionId);
        matrix.deleteCriterion(db, criterionId);
        return changed(decisionId);
      }),

    setScore: ({ optionId, criterionId, value, rationale, source }) =>
      transaction(() => {
        const { decisionId } = option(optionId);
        const scored = criterion(criterionId);
        if (scored.decisionId !== decisionId) refuse('not-found', GONE.criterion);
        const problem = value === undefined || value === null ? null : scoreProblem(scored, value);
        if (problem) refuse('invalid-input', problem);
        matrix.upsertScore(db, optionId, criterionId, { value, rationale, source });
        return changed(decisionId);
      }),
  };
}
