import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, target, test } from '../fixtures';

const root = join(import.meta.dirname, '../..');

/**
 * The contribution chart's segments are placed and filled by the app's own controller; this draws
 * the same data with chart.js's bar controller beside it and compares the canvases pixel for
 * pixel, so a chart.js upgrade that changes how bars are placed or painted is caught here.
 */
const source = `
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { SegmentController } from './renderer/src/charts/segment-controller';
import { stackSegments } from './renderer/src/charts/chart-data';

Chart.register(BarController, SegmentController, BarElement, CategoryScale, LinearScale);

const labels = ['Alpha', 'Beta', 'Gamma', 'Delta'];
const series = (shift) => [0.2, 0.05, 0.3, 0.1, 0.25].map((weight, c) => ({
  label: 'C' + c,
  // One empty cell, and some segments of zero width.
  values: labels.map((_, o) => (o === 2 && c === 1 ? null : weight * (((o + c + shift) % 5) / 4))),
}));
const colours = ['#4878d0', '#ee854a', '#6acc64', '#d65f5f', '#956cb4'];
const config = (type, values) => ({
  type,
  data: { labels, datasets: values.map((data, i) => ({ label: 'C' + i, data, backgroundColor: colours[i], borderWidth: 0, grouped: false })) },
  options: { animation: false, responsive: false, indexAxis: 'y', scales: { x: { min: 0, max: 1 } } },
});
const canvas = () => document.body.appendChild(Object.assign(document.createElement('canvas'), { width: 400, height: 240 }));

const before = stackSegments(series(0));
const after = stackSegments(series(1));
// chart.js's bar controller, drawn from scratch with the second values.
new Chart(canvas(), config('bar', after));
// The segment controller, drawn with the first values, then moved to the second without a new layout.
const moved = new Chart(canvas(), config('segments', before));
// Refilled in place, as the app does.
moved.data.datasets.forEach((dataset, i) => dataset.data.splice(0, dataset.data.length, ...after[i]));
moved.data.datasets.forEach((_, i) => moved.getDatasetMeta(i).controller.placeValues());
moved.render();
window.drawn = [...document.querySelectorAll('canvas')].map((c) => c.toDataURL());
`;

test('the segment controller places and fills bars exactly as chart.js’s bar controller does', async ({ page: browser }) => {
  test.skip(target === 'electron', 'draws in a plain page; nothing in it depends on the desktop shell');
  const bundle = await build({ stdin: { contents: source, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false });
  await browser.setContent('<body></body>');
  await browser.addScriptTag({ content: bundle.outputFiles[0].text });
  const drawn = await browser.evaluate(() => (window as unknown as { drawn: string[] }).drawn);
  const [barController, segmentController] = drawn.map((png) => createHash('sha256').update(png).digest('hex'));
  expect(drawn[0].length).toBeGreaterThan(1000);
  expect(segmentController).toBe(barController);
});
