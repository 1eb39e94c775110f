// Imports big spreadsheets one after another through the real service and its bulk worker thread
// until it is killed, on some runs with small writes on the host's own connection meanwhile.
// Before each call it says what it is about to write; once the service has answered (the
// transaction is committed) it acknowledges it on stdout. Lines:
//   importing <options> <criteria> <title>       the import is dispatched
//   writing <percent> <title>                    the worker has written that much of its rows
//   imported <id> <options> <criteria> <cells> <title>
//   creating <title>  /  created <id> <title>    a small write (createDecision)
// Usage: node --import tsx hosts/web/test/bulk-crash-writer.ts <store file> <run> [small write every ms]
import type { DecisionAdded } from '../../../core/contract';
import type { Result } from '../../../core/result';
import { openDecisionStore } from '../../../db/seed';
import { startBulkWriter } from '../../../service/bulk/bulk-writer';
import { createDispatch } from '../../../service/dispatch';
import { createHandlers } from '../../../service/handlers';

/** 60,000 score cells: the worker writes them in about 300 ms here, after 550-750 ms of starting up and reading the file. */
const OPTIONS = 100;
const CRITERIA = 600;

/** The spreadsheet layout (as service/bulk/bulk-writer.test.ts builds it): one row per criterion, one column per option. */
function bigCsv(options: number, criteria: number): string {
  const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: options }, (_, o) => `Option ${o + 1}`)].join(',');
  const rows = Array.from({ length: criteria }, (_, c) => [`Criterion ${c + 1}`, 10, 'benefit', 0, 10, ...Array.from({ length: options }, (_, o) => (o + c) % 11)].join(','));
  return `${header}\n${rows.join('\n')}\n`;
}

// Pipes are written synchronously on Linux: once this returns, the parent can read the line.
const say = (line: string) => process.stdout.write(`${line}\n`);

const [file, run, smallWriteMs] = process.argv.slice(2);
const db = openDecisionStore(file);
const bulk = startBulkWriter(db, file);
const dispatch = createDispatch(createHandlers(db, undefined, bulk), { pauseBulkWrite: () => bulk.pause() });
// Built once: the same cells every time, so the time after "ready" goes on the imports themselves.
const text = bigCsv(OPTIONS, CRITERIA);

/** The import under way, and how far the worker has said it got (it tells after each of its transactions). */
let importing: { title: string; percent: number } | null = null;
setInterval(() => {
  const percent = bulk.progress()?.percent ?? 0;
  if (importing && percent > importing.percent) {
    importing.percent = percent;
    say(`writing ${percent} ${importing.title}`);
  }
}, 2);

let smallWrites = 0;
/** A new decision, answered at once, or (while the worker holds the write lock) made again at the worker's next commit. */
function smallWrite(): void {
  const title = `run ${run} write ${smallWrites++}`;
  say(`creating ${title}`);
  void Promise.resolve(dispatch('createDecision', { title }) as Result<{ id: number }> | Promise<Result<{ id: number }>>).then((created) => {
    if (!created.ok) throw new Error(created.error.message);
    say(`created ${created.value.id} ${title}`);
  });
}
// On the runs without small writes, an import is also answered with no other write waiting for it.
if (smallWriteMs) setInterval(smallWrite, Number(smallWriteMs));

say('ready');
for (let n = 0; ; n++) {
  const title = `run ${run} import ${n}`;
  say(`importing ${OPTIONS} ${CRITERIA} ${title}`);
  importing = { title, percent: 0 };
  const imported = (await dispatch('importCsv', { title, text })) as Result<DecisionAdded>;
  if (!imported.ok) throw new Error(imported.error.message);
  importing = null;
  say(`imported ${imported.value.decision.id} ${OPTIONS} ${CRITERIA} ${OPTIONS * CRITERIA} ${title}`);
}
