import { CategoryScale, LinearScale, RadialLinearScale, type Chart, type ChartArea, type Plugin, type Scale } from 'chart.js';

declare module 'chart.js' {
  interface CartesianScaleTypeRegistry {
    backdropLinear: CartesianScaleTypeRegistry['linear'];
    backdropCategory: CartesianScaleTypeRegistry['category'];
  }
  interface RadialScaleTypeRegistry {
    backdropRadialLinear: RadialScaleTypeRegistry['radialLinear'];
  }
}

/**
 * A chart's backdrop: its axes, grid and labels, everything drawn before the data. Between two
 * layouts it does not change (both charts' value scales are fixed and their labels stay), yet
 * chart.js draws it again on every redraw, text and all: half of a chart's redraw while a slider
 * moves. So the backdrop is kept as a picture of the canvas taken just before the data was first
 * drawn on a layout, and later redraws put that picture back instead of drawing it again.
 */
interface Backdrop {
  picture: HTMLCanvasElement;
  /** The picture is of the current layout. */
  current: boolean;
  /** This draw put the picture back, so the scales draw nothing. */
  shown: boolean;
}

const backdrops = new WeakMap<Chart, Backdrop>();

const shownOn = (chart: Chart): boolean => backdrops.get(chart)?.shown === true;

/** chart.js's linear scale, drawn from the backdrop picture when one is shown. */
export class BackdropLinearScale extends LinearScale {
  static override id = 'backdropLinear';
  override draw(chartArea: ChartArea): void {
    if (!shownOn(this.chart)) super.draw(chartArea);
  }
}

/** chart.js's category scale, drawn from the backdrop picture when one is shown. */
export class BackdropCategoryScale extends CategoryScale {
  static override id = 'backdropCategory';
  override draw(chartArea: ChartArea): void {
    if (!shownOn(this.chart)) super.draw(chartArea);
  }
}

/** chart.js's radial scale (the radar's rings, spokes and their labels), drawn from the backdrop picture when one is shown. */
export class BackdropRadialLinearScale extends RadialLinearScale {
  static override id = 'backdropRadialLinear';
  override draw(chartArea: ChartArea): void {
    if (!shownOn(this.chart)) super.draw(chartArea);
  }
}

const knowsBackdrop = (scale: Scale) =>
  scale instanceof BackdropLinearScale || scale instanceof BackdropCategoryScale || scale instanceof BackdropRadialLinearScale;

/**
 * Takes and shows the backdrop picture. Only for a chart whose scales are all the Backdrop ones
 * above (any other would be drawn twice) and which draws nothing else before its data.
 */
export const backdropPlugin: Plugin = {
  id: 'decision-matrix-backdrop',
  // Every chart.update() and resize lays the chart out again: the picture is of the old layout.
  afterLayout(chart) {
    const backdrop = backdrops.get(chart);
    if (backdrop) backdrop.current = false;
  },
  beforeDraw(chart) {
    let backdrop = backdrops.get(chart);
    if (!backdrop) backdrops.set(chart, (backdrop = { picture: document.createElement('canvas'), current: false, shown: false }));
    const { canvas, ctx } = chart;
    const { picture } = backdrop;
    backdrop.shown = backdrop.current && picture.width === canvas.width && picture.height === canvas.height;
    if (!backdrop.shown) return;
    // Pixel for pixel onto the canvas chart.js has just cleared.
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(picture, 0, 0);
    ctx.restore();
  },
  beforeDatasetsDraw(chart) {
    const backdrop = backdrops.get(chart);
    if (!backdrop || backdrop.shown || !Object.values(chart.scales).every(knowsBackdrop)) return;
    const { canvas } = chart;
    const { picture } = backdrop;
    picture.width = canvas.width;
    picture.height = canvas.height;
    const ctx = picture.getContext('2d')!;
    ctx.clearRect(0, 0, picture.width, picture.height);
    ctx.drawImage(canvas, 0, 0);
    backdrop.current = true;
  },
  afterDestroy(chart) {
    backdrops.delete(chart);
  },
};
