import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
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
import { stackSegments, type ChartSeries } from './chart-data';
import { seriesColour } from './palette';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

/**
 * Records on the canvas when and how often it was drawn, and which label leads: what tests
 * and the benchmark read, since a canvas has no text to inspect.
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
    const labels = (chart.data.labels as (string | string[])[]).map((l) => (Array.isArray(l) ? l.join(' ') : l));
    const amount = (v: unknown) => (Array.isArray(v) ? v[1] - v[0] : Number(v) || 0);
    const totals = labels.map((_, i) => chart.data.datasets.reduce((sum, d) => sum + amount(d.data[i]), 0));
    const best = totals.reduce((b, t, i) => (t > totals[b] ? i : b), 0);
    canvas.dataset.series = JSON.stringify(chart.data.datasets.map((d) => d.label));
    if ((chart.config as ChartConfiguration).type === 'bar') canvas.dataset.leader = labels[best] ?? '';
  },
};

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
        datasets: data.series.map((s, i) => ({ label: s.label, data: values[i], backgroundColor: seriesColour(i, 0.85), borderWidth: 0, grouped: false })),
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
          legend: { display: data.series.length <= MAX_LEGEND_ITEMS, position: 'bottom', labels: { color: colour, boxWidth: 12 } },
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
        borderColor: seriesColour(i),
        backgroundColor: seriesColour(i, 0.15),
        pointBackgroundColor: seriesColour(i),
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { r: { min: 0, ticks: { display: false }, pointLabels: { color: colour } } },
      normalized: true,
      plugins: { legend: { display: data.series.length <= MAX_LEGEND_ITEMS, position: 'bottom', labels: { color: colour, boxWidth: 12 } } },
    },
    plugins: [drawRecorder],
  };
}

/** Past this many series a legend costs more than it tells: the matrix and tooltips name them. */
const MAX_LEGEND_ITEMS = 12;

/**
 * `<canvas {@attach chart('contribution', () => data)}>`: creates the chart once, redraws it in
 * place (no animation) whenever the data it reads changes, and destroys it with the canvas.
 */
export function chart(kind: Kind, data: () => ChartSeries): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const instance = new Chart(canvas, configFor(kind, untrack(data)));
    $effect(() => {
      const next = data();
      const values = chartValues(kind, next);
      instance.data.labels = chartLabels(kind, next.labels);
      next.series.forEach((s, i) => {
        const dataset = instance.data.datasets[i];
        if (dataset) {
          dataset.label = s.label;
          dataset.data = values[i];
        } else {
          const fresh = configFor(kind, { labels: next.labels, series: next.series }).data.datasets[i];
          instance.data.datasets.push(fresh);
        }
      });
      instance.data.datasets.length = next.series.length;
      if (instance.options.plugins?.legend) instance.options.plugins.legend.display = next.series.length <= MAX_LEGEND_ITEMS;
      instance.update('none');
    });
    return () => instance.destroy();
  };
}
