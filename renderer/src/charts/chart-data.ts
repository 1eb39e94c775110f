import type { Criterion, Decision } from '../../../core/model';
import type { DecisionScores, OptionScore } from '../../../core/decision-scoring';

export interface Series {
  label: string;
  values: (number | null)[];
  /** Which colour of the palette the series keeps, however the series are ordered or filtered; its position when omitted. */
  colour?: number;
}

/** The palette index a series is drawn in. */
export const colourOf = (series: Series, index: number): number => series.colour ?? index;

export interface ChartSeries {
  labels: string[];
  series: Series[];
  /**
   * Radar only: the points its outer ring stands for, the weight of the heaviest spoke (the most
   * any option can earn on one spoke). Values are drawn as shares of it on a fixed scale.
   */
  outerRing?: number;
}

/**
 * Past this many criteria a chart draws the heaviest ones and sums the rest into one series. The
 * palette's ninth hue comes back within 20° of its first (see seriesColour), so more segments
 * could no longer be told apart by colour.
 */
export const MAX_CHARTED_CRITERIA = 8;

export interface ChartedCriteria {
  /** Drawn one by one, in matrix order. */
  shown: Criterion[];
  /** Summed into "Other criteria" (empty when every criterion fits). */
  grouped: Criterion[];
}

/**
 * Fifty coloured segments or spokes cannot be told apart and cost a chart far more to draw
 * than the eye can use; the matrix beside the charts still lists every criterion.
 */
export function chartedCriteria(criteria: Criterion[], weights: Record<number, number>): ChartedCriteria {
  if (criteria.length <= MAX_CHARTED_CRITERIA) return { shown: criteria, grouped: [] };
  const heaviest = new Set(
    [...criteria]
      .sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0))
      .slice(0, MAX_CHARTED_CRITERIA - 1)
      .map((c) => c.id),
  );
  return { shown: criteria.filter((c) => heaviest.has(c.id)), grouped: criteria.filter((c) => !heaviest.has(c.id)) };
}

/** Points an option earns on some criteria; null when none of them is scored. */
function pointsOn(scores: DecisionScores, option: OptionScore, criteria: Criterion[]): number | null {
  let sum = 0;
  let any = false;
  for (const c of criteria) {
    if (option.missingCriterionIds.includes(c.id)) continue;
    sum += scores.contribution(option.optionId, c.id);
    any = true;
  }
  return any ? sum : null;
}

function criterionSeries(scores: DecisionScores, charted: ChartedCriteria, option: OptionScore): (number | null)[] {
  const values = charted.shown.map((c) => pointsOn(scores, option, [c]));
  if (charted.grouped.length > 0) values.push(pointsOn(scores, option, charted.grouped));
  return values;
}

/** The weight each spoke or segment carries: a criterion's own, or the grouped criteria's sum. */
function criterionWeights(charted: ChartedCriteria, weights: Record<number, number>): number[] {
  const own = charted.shown.map((c) => weights[c.id] ?? 0);
  if (charted.grouped.length > 0) own.push(charted.grouped.reduce((sum, c) => sum + (weights[c.id] ?? 0), 0));
  return own;
}

function criterionLabels(charted: ChartedCriteria): string[] {
  const labels = charted.shown.map((c) => c.name);
  if (charted.grouped.length > 0) labels.push(`Other criteria (${charted.grouped.length})`);
  return labels;
}

/** Stacked bars: one bar per option, one segment per criterion (its weighted contribution). */
export function contributionSeries(decision: Pick<Decision, 'options'>, scores: DecisionScores, charted: ChartedCriteria): ChartSeries {
  const perOption = scores.options.map((o) => criterionSeries(scores, charted, o));
  return {
    labels: decision.options.map((o) => o.name),
    series: criterionLabels(charted).map((label, i) => ({ label, values: perOption.map((values) => values[i]) })),
  };
}

/** Fewer spokes than this draw a line, not a shape: the radar waits for more criteria. */
const MIN_PROFILE_SPOKES = 3;

/** More polygons than this on one radar hide each other; the ranking and the bar chart show every option. */
export const MAX_PROFILED_OPTIONS = 6;

