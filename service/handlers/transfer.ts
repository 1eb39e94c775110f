import type { HandlersOf, transferMethods } from '../../core/contract';
import { toDocument } from '../../core/interchange';
import * as decisions from '../../db/decisions';
import { readDecisionHistory } from '../../db/decision-history';
import { csvToDraft, decisionToCsv } from '../csv';
import { unwrap, type ServiceContext } from './context';

/** Whole decisions in and out: the interchange document and the spreadsheet layout. */
export function transferHandlers({ db, read, transaction, decision }: ServiceContext): HandlersOf<typeof transferMethods> {
  return {
    importDecision: ({ document }) => transaction(() => decision(decisions.insertDecision(db, document.decision))),
    exportDecision: ({ decisionId }) =>
      read(() => {
        const stored = decision(decisionId);
        return toDocument(stored, undefined, readDecisionHistory(db, decisionId));
      }),
    importCsv: ({ title, text }) =>
      transaction(() => {
        // Parsed before anything is written: a refused file leaves the store as it was.
        const draft = unwrap(csvToDraft(text, title));
        return decision(decisions.insertDecision(db, draft));
      }),
    exportCsv: ({ decisionId }) => read(() => ({ text: decisionToCsv(decision(decisionId)) })),
  };
}
