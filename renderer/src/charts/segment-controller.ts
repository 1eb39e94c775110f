import { BarController, type BarElement } from 'chart.js';
import type { Segment } from './chart-data';

declare module 'chart.js' {
  interface ChartTypeRegistry {
    /** The contribution chart: floating horizontal segments laid end to end (see SegmentController). */
    segments: ChartTypeRegistry['bar'];
  }
}

/** A bar's geometry as the controller last set it (BarElement's typings declare only x and y). */
type Bar = BarElement & { base: number; height: number; inflateAmount?: number; hidden?: boolean };

/**
 * Chart.js's bar controller for the contribution chart's floating horizontal segments (one
 * dataset per criterion, one segment per option), with two changes for a slider drag, where every
 * input moves every segment:
 *
 * - `placeValues()` moves the segments' ends along the value axis and leaves each row where the
 *   last full update laid it out, for redraws where only values changed (the value axis is fixed).
 *   Chart.js's own pass would do the same arithmetic, but it looks across every dataset for every
 *   bar, so its cost grows with the square of the number of criteria.
 * - `draw()` fills each segment's rectangle without the bar element's save and restore, border and
 *   corner geometry: the segments have none, and one colour per dataset (a hovered one keeps its
 *   own). The pixels are the bar element's own: the same rectangles, grown by the same
 *   inflateAmount, filled one by one.
 */
export class SegmentController extends BarController {
  static override id = 'segments';

  placeValues(): void {
    const meta = this.getMeta();
    const axis = meta.vScale!;
    const zero = axis.getPixelForValue(0);
    // Like the bar controller, a bar that starts on the zero line starts half that line later, so as not to cover it.
    const zeroLine = axis.getLineWidthForValue(0) / 2;
    const data = this.getDataset().data as (Segment | null)[];
    this.parse(0, data.length);
    const bars = meta.data as (Bar & { width: number })[];
    data.forEach((segment, i) => {
      if (!segment) return;
      const head = axis.getPixelForValue(segment[1]);
      let base = axis.getPixelForValue(segment[0]);
      if (base === zero) base += Math.sign(head - base) * zeroLine;
      const bar = bars[i];
      bar.base = base;
      bar.x = head;
      bar.width = Math.abs(head - base);
    });
  }

  override draw(): void {
    const ctx = this.chart.ctx;
    const data = this.getDataset().data as (Segment | null)[];
    let colour: unknown;
    (this.getMeta().data as Bar[]).forEach((bar, i) => {
      if (!data[i] || bar.hidden) return;
      const { x, y, base, height } = bar;
      const grow = bar.inflateAmount ?? 0;
      if (bar.options.backgroundColor !== colour) {
        colour = bar.options.backgroundColor;
        ctx.fillStyle = colour as string;
      }
      // One rectangle per fill, as the bar element draws it: a path of several is antialiased differently.
      ctx.beginPath();
      ctx.rect(Math.min(x, base) - grow, y - height / 2 - grow, Math.abs(x - base) + 2 * grow, height + 2 * grow);
      ctx.fill();
    });
  }
}
