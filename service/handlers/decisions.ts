import type { decisionMethods, HandlersOf } from '../../core/contract';
import { OPEN_OUTCOME, toDocument } from '../../core/interchange';
import { findTemplate, templates } from '../../core/templates';
import * as decisions from '../../db/decisions';
import { GONE, refuse, type ServiceContext } from './context';

/** Decisions as a whole. */
export function decisionHandlers({ db, read, transaction, decision }: ServiceContext): HandlersOf<typeof decisionMethods> {
  return {
    listDecisions: () => read(() => decisions.listDecisions(db)),
    getDecision: ({ decisionId }) => read(() => decision(decisionId)),
    createDecision: ({ title }) =>
      transaction(() => decision(decisions.insertDecision(db, { title, context: '', options: [], criteria: [], scores: [], outcome: OPEN_OUTCOME }))),
    duplicateDecision: ({ decisionId }) =>
      transaction(() => {
        const copy = toDocument(decision(decisionId)).decision;
        return decision(decisions.insertDecision(db, { ...copy, title: `${copy.title} (copy)` }));
      }),
    updateDecision: ({ decisionId, ...fields }) =>
      transaction(() => {
        const { options } = decision(decisionId);
        if (fields.chosenOptionId != null && !options.some((o) => o.id === fields.chosenOptionId)) {
          refuse('not-found', 'The chosen option is not one of this decision’s options; it may have been removed in another window.');
        }
        decisions.updateDecision(db, decisionId, fields);
        return decision(decisionId);
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
