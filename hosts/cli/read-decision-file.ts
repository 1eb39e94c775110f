import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseDecisionDocumentText, type DecisionDraft } from '../../core/interchange';
import type { Result } from '../../core/result';
import { MAX_IMPORT_FILE_BYTES, sizeInWords } from '../../core/transport';
import { csvToDraft } from '../../service/csv';
import type { SheetDraft } from '../../service/matrix-layout';
import { xlsxToDraft } from '../../service/xlsx-read';

/** Files larger than this are refused before they are read. */
export const MAX_INPUT_FILE_BYTES = MAX_IMPORT_FILE_BYTES;

/** A refusal that lists problems one per line, as one line: the CLI says a file's problem on one line. */
const oneLine = (message: string) => message.replace(/:\n/, ': ').replaceAll('\n', '; ');

/**
 * Reads the decision a command is given, by the file's extension: an .xlsx workbook, a .csv (or
 * .tsv) spreadsheet, anything else the JSON format. A spreadsheet is read as the app imports one,
 * titled by the file's name; what it notes (columns left out, scales not given) goes to `note`,
 * one line each, so stdout holds only the command's answer.
 */
export async function readDecisionFile(path: string, note: (line: string) => void): Promise<DecisionDraft> {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new Error(`${path}: no such file`);
  if (!stats.isFile()) throw new Error(`${path}: not a file`);
  if (stats.size > MAX_INPUT_FILE_BYTES) throw new Error(`${path}: ${stats.size} bytes is over the ${sizeInWords(MAX_INPUT_FILE_BYTES)} limit`);
  const extension = extname(path).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv' && extension !== '.tsv') {
    const parsed = parseDecisionDocumentText(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(`${path}: ${parsed.error.message}`);
    return parsed.value.decision;
  }
  const title = basename(path, extname(path)) || 'Imported decision';
  const read: Result<SheetDraft> = extension === '.xlsx' ? await xlsxToDraft(readFileSync(path), title) : csvToDraft(readFileSync(path, 'utf8'), title);
  if (!read.ok) throw new Error(`${path}: ${oneLine(read.error.message)}`);
  for (const line of read.value.notes) note(`${path}: ${line}`);
  return read.value.draft;
}
