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

/** Radar: one polygon per option, each spoke a criterion's score mapped onto 0..1 (unweighted). */
export function profileSeries(decision: Decision): ChartSeries {
  const cell = new Map(decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s.value]));
  return {
    labels: decision.criteria.map((c) => c.name),
    series: decision.options.map((o) => ({
      label: o.name,
      values: decision.criteria.map((c) => {
        const value = cell.get(`${o.id}:${c.id}`);
        if (value === null || value === undefined) return null;
        const mapped = (value - c.scale.min) / (c.scale.max - c.scale.min);
        return c.direction === 'benefit' ? mapped : 1 - mapped;
      }),
    })),
  };
}
