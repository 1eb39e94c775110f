// `npm run bench -- robustness`: how long the robustness analyses take where the app runs them.
// Prints figures, asserts nothing.
//   - the one-weight analysis (intervals, headline, fragile flag, tornado) at 20 options x 50
//     criteria per slider input, in Node and in Chromium;
//   - rank acceptability, 10,000 draws at 10 options x 20 criteria, in the app's own Web Worker
//     (the built asset, started by the built app's page under its CSP), from posting the job to
//     the result arriving, per mode;
//   - a slider input on a 20 x 50 decision with the "How robust is this?" panel in view, at a
//     frame's start, to that frame painted (its 50 bands and tornado bars follow every input).
import { build as esbuild } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyseSensitivity, robustnessMatrixFromRows } from '../core/sensitivity';
import { chromiumArgs, chromiumPath } from '../e2e/chromium';
import { generatedDocument, random } from './bench-data';
import { frameSummary, type FrameSample } from './bench-frames';
import { startBenchHost } from './bench-host';

const root = join(import.meta.dirname, '..');

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: samples.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
const ms = (x: number) => `${x.toFixed(3)} ms`;


function benchSensitivityInNode(options: number, criteria: number) {
  const next = random(11);
  const matrix = robustnessMatrixFromRows({
    options: Array.from({ length: options }, (_, o) => ({ id: o, name: `Option ${o + 1}` })),
    criteria: Array.from({ length: criteria }, (_, c) => ({ id: c, name: `Criterion ${c + 1}` })),
    rows: Array.from({ length: options }, () => Array.from({ length: criteria }, () => Math.floor(next() * 5) / 4)),
  });
  if (!matrix.ok) throw new Error(matrix.error.message);
  const weights = Array.from({ length: criteria }, () => 1 + Math.floor(next() * 100));
  const samples: number[] = [];
  for (let i = 0; i < 2300; i++) {
    // One slider dragged a step per input, back and forth over its range.
    weights[7] = Math.abs((i % 200) - 100);
    const t0 = performance.now();
    const result = analyseSensitivity(matrix.value, weights);
    const took = performance.now() - t0;
    if (!result.ok) throw new Error(result.error.message);
    if (i >= 300) samples.push(took);
  }
  const s = stats(samples);
  console.log(
    `robustness, one weight at a time (intervals, headline, fragile flag, tornado), ${options} options x ${criteria} criteria, per slider input, Node: median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n} after 300 warm-up; the whole slider budget is 8 ms)`,
  );
}

/** The same code bundled as the app bundles it, timed in Chromium's V8. */
async function benchSensitivityInChromium(browser: Browser, options: number, criteria: number) {
  const bundle = await esbuild({ entryPoints: [join(root, 'core/sensitivity.ts')], bundle: true, format: 'iife', globalName: 'coreSensitivity', write: false, target: 'chrome120' });
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // Passed as text: tsx would otherwise wrap the page function in helpers the page lacks.
  const samples = (await page.evaluate(`(() => {
    const { analyseSensitivity, robustnessMatrixFromRows } = globalThis.coreSensitivity;
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const matrix = robustnessMatrixFromRows({
      options: Array.from({ length: ${options} }, (_, o) => ({ id: o, name: 'Option ' + (o + 1) })),
      criteria: Array.from({ length: ${criteria} }, (_, c) => ({ id: c, name: 'Criterion ' + (c + 1) })),
      rows: Array.from({ length: ${options} }, () => Array.from({ length: ${criteria} }, () => Math.floor(next() * 5) / 4)),
    }).value;
    const weights = Array.from({ length: ${criteria} }, () => 1 + Math.floor(next() * 100));
    const samples = [];
    // The page's clock is coarse (0.1 ms at best), so each sample is the mean of 50 inputs in a row.
    for (let i = 0; i < 130; i++) {
      const t0 = performance.now();
      for (let k = 0; k < 50; k++) {
        weights[7] = Math.abs(((i * 50 + k) % 200) - 100);
        const result = analyseSensitivity(matrix, weights);
        if (!result.ok) throw new Error(result.error.message);
      }
      const took = (performance.now() - t0) / 50;
      if (i >= 30) samples.push(took);
    }
    return samples;
  })()`)) as number[];
  await page.close();
  const s = stats(samples);
  console.log(
    `robustness, one weight at a time, ${options} options x ${criteria} criteria, per slider input, Chromium: median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n} samples, each the mean of 50 inputs, after 1500 warm-up)`,
  );
}