/** What the radar's caption adds when it profiles only the leading options ('' when it shows them all). */
export function profileLimitNote(optionCount: number): string {
  return optionCount > MAX_PROFILED_OPTIONS ? `, for the ${MAX_PROFILED_OPTIONS} leading options` : '';
}

/**
 * What the radar still needs when it has too few spokes to draw ('' once it can draw): more
 * criteria, or, when there are enough but nothing can be scored (every weight zero), a weight.
 */
export function profileNeedsNote(profile: ChartSeries, criteria: readonly Pick<Criterion, 'weight'>[]): string {
  if (profile.labels.length >= MIN_PROFILE_SPOKES) return '';
  const missing = MIN_PROFILE_SPOKES - criteria.length;
  if (missing > 0) return `A profile needs at least ${MIN_PROFILE_SPOKES} criteria; add ${missing} more to draw it.`;
  if (!criteria.some((c) => c.weight > 0)) return 'A profile needs weights: give at least one criterion a weight above zero to draw it.';
  return 'A profile is drawn once the totals can be computed (see the ranking).';
}

/** What the radar's outer ring stands for, for its caption. */
export function outerRingNote(profile: ChartSeries): string {
  return `The outer ring is ${((profile.outerRing ?? 0) * 100).toFixed(1)} points, the most any option can earn on one spoke.`;
}

/**
 * Radar: one polygon per option, each spoke the points it earns on a criterion under the current
 * weights (weight × score placed on 0..1), so the shape moves with the sliders. The outer ring is
 * the heaviest spoke's weight: an option reaches it only with top marks on the heaviest criterion.
 * Past MAX_PROFILED_OPTIONS it profiles the leading options, kept in the decision's order and
 * colours, so that two leaders swapping places changes neither the polygons' order nor a colour.
 */
export function profileSeries(scores: DecisionScores, charted: ChartedCriteria): ChartSeries {
  const leading = new Set(scores.ranking.slice(0, MAX_PROFILED_OPTIONS));
  const profiled = scores.options.length <= MAX_PROFILED_OPTIONS ? scores.options : scores.options.filter((o) => leading.has(o.optionId));
  const position = new Map(scores.options.map((o, i) => [o.optionId, i]));
  return {
    labels: criterionLabels(charted),
    series: profiled.map((o) => ({ label: o.name, values: criterionSeries(scores, charted, o), colour: position.get(o.optionId) })),
    outerRing: Math.max(0, ...criterionWeights(charted, scores.weights)),
  };
}

export type Segment = [start: number, end: number];

/**
 * Turns per-criterion contributions into floating [start, end] segments laid end to end per
 * option. Drawing them as floating bars gives the stacked picture without chart.js's own
 * stacking, whose cost grows with the square of the number of criteria.
 */
export function stackSegments(series: Series[]): (Segment | null)[][] {
  const width = series[0]?.values.length ?? 0;
  const running = new Array<number>(width).fill(0);
  return series.map((s) =>
    s.values.map((value, i) => {
      if (value === null) return null;
      const start = running[i];
      running[i] = start + value;
      return [start, running[i]];
    }),
  );
}

/**
 * A chart label in at most `maxLines` lines no wider than `maxWidth`: broken between words, a
 * word too wide for a line shortened to end in "…", and a label with more lines than fit ending
 * in "…" on its last one. `measure` gives a text's width (the chart's font on a canvas; by
 * default its length in characters, counted as code points so that no pair is split).
 */
export function fitLabel(label: string, maxWidth: number, maxLines: number, measure: (text: string) => number = (text) => [...text].length): string[] {
  const cut = (text: string) => {
    const chars = [...text];
    while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
    return `${chars.join('').trimEnd()}…`;
  };
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const fitted = measure(word) > maxWidth ? cut(word) : word;
    if (line && measure(`${line} ${fitted}`) > maxWidth) {
      lines.push(line);
      line = fitted;
    } else line = line ? `${line} ${fitted}` : fitted;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.length ? lines : [label];
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1].replace(/…$/, '');
  kept[maxLines - 1] = measure(`${last}…`) > maxWidth ? cut(last) : `${last}…`;
  return kept;
}
