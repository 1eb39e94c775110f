import { join } from 'node:path';
import { findTemplate, templates } from '../../core/templates';
import { backUpDaily } from '../../db/backups';
import { markStoreOpen } from '../../db/open-marks';
import { openAppStore } from '../../db/seed';
import { databaseFile, defaultDataFolder } from '../shared/data-folder';
import { ReportPrinter } from '../../service/printing/report-printer';
import { startHttpHost, type HttpHost } from '../web/server';
import { browserHostToken } from '../web/token-file';
import { createDispatch } from '../../service/dispatch';
import { createHandlers } from '../../service/handlers';
import { startBulkWriter } from '../../service/bulk/bulk-writer';
import { lanAddress, WorkshopController } from '../workshop/controller';
import { exportDecision, EXPORT_USAGE, ExportUsageError } from './export-command';
import { scoreReport } from './score-report';
import { analyseCommand, ANALYSE_USAGE } from './analyse-command';
import { listCommand, LIST_USAGE } from './list-command';
import { restoreCommand, RESTORE_USAGE, RestoreUsageError } from './restore-command';
import { readDecisionFile } from './read-decision-file';

/** The built renderer, beside the CLI bundle (dist/node/cli.mjs → dist/renderer). */
const RENDERER_DIR = join(import.meta.dirname, '..', 'renderer');
/** How long after the first page's openWorkspace the browser host starts Chromium for PDFs. */
const PDF_PREWARM_AFTER_MS = 2000;

export { MAX_INPUT_FILE_BYTES } from './read-decision-file';

const USAGE = `Usage:
  decision-matrix score <decision.json|.xlsx|.csv>
                                            print ranking, totals and contributions as JSON
  decision-matrix template [name]           list built-in decisions, or print one as JSON
  ${ANALYSE_USAGE}
  ${EXPORT_USAGE}
                                            write a PDF report, a JSON, CSV or XLSX file, or a Markdown decision record
  decision-matrix web [--port N] [--data-dir DIR] [--workshop-host ADDRESS] [--workshop-port N] [--new-token]
                                            serve the app on http://127.0.0.1 and print its URL; the link's
                                            token is kept in the data folder (--new-token makes a new one)
  ${LIST_USAGE}
                                            the decisions in a store, with the ids export --db takes
  ${RESTORE_USAGE}
                                            put the latest good backup (or FILE) in place of the store, keeping the old one
  decision-matrix <command> --help          show one command's usage`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`${name} needs a value`, 2);
  return value;
}

