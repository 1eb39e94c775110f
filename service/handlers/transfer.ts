import type { HandlersOf, transferMethods } from '../../core/contract';
import { toDocument } from '../../core/interchange';
import { ok } from '../../core/result';
import { withAnalysis } from '../../core/robustness-document';
import * as decisions from '../../db/decisions';
import { readDecisionHistory } from '../../db/decision-history';
import { csvToDraft, decisionToCsv } from '../csv';
import { xlsxToDraft } from '../xlsx-read';
import { decisionToXlsx } from '../xlsx-write';
import { unwrap, type ServiceContext } from './context';

/** Whole decisions in and out: the interchange document and the spreadsheet layout (CSV, XLSX). */
export function transferHandlers({ db, read, transaction, decision }: ServiceContext): HandlersOf<typeof transferMethods> {
  return {
    importDecision: ({ document }) => transaction(() => decision(decisions.insertDecision(db, document.decision))),
    exportDecision: ({ decisionId }) =>
      read(() => {
        const stored = decision(decisionId);
        return withAnalysis(toDocument(stored, undefined, readDecisionHistory(db, decisionId)));
      }),
    importCsv: ({ title, text }) =>
      transaction(() => {
        // Parsed before anything is written: a refused file leaves the store as it was.
        const { draft, notes } = unwrap(csvToDraft(text, title));
        return { decision: decision(decisions.insertDecision(db, draft)), notes };
      }),
    exportCsv: ({ decisionId }) => read(() => ({ text: decisionToCsv(decision(decisionId)) })),
    // The workbook is read whole (asynchronously, by exceljs) before the transaction that stores it starts.
    importXlsx: async ({ title, base64 }) => {
      const reading = await xlsxToDraft(Buffer.from(base64, 'base64'), title);
      if (!reading.ok) return reading;
      const { draft, notes } = reading.value;
      return transaction(() => ({ decision: decision(decisions.insertDecision(db, draft)), notes }));
    },
    exportXlsx: async ({ decisionId }) => {
      const found = read(() => decision(decisionId));
      if (!found.ok) return found;
      return ok({ base64: (await decisionToXlsx(found.value)).toString('base64') });
    },
  };
}
