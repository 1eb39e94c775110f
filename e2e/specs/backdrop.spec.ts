import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, target, test } from '../fixtures';

const root = join(import.meta.dirname, '../..');

/**
 * Both charts put back a picture of their axes, grid and labels instead of drawing them again on
 * every redraw (renderer/src/charts/backdrop.ts). This draws a bar chart and a radar with
 * chart.js's own scales beside the same charts with the backdrop scales, moves the data, hovers,
 * resizes, and compares the canvases pixel for pixel after each step.
 */
const source = `
import { BarController, BarElement, CategoryScale, Chart, Filler, LinearScale, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';
import { BackdropCategoryScale, BackdropLinearScale, BackdropRadialLinearScale, backdropPlugin } from './renderer/src/charts/backdrop';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip,
  BackdropCategoryScale, BackdropLinearScale, BackdropRadialLinearScale);

const labels = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
const values = (shift) => [0, 1, 2].map((s) => labels.map((_, i) => ((i + s + shift) % 5) / 5 + 0.1));
const colours = ['#4878d0', '#ee854a', '#6acc64'];
const datasets = (shift) => values(shift).map((data, i) => ({ label: 'S' + i, data, backgroundColor: colours[i], borderColor: colours[i] }));
const bar = (backdrop) => ({
  type: 'bar',
  data: { labels, datasets: datasets(0) },
  options: { animation: false, responsive: false, indexAxis: 'y',
    scales: { x: { type: backdrop ? 'backdropLinear' : 'linear', min: 0, max: 1.2 }, y: { type: backdrop ? 'backdropCategory' : 'category' } } },
  plugins: backdrop ? [backdropPlugin] : [],
});
const radar = (backdrop) => ({
  type: 'radar',
  data: { labels, datasets: datasets(0) },
  options: { animation: false, responsive: false, scales: { r: { type: backdrop ? 'backdropRadialLinear' : 'radialLinear', min: 0, max: 1.2 } } },
  plugins: backdrop ? [backdropPlugin] : [],
});
const canvas = () => document.body.appendChild(Object.assign(document.createElement('canvas'), { width: 420, height: 260 }));
const charts = [bar(false), bar(true), radar(false), radar(true)].map((config) => new Chart(canvas(), config));
const snapshot = () => charts.map((chart) => chart.canvas.toDataURL());
const steps = { drawn: snapshot() };

// Text drawn per canvas: a backdrop put back as a picture draws none.
const texts = new Map();
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (...args) {
  texts.set(this.canvas, (texts.get(this.canvas) ?? 0) + 1);
  return fillText.apply(this, args);
};

// New values on the same layout, redrawn without a new layout (as the app does while a slider moves).
for (const chart of charts) {
  chart.data.datasets.forEach((dataset, i) => dataset.data.splice(0, dataset.data.length, ...values(2)[i]));
  chart.data.datasets.forEach((_, i) => { const { controller } = chart.getDatasetMeta(i); controller.parse(0, labels.length); controller.update('none'); });
  chart.render();
}
steps.moved = snapshot();
window.textsWhenMoved = charts.map((chart) => texts.get(chart.canvas) ?? 0);

// A tooltip drawn over the redrawn backdrop.
for (const chart of charts) {
  chart.tooltip.setActiveElements([{ datasetIndex: 0, index: 1 }], { x: 100, y: 100 });
  chart.render();
}
steps.hovered = snapshot();
for (const chart of charts) {
  chart.tooltip.setActiveElements([], { x: 0, y: 0 });
  chart.render();
}

// A new layout, on the same canvas, then on a resized one: the picture of the old layout must not be shown.
for (const chart of charts) {
  chart.data.labels = [...labels.slice(1), 'A much longer label'];
  chart.update('none');
}
steps.relabelled = snapshot();
for (const chart of charts) {
  chart.resize(360, 300);
  chart.render();
}
steps.resized = snapshot();
window.steps = steps;
`;

for (const deviceScaleFactor of [1, 2]) {
  test(`charts that put back their backdrop picture look exactly like charts that draw it each time (device pixel ratio ${deviceScaleFactor})`, async ({ browser }) => {
    test.skip(target === 'electron', 'draws in a plain page; nothing in it depends on the desktop shell');
    const bundle = await build({ stdin: { contents: source, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false });
    const page = await browser.newPage({ deviceScaleFactor });
    await page.setContent('<body></body>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const steps = await page.evaluate(() => (window as unknown as { steps: Record<string, string[]> }).steps);
    const hash = (png: string) => createHash('sha256').update(png).digest('hex');
    // Chart.js's own scales wrote their labels again; the backdrop charts wrote none.
    const texts = await page.evaluate(() => (window as unknown as { textsWhenMoved: number[] }).textsWhenMoved);
    expect(texts[0]).toBeGreaterThan(0);
    expect(texts[2]).toBeGreaterThan(0);
    expect([texts[1], texts[3]]).toEqual([0, 0]);
    expect(Object.keys(steps)).toEqual(['drawn', 'moved', 'hovered', 'relabelled', 'resized']);
    for (const [step, [plainBar, backdropBar, plainRadar, backdropRadar]] of Object.entries(steps)) {
      expect(plainBar.length, step).toBeGreaterThan(1000);
      expect(hash(backdropBar), `bar chart, ${step}`).toBe(hash(plainBar));
      expect(hash(backdropRadar), `radar, ${step}`).toBe(hash(plainRadar));
    }
    // The steps changed the pictures, so the comparisons above compared different drawings.
    expect(new Set(Object.values(steps).map(([plainBar]) => hash(plainBar))).size).toBe(5);
    // The canvas holds device pixels: twice as many each way on a high-density screen.
    expect(await page.evaluate(() => document.querySelector('canvas')!.width)).toBe(360 * deviceScaleFactor);
    await page.close();
  });
}
