import {
  BarElement,
  Chart,
  Filler,
  LineElement,
  PointElement,
  RadarController,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { BackdropCategoryScale, BackdropLinearScale, BackdropRadialLinearScale, backdropPlugin } from './backdrop';
import { colourOf, fitLabel, stackSegments, type ChartSeries, type Segment, type Series } from './chart-data';
import { seriesColour } from './palette';
import { SegmentController } from './segment-controller';

Chart.register(SegmentController, BarElement, BackdropCategoryScale, BackdropLinearScale, RadarController, BackdropRadialLinearScale, PointElement, LineElement, Filler, Tooltip);

/**
 * How often and when a chart was drawn, how often it was laid out (a full chart.update), and when
 * its latest redraw began: what tests and the benchmark read, since a canvas has no text to
 * inspect. Kept as a property of the canvas, not attributes, since it is written on every draw.
 */
export interface DrawRecord {
  draws: number;
  layouts: number;
  drawnAt: number;
  redrawStartedAt: number;
}

export function drawRecordOf(canvas: HTMLCanvasElement): DrawRecord {
  const holder = canvas as HTMLCanvasElement & { drawRecord?: DrawRecord };
  return (holder.drawRecord ??= { draws: 0, layouts: 0, drawnAt: 0, redrawStartedAt: 0 });
}

const drawRecorder: Plugin = {
  id: 'decision-matrix-draw-recorder',
  afterUpdate(chart) {
    drawRecordOf(chart.canvas).layouts++;
  },
  afterDraw(chart) {
    const record = drawRecordOf(chart.canvas);
    record.draws++;
    record.drawnAt = performance.now();
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

type Kind = 'contribution' | 'profile';

/**
 * The axes in the theme's colours (muted text, border-coloured grid), read from the page's CSS so
 * that they follow the light or dark theme; chart.js's defaults are dark lines, lost on a dark page.
 */
/**
 * The radar's ticks are not shown, but chart.js still formats them, by default with
 * Intl.NumberFormat, whose first use in a page costs tens of milliseconds of a cold start.
 */
const hiddenTick = () => '';

function scalesFor(kind: Kind): ScaleOptions {
  const style = getComputedStyle(document.documentElement);
  const text = style.getPropertyValue('--text-muted').trim() || '#555';
  const line = style.getPropertyValue('--border').trim() || 'rgba(0, 0, 0, 0.1)';
  if (kind === 'contribution') {
    return {
      x: { type: 'backdropLinear', min: 0, max: 1, ticks: { color: text, callback: (v) => `${Math.round(Number(v) * 100)}%` }, grid: { color: line }, border: { color: line } },
      // Rows need no lines between them; the value axis keeps its grid.
      y: { type: 'backdropCategory', ticks: { color: text, autoSkip: false }, grid: { display: false }, border: { color: line } },
    };
  }
  // Fixed, so that new weights move the polygons without laying the chart out again.
  return { r: { type: 'backdropRadialLinear', min: 0, max: 1, ticks: { display: false, callback: hiddenTick }, pointLabels: { color: text }, grid: { color: line }, angleLines: { color: line } } };
}
type ScaleOptions = NonNullable<ChartConfiguration['options']>['scales'];

/**
 * The labels as drawn: wrapped, and ended with a visible "…" where they are too long for the room
 * beside the bars (two lines) or around the radar (three), instead of being cut off at the
 * canvas's edge. The full names are in the tooltips, the legend, the ranking and the matrix.
 */
const chartLabels = (kind: Kind, labels: string[]) =>
  kind === 'profile' ? labels.map((l) => fitLabel(l, 96, 3, labelWidth)) : labels.map((l) => fitLabel(l, 120, 2, labelWidth));

let measuring: CanvasRenderingContext2D | null = null;
/** A label's width in CSS pixels, in the font chart.js draws ticks and point labels in. */
function labelWidth(text: string): number {
  if (!measuring) {
    measuring = document.createElement('canvas').getContext('2d')!;
    const { size, family, style, weight } = Chart.defaults.font;
    measuring.font = `${style ?? 'normal'} ${weight ?? 'normal'} ${size ?? 12}px ${family ?? 'sans-serif'}`;
  }
  return measuring.measureText(text).width;
}
/** What chart.js draws: floating segments for the bars; shares of the outer ring for the radar, whose scale stays 0..1. */
function chartValues(kind: Kind, data: ChartSeries): (Segment | number | null)[][] {
  if (kind === 'contribution') return stackSegments(data.series);
  const ring = data.outerRing || 1;
  return data.series.map((s) => s.values.map((v) => (v === null ? null : v / ring)));
}

/**
 * Whether the chart keeps its layout, so that new data can be drawn without a new one
 * (redrawValues): the same labels (the bars' rows, the radar's spokes) and the same number of
 * series. Series names are read from the data when a tooltip shows, and empty cells are skipped
 * when drawing, so neither needs a new layout.
 */
function sameLayout(a: ChartSeries, b: ChartSeries): boolean {
  if (a.labels.length !== b.labels.length || a.series.length !== b.series.length) return false;
  return a.labels.every((label, i) => label === b.labels[i]);
}

/** The places whose series is drawn in another colour than before (every new place counts). */
function recolouredPlaces(a: ChartSeries, b: ChartSeries): Set<number> {
  const changed = new Set<number>();
  b.series.forEach((s, i) => {
    if (i >= a.series.length || colourOf(a.series[i], i) !== colourOf(s, i)) changed.add(i);
  });
  return changed;
}

/** A tooltip line: the series and the points it stands for, read from the latest data (not the drawn shares). */
function pointsLabel(latest: () => ChartSeries) {
  return (item: TooltipItem<ChartType>) => {
    const series = latest().series[item.datasetIndex];
    return `${series?.label ?? ''}: ${((series?.values[item.dataIndex] ?? 0) * 100).toFixed(1)} points`;
  };
}

/** A tooltip's title: the row's or spoke's whole name, though the axis may show it shortened (chartLabels). */
function fullLabel(latest: () => ChartSeries) {
  return (items: TooltipItem<ChartType>[]) => latest().labels[items[0]?.dataIndex ?? -1] ?? '';
}

/** A series' colours, from its place in the palette: filled segments; radar outline, fill and points. */
function seriesColours(kind: Kind, series: Series, place: number) {
  const colour = colourOf(series, place);
  if (kind === 'contribution') return { backgroundColor: seriesColour(colour, 0.85) };
  return { borderColor: seriesColour(colour), backgroundColor: seriesColour(colour, 0.15), pointBackgroundColor: seriesColour(colour) };
}

function configFor(kind: Kind, data: ChartSeries, latest: () => ChartSeries): ChartConfiguration {
  const values = chartValues(kind, data);
  if (kind === 'contribution') {
    return {
      type: 'segments',
      data: {
        labels: chartLabels(kind, data.labels),
        // Floating segments laid end to end (see stackSegments), all in one row per option.
        datasets: data.series.map((s, i) => ({ label: s.label, data: values[i], ...seriesColours(kind, s, i), borderWidth: 0, grouped: false })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: 'y',
        scales: scalesFor(kind),
        normalized: true,
        plugins: { tooltip: { callbacks: { title: fullLabel(latest), label: pointsLabel(latest) } } },
      },
      plugins: [drawRecorder, backdropPlugin],
    };
  }
  return {
    type: 'radar',
    data: {
      labels: chartLabels(kind, data.labels),
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: values[i],
        ...seriesColours(kind, s, i),
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: scalesFor(kind),
      normalized: true,
      plugins: { tooltip: { callbacks: { title: fullLabel(latest), label: pointsLabel(latest) } } },
    },
    plugins: [drawRecorder, backdropPlugin],
  };
}

/**
 * Draws new data on the layout in place (see sameLayout): the elements are placed again (chart.js's
 * own configure, parse and update for the radar, the segment controller's placeValues for the
 * bars) and the chart draws. What chart.update() adds, rebuilding options and measuring every
 * label to lay out the scales, is skipped: both value scales are fixed and the labels are the
 * same, so the layout it would compute is the one already in place. An e2e test compares the
 * result, pixel for pixel, with the chart drawn from scratch.
 */
function redrawValues(instance: Chart, recoloured: Set<number>): void {
  instance.data.datasets.forEach((dataset, i) => {
    const { controller } = instance.getDatasetMeta(i);
    if (controller instanceof SegmentController) controller.placeValues();
    else {
      // New colours are read again from the dataset, as chart.update() has its controllers do.
      if (recoloured.has(i)) controller.configure();
      controller.parse(0, dataset.data.length);
      controller.update('none');
    }
  });
  instance.render();
}

/** Gives the chart the new labels, number of series and colours; names and values are filled in by the caller. */
function restyle(instance: Chart, kind: Kind, next: ChartSeries, latest: () => ChartSeries): void {
  instance.data.labels = chartLabels(kind, next.labels);
  const fresh = next.series.length > instance.data.datasets.length ? configFor(kind, next, latest).data.datasets : [];
  next.series.forEach((s, i) => {
    const dataset = instance.data.datasets[i];
    if (!dataset) {
      instance.data.datasets.push(fresh[i]);
      return;
    }
    // Which series sits at which place can change as weights move (the heaviest criteria, the leading options).
    Object.assign(dataset, seriesColours(kind, s, i));
  });
  instance.data.datasets.length = next.series.length;
}

/**
 * `<canvas {@attach chart('contribution', () => data)}>`: creates the chart once, redraws it in
 * place (no animation) whenever the data it reads changes, and destroys it with the canvas.
 *
 * `afterLayout`: the chart is created once its box is laid out (its first ResizeObserver
 * notice, which comes after the frame's layout and before its paint, so it is still drawn in
 * the first frame). Created at once, chart.js reads the box's size and styles in the middle of
 * the page being built, and the whole new page is laid out for it, once per chart (the app's
 * cold start); the report, which marks itself ready a frame after mounting, draws at once.
 */
export function chart(kind: Kind, data: () => ChartSeries, { afterLayout = false } = {}): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let current = untrack(data);
    const latest = () => current;
    let instance: Chart | null = null;
    const create = () => {
      instance = new Chart(canvas, configFor(kind, current, latest));
      describe(canvas, kind, current);
    };
    let laidOut: ResizeObserver | null = null;
    if (afterLayout && canvas.parentElement) {
      laidOut = new ResizeObserver(() => {
        laidOut?.disconnect();
        laidOut = null;
        create();
      });
      laidOut.observe(canvas.parentElement);
    } else create();
    $effect(() => {
      const next = data();
      // The first run reads what the chart was just built from.
      if (next === current) return;
      if (!instance) {
        // Not created yet: it will be, from the latest data.
        current = next;
        return;
      }
      drawRecordOf(canvas).redrawStartedAt = performance.now();
      const recoloured = recolouredPlaces(current, next);
      // The segments' colours go by place, so they change only with the number of series (a new layout).
      const relaid = !sameLayout(current, next) || (recoloured.size > 0 && kind === 'contribution');
      current = next;
      if (relaid || recoloured.size > 0) restyle(instance, kind, next, latest);
      const values = chartValues(kind, next);
      instance.data.datasets.forEach((dataset, i) => {
        dataset.label = next.series[i].label;
        // Refilled in place: a new array would make chart.js wrap its methods again on every input.
        const target = dataset.data as unknown[];
        target.length = values[i].length;
        values[i].forEach((v, j) => (target[j] = v));
      });
      if (relaid) instance.update('none');
      else redrawValues(instance, recoloured);
      describe(canvas, kind, next);
    });
    // The system switching between light and dark while the app is open.
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const retheme = () => {
      if (!instance) return;
      instance.options.scales = scalesFor(kind);
      instance.update('none');
    };
    scheme.addEventListener('change', retheme);
    return () => {
      laidOut?.disconnect();
      scheme.removeEventListener('change', retheme);
      instance?.destroy();
    };
  };
}
