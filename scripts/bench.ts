// `npm run bench`: prints figures, asserts nothing. Parts (name one to run it alone):
//   cold-start a fresh browser context opening the app, to the seeded decision with both charts;
//   scoring   core's scoring of 1000 options x 200 criteria, in Node and in Chromium;
//   weighting AHP with 10 criteria recomputed on each input, with the totals it gives;
//   slider    in Chromium, slider input -> totals and both charts redrawn, and input at a frame's
//             start -> that frame painted: a drag on a generated 20 x 50 decision and on the
//             seeded one (scripted, then with Playwright's mouse), and the 20 x 50 slider
//             dragged between far-apart weights on every input;
//   host-pdf  the browser host's Export -> PDF;
//   cli-pdf   the one-shot `decision-matrix export` command;
//   workshop  200 participants joining and submitting at once;
//   import-300k a 300,000-cell CSV imported, duplicated, a 50,000-cell JSON imported, while another
//             client pings the host every 3 ms: the longest a ping waited;
//   robustness the one-weight analysis at 20 x 50 per input, rank acceptability (10,000 draws at
//             10 x 20) in the app's Web Worker, a slider input with the robustness panel in view.
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import type { DecisionDocument } from '../core/interchange';
import { prepareDecision, scoreDecision, weighDecision } from '../core/decision-scoring';
import { prepareMatrix, scoreMatrix, weighMatrix, type MatrixInput } from '../core/scoring';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { benchColdStart } from './bench-cold-start';
import { benchRobustness } from './bench-robustness';
import { benchAhp } from './bench-weighting';
import { benchWorkshop } from './bench-workshop';
import { benchImport } from './bench-import';
import { startBenchHost } from './bench-host';
import { generatedDocument, random } from './bench-data';
import { frameSummary, pointerDrag } from './bench-frames';

const root = join(import.meta.dirname, '..');

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: samples.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

/** The same scoring code, bundled as a script, timed inside Chromium's V8 (where the renderer runs it). */
async function benchScoringInChromium(browser: Browser, options: number, criteria: number) {
  const bundle = await esbuild({ entryPoints: [join(root, 'core/scoring.ts')], bundle: true, format: 'iife', globalName: 'coreScoring', write: false, target: 'chrome120' });
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // Passed as text: tsx would otherwise wrap the page function in helpers the page lacks.
  const timings = (await page.evaluate(`(() => {
    const { scoreMatrix, prepareMatrix, weighMatrix } = globalThis.coreScoring;
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const input = {
      criteria: Array.from({ length: ${criteria} }, (_, c) => ({ name: 'C' + c, direction: c % 5 === 0 ? 'cost' : 'benefit', min: 1, max: 5, weight: 1 + Math.floor(next() * 100) })),
      optionNames: Array.from({ length: ${options} }, (_, o) => 'O' + o),
      values: Float64Array.from({ length: ${options * criteria} }, () => 1 + Math.floor(next() * 5)),
    };
    const prepared = prepareMatrix(input).value;
    const weightSets = Array.from({ length: 16 }, () => input.criteria.map(() => Math.floor(next() * 100)));
    const dragged = input.criteria.map((c) => c.weight);
    const time = (run) => {
      for (let i = 0; i < 50; i++) run(i);
      const times = [];
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        const result = run(i);
        times.push(performance.now() - t0);
        if (!result.ok) throw new Error(result.error.message);
      }
      return times;
    };
    return {
      oneShot: time(() => scoreMatrix(input)),
      reweigh: time((i) => weighMatrix(prepared, weightSets[i % weightSets.length])),
      drag: time((i) => { dragged[7] = Math.abs((i % 200) - 100); return weighMatrix(prepared, dragged); }),
    };
  })()`)) as { oneShot: number[]; reweigh: number[]; drag: number[] };
  await page.close();
  const once = stats(timings.oneShot);
  const reweigh = stats(timings.reweigh);
  const drag = stats(timings.drag);
  const size = `${options} options x ${criteria} criteria`;
  console.log(`core scoring in Chromium, ${size}: prepared scores, a whole new set of weights each time median ${ms(reweigh.median)}, p95 ${ms(reweigh.p95)}; one weight dragged a step at a time (the live path) median ${ms(drag.median)}, p95 ${ms(drag.p95)}; one-shot scoreMatrix median ${ms(once.median)}, p95 ${ms(once.p95)} (n=300 each; target < 0.5 ms; timer resolution 0.1 ms)`);
}

