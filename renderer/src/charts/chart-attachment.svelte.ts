import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { colourOf, stackSegments, type ChartSeries } from './chart-data';
import { seriesColour } from './palette';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);

/**
 * Records on the canvas when and how often it was drawn: what tests and the benchmark read,
 * since a canvas has no text to inspect. Kept to two attribute writes, since it runs on every draw.
 */
const drawRecorder: Plugin = {
  id: 'decision-matrix-draw-recorder',
  beforeUpdate(chart) {
    chart.canvas.dataset.updateStartedAt = String(performance.now());
  },
  afterDraw(chart) {
    const canvas = chart.canvas;
    canvas.dataset.draws = String(Number(canvas.dataset.draws ?? 0) + 1);
    canvas.dataset.drawnAt = String(performance.now());
  },
};

/** Which series are drawn, and (bar chart) which label has the largest stack: written only when they change. */
function describe(canvas: HTMLCanvasElement, kind: Kind, data: ChartSeries): void {
  const series = JSON.stringify(data.series.map((s) => s.label));
  if (canvas.dataset.series !== series) canvas.dataset.series = series;
  if (kind !== 'contribution') return;
  let best = -1;
  let bestTotal = -Infinity;
  data.labels.forEach((_, i) => {
    const total = data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
    if (total > bestTotal) [best, bestTotal] = [i, total];
  });
  const leader = data.labels[best] ?? '';
  if (canvas.dataset.leader !== leader) canvas.dataset.leader = leader;
}

function textColour(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim() || '#555';
}

type Kind = 'contribution' | 'profile';

/** Breaks a long spoke label into lines so the radar keeps it whole instead of cutting it off. */
export function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [label];
}

const chartLabels = (kind: Kind, labels: string[]) => (kind === 'profile' ? labels.map((l) => wrapLabel(l)) : labels);
const chartValues = (kind: Kind, data: ChartSeries) => (kind === 'contribution' ? stackSegments(data.series) : data.series.map((s) => s.values));

function configFor(kind: Kind, data: ChartSeries): ChartConfiguration {
  const colour = textColour();
  const values = chartValues(kind, data);
  if (kind === 'contribution') {
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        // Floating segments laid end to end (see stackSegments), all in one row per option.
        datasets: data.series.map((s, i) => ({ label: s.label, data: values[i], backgroundColor: seriesColour(colourOf(s, i), 0.85), borderWidth: 0, grouped: false })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: 'y',
        scales: {
          x: { min: 0, max: 1, ticks: { color: colour, callback: (v) => `${Math.round(Number(v) * 100)}%` } },
          y: { ticks: { color: colour, autoSkip: false } },
        },
        normalized: true,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const [start, end] = item.raw as [number, number];
                return `${item.dataset.label}: ${((end - start) * 100).toFixed(1)} points`;
              },
            },
          },
        },
      },
      plugins: [drawRecorder],
    };
  }
  return {
    type: 'radar',
    data: {
      labels: chartLabels(kind, data.labels),
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: values[i],
        borderColor: seriesColour(colourOf(s, i)),
        backgroundColor: seriesColour(colourOf(s, i), 0.15),
        pointBackgroundColor: seriesColour(colourOf(s, i)),
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { r: { min: 0, ticks: { display: false }, pointLabels: { color: colour } } },
      normalized: true,
    },
    plugins: [drawRecorder],
  };
}

/**
 * `<canvas {@attach chart('contribution', () => data)}>`: creates the chart once, redraws it in
 * place (no animation) whenever the data it reads changes, and destroys it with the canvas.
 */
export function chart(kind: Kind, data: () => ChartSeries): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const initial = untrack(data);
    const instance = new Chart(canvas, configFor(kind, initial));
    describe(canvas, kind, initial);
    $effect(() => {
      const next = data();
      const values = chartValues(kind, next);
      instance.data.labels = chartLabels(kind, next.labels);
      const fresh = next.series.length > instance.data.datasets.length ? configFor(kind, next).data.datasets : [];
      next.series.forEach((s, i) => {
        const dataset = instance.data.datasets[i];
        if (!dataset) {
          instance.data.datasets.push(fresh[i]);
          return;
        }
        dataset.label = s.label;
        // Refilled in place: a new array would make chart.js wrap its methods again on every input.
        const target = dataset.data as unknown[];
        target.length = values[i].length;
        values[i].forEach((v, j) => (target[j] = v));
        // Which series sits at which place can change as weights move (the heaviest criteria, the leading options).
        const colour = colourOf(s, i);
        if (kind === 'profile') Object.assign(dataset, { borderColor: seriesColour(colour), backgroundColor: seriesColour(colour, 0.15), pointBackgroundColor: seriesColour(colour) });
        else dataset.backgroundColor = seriesColour(colour, 0.85);
      });
      instance.data.datasets.length = next.series.length;
      instance.update('none');
      describe(canvas, kind, next);
    });
    return () => instance.destroy();
  };
}