async function web(args: string[], io: CliIo): Promise<number> {
  const portText = option(args, '--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: "${portText}" is not a port number`, 2);
  const folder = option(args, '--data-dir') ?? defaultDataFolder();
  const workshopPortText = option(args, '--workshop-port') ?? '0';
  const workshopPort = Number(workshopPortText);
  if (!Number.isInteger(workshopPort) || workshopPort < 0 || workshopPort > 65535) throw new CliError(`--workshop-port: "${workshopPortText}" is not a port number`, 2);
  // Marked before opening (which may migrate or seed), so `restore` never swaps the store under the host.
  let unmark = markStoreOpen(databaseFile(folder));
  let opened;
  try {
    opened = openAppStore(databaseFile(folder));
  } catch (error) {
    unmark();
    throw error;
  }
  const { db, readOnly } = opened;
  // A store opened read-only takes no writes to lose.
  if (readOnly) {
    unmark();
    unmark = () => {};
  }
  // Participants' joins and submissions reach the facilitator's page as server-sent events.
  const events: { host: HttpHost | null } = { host: null };
  // Big imports and copies are written by a worker thread, so the host answers other calls meanwhile.
  const bulk = readOnly ? undefined : startBulkWriter(db, databaseFile(folder));
  const pauseBulkWrite = () => bulk?.pause() ?? null;
  const workshop = new WorkshopController(db, {
    hostname: option(args, '--workshop-host') ?? lanAddress(),
    port: workshopPort,
    staticDir: RENDERER_DIR,
    onChange: () => events.host?.publish('rounds'),
    pauseBulkWrite,
  });
  // A read-only store takes no joins or submissions: no workshop server for its live rounds.
  if (!readOnly) await workshop.roundsChanged();
  if (!readOnly) void backUpDaily(db, folder).catch((error) => io.err(`decision-matrix: daily backup failed: ${(error as Error).message}\n`));
  let printer: ReportPrinter | undefined = undefined;
  // Chromium is started in the background once the first page has loaded (its openWorkspace, and
  // a moment for its charts), so the first Export → PDF is as quick as the next without slowing
  // that first load (started with the host, it competed with it for the processor). The e2e suite turns it
  // off: a Chromium per test host would only slow it down.
  const prewarm = process.env.DECISION_MATRIX_PDF_PREWARM !== '0';
  let warming: ReturnType<typeof setTimeout> | null = null;
  const dispatch = createDispatch(createHandlers(db, workshop, bulk), { readOnly, pauseBulkWrite });
  const host: HttpHost = await startHttpHost({
    dispatch: (name, input) => {
      if (prewarm && warming === null && name === 'openWorkspace') {
        warming = setTimeout(() => void (printer ??= new ReportPrinter(host)).warm(), PDF_PREWARM_AFTER_MS);
        warming.unref();
      }
      return dispatch(name, input);
    },
    staticDir: RENDERER_DIR,
    port,
    token: browserHostToken(folder, args.includes('--new-token'), (message) => io.err(`decision-matrix: note: ${message}\n`)),
    exportPdf: (decisionId, paper) => (printer ??= new ReportPrinter(host)).print(decisionId, paper),
  });
  events.host = host;
  io.out(`Decision Matrix is serving ${databaseFile(folder)}${readOnly ? ` read-only: ${readOnly}; changes cannot be saved` : ''}\nOpen ${host.appUrl}\n`);
  const stop = async () => {
    if (warming) clearTimeout(warming);
    await printer?.close();
    await bulk?.close();
    await workshop.close();
    await host.close();
    db.close();
    unmark();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/** What `decision-matrix <command> --help` prints: that command's lines of the usage. */
function commandUsage(command: string): string | null {
  const lines = USAGE.split('\n').slice(1);
  const start = lines.findIndex((line) => line.trimStart().startsWith(`decision-matrix ${command}`));
  if (start < 0) return null;
  const end = lines.findIndex((line, i) => i > start && line.trimStart().startsWith('decision-matrix '));
  return ['Usage:', ...lines.slice(start, end < 0 ? undefined : end)].join('\n');
}

/** Line breaks inside a message (a name or id quoted from a file) written as JSON writes them. */
function oneLine(message: string): string {
  const spelled: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\u0085': '\\u0085', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return message.replace(/[\r\n\u0085\u2028\u2029]/g, (br) => spelled[br]);
}

export async function main(args: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = args;
  // A spreadsheet's notes (columns left out …) go to stderr, so stdout holds only the answer.
  const readDecision = (path: string) => readDecisionFile(path, (line) => io.err(`decision-matrix: note: ${oneLine(line)}\n`));
  // --help on a command only prints: it never starts a server, opens a store or writes a file.
  if (command !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    const usage = commandUsage(command);
    if (usage) {
      io.out(`${usage}\n`);
      return 0;
    }
  }
  try {
    switch (command) {
      case 'score': {
        if (rest.length !== 1) throw new CliError('score takes one file: decision-matrix score <decision.json|.xlsx|.csv>', 2);
        const report = scoreReport(await readDecision(rest[0]));
        if (!report.ok) throw new CliError(report.error.message);
        io.out(`${JSON.stringify(report.value, null, 2)}\n`);
        return 0;
      }
      case 'analyse':
        return await analyseCommand(rest, readDecision, io);
      case 'template': {
        if (rest.length === 0) {
          io.out(templates.map((t) => `${t.name}\t${t.title}`).join('\n') + '\n');
          return 0;
        }
        const template = findTemplate(rest[0]);
        if (!template) throw new CliError(`no built-in decision named "${rest[0]}"; run \`decision-matrix template\` to list them`);
        io.out(`${JSON.stringify(template.document, null, 2)}\n`);
        return 0;
      }
      case 'export': {
        const written = await exportDecision(rest, readDecision, RENDERER_DIR);
        io.out(`wrote ${written}\n`);
        return 0;
      }
      case 'web':
        return await web(rest, io);
      case 'list':
        io.out(listCommand(rest, option));
        return 0;
      case 'restore':
        io.out(restoreCommand(rest));
        return 0;
      case undefined:
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
    }
  } catch (error) {
    if (error instanceof ExportUsageError || error instanceof RestoreUsageError) {
      io.err(`decision-matrix: ${error.message}\n`);
      return 2;
    }
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    // A problem with a file is one line, whatever the file holds: its line breaks are spelled out.
    const message = (error as Error).message;
    io.err(`decision-matrix: ${exitCode === 1 ? oneLine(message) : message}\n`);
    return exitCode;
  }
}