function benchScoring() {
  const options = 1000;
  const criteria = 200;
  const next = random(42);
  const input: MatrixInput = {
    criteria: Array.from({ length: criteria }, (_, c) => ({ name: `C${c}`, direction: c % 5 === 0 ? 'cost' : 'benefit', min: 1, max: 5, weight: 1 + Math.floor(next() * 100) })),
    optionNames: Array.from({ length: options }, (_, o) => `O${o}`),
    values: Float64Array.from({ length: options * criteria }, () => 1 + Math.floor(next() * 5)),
  };
  const time = (run: (i: number) => { ok: boolean }) => {
    for (let i = 0; i < 50; i++) run(i);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const result = run(i);
      samples.push(performance.now() - t0);
      if (!result.ok) throw new Error('scoring refused the benchmark matrix');
    }
    return stats(samples);
  };
  const prepared = prepareMatrix(input);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const weightSets = Array.from({ length: 16 }, () => input.criteria.map(() => Math.floor(next() * 100)));
  const reweigh = time((i) => weighMatrix(prepared.value, weightSets[i % weightSets.length]));
  // A slider drag: one weight moves a step per input, back and forth over its whole range.
  const dragged = input.criteria.map((c) => c.weight);
  const drag = time((i) => {
    dragged[7] = Math.abs((i % 200) - 100);
    return weighMatrix(prepared.value, dragged);
  });
  const once = time(() => scoreMatrix(input));
  const prepare = time(() => prepareMatrix(input));
  const size = `${options} options x ${criteria} criteria`;
  console.log(`core scoring, Node, ${size}: one weight dragged a step at a time on prepared scores (the live path) median ${ms(drag.median)}, p95 ${ms(drag.p95)} (n=${drag.n}; target < 0.5 ms)`);
  console.log(`core scoring, Node, ${size}: a whole new set of weights each time on prepared scores median ${ms(reweigh.median)}, p95 ${ms(reweigh.p95)} (n=${reweigh.n})`);
  console.log(`core scoring, Node, ${size}: one-shot scoreMatrix (check + place + weigh) median ${ms(once.median)}, p95 ${ms(once.p95)}; prepareMatrix alone median ${ms(prepare.median)}`);

  // The id-keyed layer the UI runs on a slider (weighDecision on a prepared decision), with ids
  // from a store that has seen many criteria come and go, so they run into the thousands.
  const firstId = 5001;
  const decision = {
    options: input.optionNames.map((name, o) => ({ id: firstId + o, name, description: '' })),
    criteria: input.criteria.map((c, i) => ({ id: firstId + i, name: c.name, description: '', direction: c.direction, scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: c.weight })),
    scores: Array.from(input.values, (value, cell) => ({
      optionId: firstId + Math.floor(cell / criteria),
      criterionId: firstId + (cell % criteria),
      value,
      rationale: '',
      source: '',
    })),
  };
  const preparedDecision = prepareDecision(decision);
  if (!preparedDecision.ok) throw new Error(preparedDecision.error.message);
  const draggedById = new Map(decision.criteria.map((c) => [c.id, c.weight]));
  const keyed = time((i) => {
    draggedById.set(firstId + 7, Math.abs((i % 200) - 100));
    return weighDecision(preparedDecision.value, (id) => draggedById.get(id)!);
  });
  console.log(`core weighDecision (id-keyed, what the app runs on a slider), same size, one weight dragged: median ${ms(keyed.median)}, p95 ${ms(keyed.p95)} (n=${keyed.n})`);
  const wrapped = time(() => scoreDecision(decision));
  console.log(`core scoreDecision (id-keyed, one-shot: prepare + weigh), same size: median ${ms(wrapped.median)}, p95 ${ms(wrapped.p95)} (n=${wrapped.n})`);
}


