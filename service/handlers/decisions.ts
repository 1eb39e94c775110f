import type { decisionMethods, HandlersOf } from '../../core/contract';
import { OPEN_OUTCOME } from '../../core/interchange';
import { findTemplate, templates } from '../../core/templates';
import * as decisions from '../../db/decisions';
import { addDecision } from '../bulk/add-decision';
import type { DecisionFields } from '../../db/decisions';
import type { Decision } from '../../core/model';
import { stepLabels } from '../history-labels';
import { takeVersion } from './history';
import { GONE, refuse, type ServiceContext } from './context';

/** The label of an edit to the decision's own fields: the weightiest part of it. */
function editLabel(before: Decision, fields: DecisionFields): string {
  if (fields.status !== undefined && fields.status !== before.status) return fields.status === 'decided' ? stepLabels.markDecided() : stepLabels.reopen();
  if (fields.chosenOptionId !== undefined && fields.chosenOptionId !== before.chosenOptionId) {
    return stepLabels.choose(before.options.find((o) => o.id === fields.chosenOptionId)?.name ?? null);
  }
  if (fields.title !== undefined && fields.title !== before.title) return stepLabels.renameDecision(fields.title);
  if (fields.context !== undefined && fields.context !== before.context) return stepLabels.editContext();
  return stepLabels.editReason();
}

/** Decisions as a whole. Creating, duplicating and deleting one are not steps to undo (docs/history.md). */
export function decisionHandlers(context: ServiceContext): HandlersOf<typeof decisionMethods> {
  const { db, read, transaction, decision, step } = context;
  return {
    listDecisions: () => read(() => decisions.listDecisions(db)),
    getDecision: ({ decisionId }) => read(() => decision(decisionId)),
    createDecision: ({ title }) =>
      transaction(() => decision(decisions.insertDecision(db, { title, context: '', options: [], criteria: [], scores: [], outcome: OPEN_OUTCOME }))),
    // The copy keeps the scenarios; the workshop rounds stay with the original (service/bulk/jobs.ts).
    duplicateDecision: ({ decisionId }) => addDecision(db, context.bulk, { kind: 'duplicateDecision', decisionId }),
    updateDecision: ({ decisionId, ...fields }) =>
      transaction(() => {
        const before = decision(decisionId);
        if (fields.chosenOptionId != null && !before.options.some((o) => o.id === fields.chosenOptionId)) {
          refuse('not-found', 'The chosen option is not one of this decision’s options; it may have been removed in another window.');
        }
        step(decisionId, editLabel(before, fields), () => decisions.updateDecision(db, decisionId, fields));
        const after = decision(decisionId);
        // Marking it decided keeps a version of the decision as it was decided.
        if (before.status !== 'decided' && after.status === 'decided') {
          const chosen = after.options.find((o) => o.id === after.chosenOptionId)?.name;
          takeVersion(context, after, chosen ? `Decided: ${chosen}` : 'Decided', 'decided');
        }
        return after;
      }),
    deleteDecision: ({ decisionId }) =>
      transaction(() => {
        if (!decisions.deleteDecision(db, decisionId)) refuse('not-found', GONE.decision);
        return { deletedId: decisionId };
      }),
    listTemplates: () => read(() => templates.map(({ name, title }) => ({ name, title }))),
    createFromTemplate: ({ name }) =>
      transaction(() => {
        const template = findTemplate(name) ?? refuse('not-found', `There is no built-in decision named "${name}".`);
        return decision(decisions.insertDecision(db, template.document.decision));
      }),
  };
}
