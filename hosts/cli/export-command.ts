import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toDocument } from '../../core/interchange';
import { decisionRecordMarkdown } from '../../core/markdown';
import { buildReport } from '../../core/report';
import { withAnalysis } from '../../core/robustness-document';
import { decisionFromDraft, decisionFromStore, type DecisionSource } from './decision-source';
import { databaseFile } from '../shared/data-folder';
import { ReportPrinter, type PaperFormat } from '../../service/printing/report-printer';
import { startHttpHost } from '../web/server';
import { createDispatch } from '../../service/dispatch';
import { decisionToCsv } from '../../service/csv';
import { decisionToXlsx } from '../../service/xlsx-write';
import { createHandlers } from '../../service/handlers';
import { readDecisionHistory } from '../../db/decision-history';
import type { DecisionDraft } from '../../core/interchange';

export const EXPORT_FORMATS = ['pdf', 'json', 'md', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Other names a format goes by (the app's button says "Markdown"; files end in .markdown too). */
const FORMAT_ALIASES: Readonly<Record<string, ExportFormat>> = { markdown: 'md' };

export const EXPORT_USAGE = `decision-matrix export <decision.json|.xlsx|.csv | --db FILE --id ID | --data-dir DIR --id ID> --out FILE [--format pdf|json|md|csv|xlsx] [--paper A4|Letter]`;

export class ExportUsageError extends Error {}

/** node:util's parseArgs words its refusals for programmers ("… place it at the end of the command after '--' …"). */
export function usageProblem(error: Error): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return `${missing[1].replace(/^-\w, /, '')} needs a value`;
  return error.message;
}

/** Writes beside the target and renames, so a failed export never leaves half a file. */
function writeAtomically(path: string, content: string | Buffer): void {
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  writeFileSync(partial, content);
  renameSync(partial, path);
}

async function render(source: DecisionSource, format: ExportFormat, paper: PaperFormat, staticDir: string): Promise<string | Buffer> {
  // The file carries the decision's scenarios and workshop rounds too, as the app's JSON export does.
  if (format === 'json') return `${JSON.stringify(withAnalysis(toDocument(source.decision, source.weighting, readDecisionHistory(source.db, source.decision.id))), null, 2)}\n`;
  if (format === 'csv') return decisionToCsv(source.decision);
  if (format === 'xlsx') return decisionToXlsx(source.decision);
  const rounds = createHandlers(source.db).listRounds({ decisionId: source.decision.id });
  const report = buildReport(source.decision, rounds.ok ? rounds.value : []);
  if (!report.ok) throw new Error(report.error.message);
  if (format === 'md') return decisionRecordMarkdown(report.value, new Date());
  const host = await startHttpHost({ dispatch: createDispatch(createHandlers(source.db)), staticDir });
  const printer = new ReportPrinter(host);
  try {
    return await printer.print(source.decision.id, paper);
  } finally {
    await printer.close();
    await host.close();
  }
}

export async function exportDecision(args: string[], readDraft: (path: string) => Promise<DecisionDraft>, staticDir: string): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, 'data-dir': { type: 'string' }, id: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, paper: { type: 'string' } },
    });
  } catch (error) {
    throw new ExportUsageError(`${usageProblem(error as Error)}\nUsage: ${EXPORT_USAGE}`);
  }
  // --data-dir DIR names the store in that folder, as `list` takes it.
  if (parsed.values['data-dir'] !== undefined) {
    if (parsed.values.db !== undefined) throw new ExportUsageError(`give --db FILE or --data-dir DIR, not both\nUsage: ${EXPORT_USAGE}`);
    parsed.values.db = databaseFile(parsed.values['data-dir']);
  }
  const { values, positionals } = parsed;
  if (!values.out) throw new ExportUsageError(`--out is required\nUsage: ${EXPORT_USAGE}`);
  const named = (values.format ?? extname(values.out).slice(1)).toLowerCase();
  const format = (FORMAT_ALIASES[named] ?? named) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new ExportUsageError(
      values.format !== undefined
        ? `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${values.format}")`
        : `the format follows --out's extension, and ${named === '' ? `"${basename(values.out)}" has none` : `".${named}" is not one of ${EXPORT_FORMATS.join(', ')}`}: name the file so, or add --format ${EXPORT_FORMATS.join('|')}`,
    );
  }
  const paper = (values.paper ?? 'A4') as PaperFormat;
  if (paper !== 'A4' && paper !== 'Letter') throw new ExportUsageError(`--paper must be A4 or Letter (got "${paper}")`);
  if (values.db !== undefined ? positionals.length > 0 : positionals.length !== 1) {
    throw new ExportUsageError(`name either one decision file or --db FILE --id ID\nUsage: ${EXPORT_USAGE}`);
  }
  let source: DecisionSource;
  if (values.db !== undefined) {
    const id = Number(values.id);
    if (!Number.isInteger(id) || id <= 0) throw new ExportUsageError(`--id must be a decision id (got "${values.id ?? ''}")`);
    source = decisionFromStore(values.db, id);
  } else {
    source = decisionFromDraft(await readDraft(positionals[0]));
  }
  const folder = dirname(resolve(values.out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    source.close();
    throw new Error(`cannot write ${values.out}: the folder ${folder} does not exist`);
  }
  try {
    writeAtomically(values.out, await render(source, format, paper, staticDir));
  } finally {
    source.close();
  }
  return values.out;
}