interface SliderCase {
  label: string;
  decisionButton: RegExp;
  slider: string;
  /** The slider's value at each input event, in order. */
  values: number[];
  /** A <select> changed instead of a slider moved (an AHP judgment's strength). */
  select?: boolean;
  /** Also dragged with Playwright's mouse. */
  pointer?: boolean;
}

/** A generated decision weighed by AHP: every pair judged, the first criterion over the others. */
function ahpDocument(options: number, criteria: number): DecisionDocument {
  const document = generatedDocument(options, criteria);
  const ids = document.decision.criteria.map((c) => c.id);
  const judgments = ids.flatMap((more, i) => ids.slice(i + 1).map((less, k) => ({ more, less, ratio: 1 + ((i + k) % 9) })));
  return { ...document, decision: { ...document.decision, title: `AHP benchmark ${options} x ${criteria}`, weighting: { method: 'ahp', judgments } } };
}

/** A hand dragging a slider end to end and back, `step` units per input event, `times` over. */
function sweep(step: number, times: number): number[] {
  const down = Array.from({ length: Math.floor(99 / step) + 1 }, (_, i) => 100 - i * step);
  const there = [...down, ...[...down].reverse().slice(1, -1)];
  return Array.from({ length: times }, () => there).flat();
}

/** Everything that runs in Chromium against the browser host. */
async function benchBrowser() {
  // With the PDF prewarm, as a user's host runs: host-pdf measures the Chromium it starts once a page has opened.
  const host = await startBenchHost('browser');
  const { appUrl, origin, token } = host;
  await host.call('importDecision', { text: JSON.stringify(generatedDocument(20, 50)) });
  await host.call('importDecision', { text: JSON.stringify(ahpDocument(20, 10)) });

  const cases: SliderCase[] = [
    { label: '20 options x 50 criteria (generated), a drag', decisionButton: /^Benchmark 20 x 50/, slider: 'Weight of Criterion 1', values: sweep(3, 4), pointer: true },
    {
      label: '20 options x 50 criteria, dragged back and forth between far-apart weights (100 and 1-40) on every input, so rankings and the radar\'s leading options keep changing',
      decisionButton: /^Benchmark 20 x 50/,
      slider: 'Weight of Criterion 1',
      values: Array.from({ length: 240 }, (_, i) => (i % 2 === 0 ? 100 : 1 + (i % 40))),
    },
    { label: 'the seeded decision, 2 options x 6 criteria, a drag', decisionButton: /^PyTorch vs TensorFlow/, slider: 'Weight of Deployment and production', values: sweep(3, 4), pointer: true },
    {
      label: 'AHP, 20 options x 10 criteria (45 judgments, eigenvector and consistency recomputed), one judgment\'s strength stepped 2-9 on every input',
      decisionButton: /^AHP benchmark 20 x 10/,
      slider: 'How much more “Criterion 1” matters',
      values: Array.from({ length: 240 }, (_, i) => 2 + (i % 8)),
      select: true,
    },
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    if (wanted('cold-start')) await benchColdStart(browser, appUrl);
    if (wanted('scoring')) await benchScoringInChromium(browser, 1000, 200);
    if (wanted('slider')) for (const sliderCase of cases) await measureSlider(browser, appUrl, sliderCase);
    if (wanted('host-pdf')) await benchHostPdf(origin, token);
  } finally {
    await browser.close();
    host.stop();
  }
}

