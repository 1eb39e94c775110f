import type { HandlersOf, transferMethods } from '../../core/contract';
import { toDocument } from '../../core/interchange';
import { ok } from '../../core/result';
import { withAnalysis } from '../../core/robustness-document';
import { readDecisionHistory } from '../../db/decision-history';
import { decisionToCsv } from '../csv';
import { addDecision } from '../bulk/add-decision';
import { decisionToXlsx } from '../xlsx-write';
import type { ServiceContext } from './context';

/** Whole decisions in and out: the interchange document and the spreadsheet layout (CSV, XLSX). */
export function transferHandlers({ db, bulk, read, decision }: ServiceContext): HandlersOf<typeof transferMethods> {
  return {
    importDecision: ({ text }) => addDecision(db, bulk, { kind: 'importDecision', text }),
    exportDecision: ({ decisionId }) =>
      read(() => {
        const stored = decision(decisionId);
        return withAnalysis(toDocument(stored, undefined, readDecisionHistory(db, decisionId)));
      }),
    // Parsed before anything is written: a refused file leaves the store as it was.
    importCsv: ({ title, text }) => addDecision(db, bulk, { kind: 'importCsv', title, text }),
    exportCsv: ({ decisionId }) => read(() => ({ text: decisionToCsv(decision(decisionId)) })),
    // Read whole (asynchronously, by exceljs) before anything is written, like the CSV.
    importXlsx: ({ title, base64 }) => addDecision(db, bulk, { kind: 'importXlsx', title, base64 }),
    exportXlsx: async ({ decisionId }) => {
      const found = read(() => decision(decisionId));
      if (!found.ok) return found;
      return ok({ base64: (await decisionToXlsx(found.value)).toString('base64') });
    },
    bulkProgress: () => ok(bulk?.progress() ?? null),
  };
}
