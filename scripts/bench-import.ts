// Big inputs against the browser host (the built CLI's `web`, in a process of its own): a
// 300,000-cell CSV imported, that decision duplicated, a 50,000-cell JSON file imported, and the
// big decision read back, while another client here pings the host (listDecisions) every 3 ms and
// sets a score of a small decision every 20 ms (a write, which must get the store between two of
// the import's transactions). Prints each call's time, the longest a ping waited and the longest
// and 95th-percentile a write waited. Part of `npm run bench`; asserts nothing.
import { performance } from 'node:perf_hooks';
import { generatedDocument, random } from './bench-data';
import { startBenchHost } from './bench-host';

/** The spreadsheet layout: one row per criterion, one column per option. */
function csv(options: number, criteria: number): string {
  const next = random(11);
  const header = ['Criterion', 'Weight', 'Direction', 'Min', 'Max', ...Array.from({ length: options }, (_, o) => `Option ${o + 1}`)].join(',');
  const rows = Array.from({ length: criteria }, (_, c) => [`Criterion ${c + 1}`, 1 + (c % 99), 'benefit', 1, 5, ...Array.from({ length: options }, () => 1 + Math.floor(next() * 5))].join(','));
  return `${header}\r\n${rows.join('\r\n')}\r\n`;
}

export async function benchImport(): Promise<void> {
  const { call, stop } = await startBenchHost('import', { prewarmPdf: false });
  /** Runs `work` while pinging and writing; the call's time, and how long the pings and the writes waited for their answers. */
  const measure = async (label: string, work: () => Promise<unknown>) => {
    let running = true;
    let longest = 0;
    let pings = 0;
    const writes: number[] = [];
    const pinging = (async () => {
      while (running) {
        const t0 = performance.now();
        await call('listDecisions', {});
        longest = Math.max(longest, performance.now() - t0);
        pings++;
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    const writing = (async () => {
      while (running) {
        const t0 = performance.now();
        await call('setScore', { ...cell, value: 1 + (writes.length % 5) });
        writes.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const t0 = performance.now();
    const value = await work();
    const took = performance.now() - t0;
    running = false;
    await Promise.all([pinging, writing]);
    writes.sort((a, b) => a - b);
    const p95 = writes[Math.min(writes.length - 1, Math.floor(writes.length * 0.95))] ?? 0;
    console.log(
      `browser host, ${label}: ${took.toFixed(0)} ms; meanwhile ${pings} pings (listDecisions every 3 ms), the longest waited ${longest.toFixed(1)} ms; ` +
        `${writes.length} writes (setScore every 20 ms), p95 ${p95.toFixed(1)} ms, the longest ${(writes.at(-1) ?? 0).toFixed(1)} ms (target ≤ 100 ms)`,
    );
    return value as { decision: { id: number } };
  };
  let cell = { optionId: 0, criterionId: 0 };
  try {
    // The score written meanwhile: the first cell of the decision a new store starts with.
    const [first] = (await call('listDecisions', {})) as { id: number }[];
    const small = (await call('getDecision', { decisionId: first.id })) as { options: { id: number }[]; criteria: { id: number }[] };
    cell = { optionId: small.options[0].id, criterionId: small.criteria[0].id };
    // Made before the pinging starts: generating them here would stall this process's own pings.
    const bigCsv = csv(300, 1000);
    const json = JSON.stringify(generatedDocument(100, 500));
    const big = await measure('importCsv of 300 options x 1000 criteria (300,000 cells)', () => call('importCsv', { title: 'Big', text: bigCsv }));
    await measure('duplicateDecision of that decision', () => call('duplicateDecision', { decisionId: big.decision.id }));
    await measure('importDecision of a 100 x 500 JSON file (50,000 cells)', () => call('importDecision', { text: json }));
    await measure('getDecision of the 300,000-cell decision (not written by the worker: read on the host\'s thread)', () => call('getDecision', { decisionId: big.decision.id }));
  } finally {
    stop();
  }
}