/** The browser host's Export → PDF: the first request starts Chromium, later ones reuse it. */
async function benchHostPdf(origin: string, token: string) {
  const seeded = await fetch(`${origin}/api/listDecisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-decision-matrix-token': token },
    body: '{}',
  }).then((r) => r.json());
  const decisionId = seeded.value.find((d: { title: string }) => d.title === 'PyTorch vs TensorFlow').id;
  // As a person does: the app's page opens first (its openWorkspace starts Chromium in the background, hosts/cli/cli.ts), then Export → PDF.
  await fetch(`${origin}/api/openWorkspace`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-decision-matrix-token': token }, body: '{}' });
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const samples: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const response = await fetch(`${origin}/export/pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-decision-matrix-token': token },
      body: JSON.stringify({ decisionId }),
    });
    if (!response.ok) throw new Error(`PDF export failed: ${await response.text()}`);
    await response.arrayBuffer();
    samples.push(performance.now() - t0);
  }
  const s = stats(samples.slice(1));
  console.log(
    `browser host Export -> PDF, seeded decision: first ${ms(samples[0])} (Chromium started in the background after the first page's openWorkspace), then median ${ms(s.median)}, max ${ms(s.max)} (n=${s.n}; target < 1500 ms)`,
  );
}

/**
 * One slider case in a fresh page: each input sent from an animation frame callback, at the start
 * of a frame, and timed to that frame painted (see bench-frames.ts for why); the next input waits
 * for the next frame, so a drag sends one input a frame. A drag case then drags the slider with
 * Playwright's mouse as well.
 */
async function measureSlider(browser: Browser, appUrl: string, { label, decisionButton, slider: sliderLabel, values, select = false, pointer = false }: SliderCase) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(appUrl);
  await page.waitForSelector('[data-app-ready="true"]');
  await page.getByRole('button', { name: decisionButton }).click();
  const slider = page.getByRole(select ? 'combobox' : 'slider', { name: sliderLabel, exact: true }).first();
  await slider.waitFor();
  // Where a person would be: the pointer on the slider they are dragging.
  await slider.hover();
  // (No named helpers inside: tsx would wrap them in a function the page does not have.)
  const result = await page.evaluate(
    async ({ sliderLabel, values, select }) => {
      const slider = document.querySelector<HTMLInputElement>(`[aria-label="${sliderLabel}"]`)!;
      // Each chart's DrawRecord (renderer/src/charts/chart-attachment.svelte.ts).
      type Recorded = HTMLCanvasElement & { drawRecord: { draws: number; layouts: number; drawnAt: number; redrawStartedAt: number } };
      const bar = document.querySelector<Recorded>('[data-testid="contribution-chart"]')!.drawRecord;
      const radar = document.querySelector<Recorded>('[data-testid="profile-chart"]')!.drawRecord;
      const drawn: number[] = [];
      const frames: { start: number; input: number; done: number }[] = [];
      const barRedraw: number[] = [];
      const radarRedraw: number[] = [];
      const layoutsBefore = { bar: 0, radar: 0 };
      let missed = 0;
      for (const [i, value] of values.entries()) {
        // The first 20 inputs are warm-up.
        if (i === 20) Object.assign(layoutsBefore, { bar: bar.layouts, radar: radar.layouts });
        const frame = await new Promise<{ start: number; input: number; done: number; redrawn: boolean }>((resolve) =>
          requestAnimationFrame((start) => {
            const barDraws = bar.draws;
            const radarDraws = radar.draws;
            const input = performance.now();
            // Found again each time: a list the change redraws may have put a new control in its place.
            const control = select ? document.querySelector<HTMLSelectElement>(`[aria-label="${sliderLabel}"]`)! : slider;
            control.value = String(value);
            control.dispatchEvent(new Event(select ? 'change' : 'input', { bubbles: true }));
            // Svelte's effects (totals, both charts) run at the microtask checkpoint after this
            // callback, in this frame; the message arrives once the frame's style, layout and paint are done.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ start, input, done: performance.now(), redrawn: bar.draws > barDraws && radar.draws > radarDraws });
            channel.port2.postMessage(null);
          }),
        );
        if (i < 20) continue;
        if (!frame.redrawn) {
          missed++;
          continue;
        }
        drawn.push(Math.max(bar.drawnAt, radar.drawnAt) - frame.input);
        barRedraw.push(bar.drawnAt - bar.redrawStartedAt);
        radarRedraw.push(radar.drawnAt - radar.redrawStartedAt);
        frames.push({ start: frame.start, input: frame.input, done: frame.done });
      }
      return { drawn, frames, barRedraw, radarRedraw, missed, layouts: { bar: bar.layouts - layoutsBefore.bar, radar: radar.layouts - layoutsBefore.radar } };
    },
    { sliderLabel, values, select },
  );
  const dragged = pointer ? (await pointerDrag(page, sliderLabel, 6)).slice(20) : [];
  await page.close();
  const drawn = stats(result.drawn);
  console.log(
    `Chromium, ${label}: slider input -> totals + bar + radar redrawn: median ${ms(drawn.median)}, p95 ${ms(drawn.p95)}, max ${ms(drawn.max)} ` +
      `(n=${drawn.n} after 20 warm-up; inputs without a redraw of both charts: ${result.missed}; target p95 < 8 ms)`,
  );
  console.log(
    `  bar redraw median ${ms(stats(result.barRedraw).median)}, radar redraw median ${ms(stats(result.radarRedraw).median)}; ` +
      `charts laid out again (their labels or colours changed) on ${result.layouts.bar} (bar) and ${result.layouts.radar} (radar) of ${drawn.n} inputs`,
  );
  console.log(`  scripted inputs, one a frame: ${frameSummary(result.frames)}`);
  if (pointer) console.log(`  Playwright's mouse dragging the slider (6 sweeps end to end, 2 px a move; n=${dragged.length} after 20 warm-up): ${frameSummary(dragged)}`);
}

