import type { HandlersOf, matrixMethods } from '../../core/contract';
import { DEFAULT_SCALE, DEFAULT_WEIGHT, scoreProblem } from '../../core/model';
import * as matrix from '../../db/matrix';
import { stepLabels } from '../history-labels';
import { GONE, refuse, refuseTakenName, type ServiceContext } from './context';

/** Options, criteria and scores: each change is one step to undo, touches its decision and returns it as committed. */
export function matrixHandlers({ db, transaction, decision, option, criterion, changed, step }: ServiceContext): HandlersOf<typeof matrixMethods> {
  return {
    addOption: ({ decisionId, name }) =>
      transaction(() => {
        refuseTakenName('option', decision(decisionId).options, name);
        step(decisionId, stepLabels.addOption(name), () => matrix.insertOption(db, decisionId, name));
        return changed(decisionId);
      }),
    updateOption: ({ optionId, name, description }) =>
      transaction(() => {
        const row = option(optionId);
        if (name !== undefined) refuseTakenName('option', decision(row.decisionId).options, name, optionId);
        const label = name !== undefined && name !== row.name ? stepLabels.renameOption(row.name, name) : stepLabels.describeOption(row.name);
        step(row.decisionId, label, () => matrix.updateOption(db, optionId, { name, description }));
        return changed(row.decisionId);
      }),
    moveOption: ({ optionId, toIndex }) =>
      transaction(() => {
        const { decisionId, name } = option(optionId);
        step(decisionId, stepLabels.moveOption(name), () => matrix.moveRow(db, 'options', decisionId, optionId, toIndex));
        return changed(decisionId);
      }),
    removeOption: ({ optionId }) =>
      transaction(() => {
        const { decisionId, name } = option(optionId);
        step(decisionId, stepLabels.removeOption(name), () => matrix.deleteOption(db, optionId));
        return changed(decisionId);
      }),

    addCriterion: ({ decisionId, name, description, direction, scale }) =>
      transaction(() => {
        refuseTakenName('criterion', decision(decisionId).criteria, name);
        step(decisionId, stepLabels.addCriterion(name), () => matrix.insertCriterion(db, decisionId, {
          name,
          description: description ?? '',
          direction: direction ?? 'benefit',
          scale: scale ?? DEFAULT_SCALE,
          weight: DEFAULT_WEIGHT,
        }));
        return changed(decisionId);
      }),
    updateCriterion: ({ criterionId, scale, ...fields }) =>
      transaction(() => {
        const row = criterion(criterionId);
        if (fields.name !== undefined) refuseTakenName('criterion', decision(row.decisionId).criteria, fields.name, criterionId);
        if (scale && matrix.scoresOutside(db, criterionId, scale.min, scale.max) > 0) {
          // Name the cells: the person has to change each of them first.
          const current = decision(row.decisionId);
          const cells = current.scores
            .filter((s) => s.criterionId === criterionId && s.value !== null && (s.value < scale.min || s.value > scale.max))
            .map((s) => `${current.options.find((o) => o.id === s.optionId)?.name ?? ''} (${s.value})`);
          const listed = cells.length <= 5 ? cells.join(', ') : `${cells.slice(0, 5).join(', ')} and ${cells.length - 5} more`;
          refuse('conflict', `On “${row.name}”, ${cells.length === 1 ? 'the score of' : 'the scores of'} ${listed} ${cells.length === 1 ? 'falls' : 'fall'} outside ${scale.min}–${scale.max}; change ${cells.length === 1 ? 'it' : 'them'} first.`);
        }
        const label =
          fields.name !== undefined && fields.name !== row.name
            ? stepLabels.renameCriterion(row.name, fields.name)
            : scale
              ? stepLabels.rescale(row.name)
              : fields.direction
                ? stepLabels.direct(row.name, fields.direction)
                : stepLabels.describeCriterion(row.name);
        step(row.decisionId, label, () => matrix.updateCriterion(db, criterionId, { ...fields, scale }));
        return changed(row.decisionId);
      }),
    moveCriterion: ({ criterionId, toIndex }) =>
      transaction(() => {
        const { decisionId, name } = criterion(criterionId);
        step(decisionId, stepLabels.moveCriterion(name), () => matrix.moveRow(db, 'criteria', decisionId, criterionId, toIndex));
        return changed(decisionId);
      }),
    removeCriterion: ({ criterionId }) =>
      transaction(() => {
        const { decisionId, name } = criterion(criterionId);
        step(decisionId, stepLabels.removeCriterion(name), () => matrix.deleteCriterion(db, criterionId));
        return changed(decisionId);
      }),

    setScore: ({ optionId, criterionId, value, rationale, source }) =>
      transaction(() => {
        const { decisionId, name } = option(optionId);
        const scored = criterion(criterionId);
        if (scored.decisionId !== decisionId) refuse('not-found', GONE.criterion);
        const problem = value === undefined || value === null ? null : scoreProblem(scored, value);
        if (problem) refuse('invalid-input', problem);
        const current = matrix.findScore(db, optionId, criterionId);
        const label =
          value !== undefined && value !== (current?.value ?? null)
            ? stepLabels.score(name, scored.name)
            : rationale !== undefined && rationale !== (current?.rationale ?? '')
              ? stepLabels.rationale(name, scored.name)
              : stepLabels.source(name, scored.name);
        step(decisionId, label, () => matrix.upsertScore(db, optionId, criterionId, { value, rationale, source }));
        return changed(decisionId);
      }),
  };
}
