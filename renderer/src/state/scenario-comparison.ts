import type { ScenarioSummary } from '../../../core/contract';
import { weighDecision, type PreparedDecision } from '../../../core/decision-scoring';

/**
 * The current weights and every saved scenario side by side: each option's total and rank under
 * each, the change of rank from the current weights, and which scenarios the current weights
 * equal. A scenario is weighed as applying it would leave the sliders: its weights, and the
 * current slider value of any criterion added since it was kept.
 */

export interface ComparisonColumn {
  /** 'current', or the scenario's id. */
  key: 'current' | number;
  name: string;
  /** Why this column has no totals (its weights cannot be scored), or null. */
  problem: string | null;
  /** Criteria added since the scenario was kept, weighed at their current slider value. */
  newCriteria: number;
}

export interface ComparisonCell {
  total: number | null;
  rank: number | null;
  /** Places gained against the current weights (positive: higher up); null when either is unranked. */
  change: number | null;
}

export interface ScenarioComparison {
  columns: ComparisonColumn[];
  /** One row per option, in the decision's order; cells in the columns' order. */
  rows: { optionId: number; name: string; cells: ComparisonCell[] }[];
  /** The scenarios whose weights (normalised) equal the current ones. */
  sameAsCurrent: string[];
}

/** Weights equal as shares within this (the stored weights are the sliders' numbers, not rounded shares). */
const SAME_SHARE = 1e-9;

function shares(ids: readonly number[], weightOf: (id: number) => number): number[] | null {
  const raw = ids.map(weightOf);
  const sum = raw.reduce((a, b) => a + b, 0);
  return sum > 0 && Number.isFinite(sum) ? raw.map((w) => w / sum) : null;
}

/**
 * currentWeight: the effective weight each criterion has now (what the totals use);
 * sliderWeight: its slider value (what applying a scenario keeps for a criterion it lacks).
 */
export function compareScenarios(
  prepared: PreparedDecision,
  currentWeight: (criterionId: number) => number,
  sliderWeight: (criterionId: number) => number,
  scenarios: readonly ScenarioSummary[],
): ScenarioComparison {
  const ids = prepared.criterionIds;
  const weighings = [
    { key: 'current' as const, name: 'Current weights', weightOf: currentWeight, newCriteria: 0 },
    ...scenarios.map((s) => ({
      key: s.id,
      name: s.name,
      weightOf: (id: number) => (Object.hasOwn(s.weights, id) ? s.weights[id] : sliderWeight(id)),
      newCriteria: ids.filter((id) => !Object.hasOwn(s.weights, id)).length,
    })),
  ];
  const scored = weighings.map((w) => weighDecision(prepared, w.weightOf));
  const columns: ComparisonColumn[] = weighings.map((w, i) => {
    const result = scored[i];
    return { key: w.key, name: w.name, problem: result.ok ? null : result.error.message, newCriteria: w.newCriteria };
  });
  const current = scored[0];
  const rows = prepared.options.map((option, o) => ({
    optionId: option.id,
    name: option.name,
    cells: scored.map((result) => {
      if (!result.ok) return { total: null, rank: null, change: null };
      const { total, rank } = result.value.options[o];
      const now = current.ok ? current.value.options[o].rank : null;
      return { total, rank, change: rank !== null && now !== null ? now - rank : null };
    }),
  }));
  const now = shares(ids, currentWeight);
  const sameAsCurrent =
    now === null
      ? []
      : weighings.slice(1).flatMap((w) => {
          const theirs = shares(ids, w.weightOf);
          return theirs !== null && theirs.every((x, j) => Math.abs(x - now[j]) < SAME_SHARE) ? [w.name] : [];
        });
  return { columns, rows, sameAsCurrent };
}
