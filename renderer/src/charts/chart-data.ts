import type { Decision } from '../../../core/model';
import type { DecisionScores } from '../../../core/scoring';

export interface Series {
  label: string;
  values: (number | null)[];
}

export interface ChartSeries {
  labels: string[];
  series: Series[];
}

/** Stacked bars: one bar per option, one stacked segment per criterion (its weighted contribution). */
export function contributionSeries(decision: Decision, scores: DecisionScores): ChartSeries {
  return {
    labels: decision.options.map((o) => o.name),
    series: decision.criteria.map((c) => ({
      label: c.name,
      values: scores.options.map((o) => (o.missingCriterionIds.includes(c.id) ? null : o.contributions[c.id])),
    })),
  };
}

/**
 * Radar: one polygon per option, each spoke the points it earns on a criterion under the current
 * weights (weight × score placed on 0..1), so the shape moves with the sliders.
 */
export function profileSeries(decision: Decision, scores: DecisionScores): ChartSeries {
  return {
    labels: decision.criteria.map((c) => c.name),
    series: scores.options.map((o) => ({
      label: o.name,
      values: decision.criteria.map((c) => (o.missingCriterionIds.includes(c.id) ? null : o.contributions[c.id])),
    })),
  };
}