/** Wall time of `decision-matrix export` on the seeded decision: Chromium start, render, print, write. */
function benchPdfExport() {
  const folder = mkdtempSync(join(tmpdir(), 'decision-matrix-bench-pdf-'));
  const cli = join(root, 'bin/decision-matrix.cjs');
  const decision = join(folder, 'pytorch.json');
  writeFileSync(decision, execFileSync(process.execPath, [cli, 'template', 'pytorch-vs-tensorflow']));
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'export', decision, '--out', join(folder, 'report.pdf')], { stdio: 'ignore' });
    samples.push(performance.now() - t0);
  }
  rmSync(folder, { recursive: true, force: true });
  const s = stats(samples.slice(1));
  console.log(`decision-matrix export --format pdf, seeded decision (whole command): median ${ms(s.median)}, max ${ms(s.max)} (n=${s.n} after 1 warm-up; target < 1500 ms)`);
}

// `npm run bench -- slider` runs one part; no argument runs them all.
const only = process.argv[2];
const parts = ['cold-start', 'scoring', 'weighting', 'slider', 'host-pdf', 'cli-pdf', 'workshop', 'import-300k', 'robustness'];
if (only && !parts.includes(only)) throw new Error(`Unknown part "${only}": choose one of ${parts.join(', ')}.`);
const wanted = (part: string) => !only || only === part;
console.log(`node ${process.version}, ${new Date().toISOString()}`);
if (wanted('scoring')) benchScoring();
if (wanted('weighting')) benchAhp();
if (wanted('cold-start') || wanted('scoring') || wanted('slider') || wanted('host-pdf')) await benchBrowser();
if (wanted('cli-pdf')) benchPdfExport();
if (wanted('workshop')) await benchWorkshop();
if (wanted('import-300k')) await benchImport();
if (wanted('robustness')) await benchRobustness();