/** Rank acceptability in the built app's worker: the page posts jobs as AcceptabilityAnalysis does. */
async function benchAcceptabilityWorker(page: Page, options: number, criteria: number) {
  const worker = readdirSync(join(root, 'dist/renderer/assets')).find((f) => /^acceptability\.worker-.*\.js$/.test(f));
  if (!worker) throw new Error('dist/renderer/assets has no acceptability worker: run the build first');
  // Passed as text: tsx would otherwise wrap the page's named functions in a helper the page lacks.
  const result = (await page.evaluate(`(async () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const matrix = {
      options: Array.from({ length: ${options} }, (_, o) => ({ id: o, name: 'Option ' + (o + 1) })),
      criteria: Array.from({ length: ${criteria} }, (_, c) => ({ id: c, name: 'Criterion ' + (c + 1) })),
      unit: Float64Array.from({ length: ${options * criteria} }, () => Math.floor(next() * 5) / 4),
      leftOut: [],
      note: null,
    };
    const weights = Array.from({ length: ${criteria} }, () => 1 + Math.floor(next() * 100));
    const w = new Worker('assets/${worker}', { type: 'module' });
    let id = 0;
    const run = (mode) =>
      new Promise((resolve, reject) => {
        const job = ++id;
        let slices = 1;
        const t0 = performance.now();
        w.onmessage = (event) => {
          const m = event.data;
          if (m.id !== job) return;
          if (m.type === 'progress') slices++;
          else if (m.type === 'result') resolve({ took: performance.now() - t0, draws: m.result.draws, slices });
          else reject(new Error(m.message));
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage({ type: 'run', id: job, matrix, settings: { mode, draws: 10000, seed: job, weights, within: 0.05 } });
      });
    const out = {};
    for (const mode of ['uniform', 'ordinal', 'interval']) {
      const cold = await run(mode);
      const times = [];
      let slices = 0;
      for (let i = 0; i < 25; i++) {
        const r = await run(mode);
        times.push(r.took);
        slices = r.slices;
      }
      out[mode] = { cold: cold.took, times, slices, draws: cold.draws };
    }
    w.terminate();
    return out;
  })()`)) as Record<string, { cold: number; times: number[]; slices: number; draws: number }>;
  for (const [mode, r] of Object.entries(result)) {
    const s = stats(r.times);
    console.log(
      `rank acceptability, 10,000 draws (${mode}), ${options} options x ${criteria} criteria, in the app's Web Worker in Chromium, job posted -> result received: ` +
        `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (n=${s.n}, each a new seed; first run ${ms(r.cold)}; ${r.slices} ${r.slices === 1 ? 'slice' : 'slices'} of up to 8 ms; target <= 50 ms)`,
    );
  }
}

/**
 * A hand on a slider of a 20 x 50 decision: input at a frame's start -> that frame painted (see
 * bench-frames.ts), with the "How robust is this?" panel in view (its bands and tornado follow
 * every input) and scrolled out of view (only its headline follows), in turns, so both see the
 * same load on the machine.
 */
async function benchSliderWithPanel(page: Page) {
  await page.getByRole('button', { name: /^Benchmark 20 x 50/ }).click();
  const slider = page.getByRole('slider', { name: 'Weight of Criterion 1', exact: true });
  await slider.waitFor();
  await page.getByTestId('robustness-headline').waitFor();
  const values = Array.from({ length: 120 }, (_, i) => 100 - Math.abs((i % 66) - 33) * 3);
  const samples = { inView: [] as FrameSample[], outOfView: [] as FrameSample[] };
  for (let round = 0; round < 3; round++) {
    for (const where of ['outOfView', 'inView'] as const) {
      if (where === 'inView') await page.getByTestId('robustness-panel').evaluate((panel) => panel.scrollIntoView());
      else await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      const frames = await page.evaluate(async (values) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Weight of Criterion 1"]')!;
        const out: { start: number; input: number; done: number }[] = [];
        for (const [i, value] of values.entries()) {
          const frame = await new Promise<{ start: number; input: number; done: number }>((resolve) =>
            requestAnimationFrame((start) => {
              const sent = performance.now();
              input.value = String(value);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              // Arrives once this frame's style, layout and paint are done.
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ start, input: sent, done: performance.now() });
              channel.port2.postMessage(null);
            }),
          );
          if (i >= 20) out.push(frame);
        }
        return out;
      }, values);
      samples[where].push(...frames);
    }
  }
  console.log(`Chromium, 20 options x 50 criteria, a slider dragged with the robustness panel in view (headline, 50 bands, 50 tornado bars follow each input; n=${samples.inView.length}, in turns with the next line): ${frameSummary(samples.inView)}`);
  console.log(`  the same with the panel scrolled out of view (the matrix and charts in view, the panel's headline only; n=${samples.outOfView.length}): ${frameSummary(samples.outOfView)}`);
}


export async function benchRobustness(): Promise<void> {
  benchSensitivityInNode(20, 50);
  const host = await startBenchHost('robustness', { prewarmPdf: false });
  const { appUrl } = host;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await host.call('importDecision', { text: JSON.stringify(generatedDocument(20, 50)) });

    await benchSensitivityInChromium(browser, 20, 50);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(appUrl);
    await page.waitForSelector('[data-app-ready="true"]');
    await benchAcceptabilityWorker(page, 10, 20);
    await benchSliderWithPanel(page);
    await page.close();
  } finally {
    await browser.close();
    host.stop();
  }
}
