import type { Result } from '../result';
import type { AhpJudgment } from './ahp';
import { effectiveWeights, type EffectiveWeights, type Weighting, type WeightingMethod } from './index';
import type { RankEntry, RankRule } from './rank';

/**
 * Every method's inputs for one decision, as the store keeps them, beside the slider values
 * (each criterion's `weight`). Only `method` decides which ones count; the others wait, so a
 * team can try AHP and come back to its sliders, or its rank order, exactly as it left them.
 */
export interface WeightingInputs {
  method: WeightingMethod;
  rule: RankRule;
  /** Points out of 100 per criterion id (points). */
  points: Record<number, number>;
  /** Criterion ids, most important first; an inner list is a tie (rank). Empty until ranked. */
  order: RankEntry<number>[];
  /** 0–100 per criterion id, the most important swing at 100 (swing). */
  swing: Record<number, number>;
  /** Pairwise judgments (ahp). */
  judgments: AhpJudgment<number>[];
}

export const NO_WEIGHTING_INPUTS: WeightingInputs = Object.freeze({ method: 'direct', rule: 'roc', points: {}, order: [], swing: {}, judgments: [] }) as WeightingInputs;

interface Criterion {
  id: number;
  name: string;
  /** The slider value. */
  weight: number;
}

/**
 * The active method as core's Weighting, its inputs fitted to the criteria the decision has now: a
 * criterion added since the order was made is ranked last (tied with any other newcomer), one
 * given no points or swing counts 0, and inputs naming a criterion that is gone are left out.
 */
export function activeWeighting(inputs: WeightingInputs, criteria: readonly Criterion[]): Weighting<number> {
  const present = new Set(criteria.map((c) => c.id));
  switch (inputs.method) {
    case 'direct':
    case 'points':
      return { method: inputs.method };
    case 'rank': {
      const order = inputs.order.map((entry) => (Array.isArray(entry) ? entry.filter((id) => present.has(id)) : entry)).filter((entry) => (Array.isArray(entry) ? entry.length > 0 : present.has(entry)));
      const ranked = new Set(order.flat());
      const unranked = criteria.map((c) => c.id).filter((id) => !ranked.has(id));
      if (unranked.length > 0) order.push(unranked.length === 1 ? unranked[0] : unranked);
      return { method: 'rank', rule: inputs.rule, order };
    }
    case 'swing':
      return { method: 'swing', points: Object.fromEntries(criteria.map((c) => [c.id, Object.hasOwn(inputs.swing, c.id) ? inputs.swing[c.id] : 0])) };
    case 'ahp':
      return { method: 'ahp', judgments: inputs.judgments.filter((j) => present.has(j.more) && present.has(j.less)) };
  }
}

/** The weights every part of the app uses: the active method applied to its inputs. */
export function decisionWeights(inputs: WeightingInputs, criteria: readonly Criterion[]): Result<EffectiveWeights<number>> {
  const weighting = activeWeighting(inputs, criteria);
  // points reads each criterion's weight as its points; the slider values stay where they are.
  const weighed = inputs.method === 'points' ? criteria.map((c) => ({ ...c, weight: Object.hasOwn(inputs.points, c.id) ? inputs.points[c.id] : 0 })) : criteria;
  return effectiveWeights(weighting, weighed);
}

/** The inputs a file's weighting brings, on top of what the store had (nothing, for a new decision). */
export function inputsFromWeighting(weighting: Weighting<number>, criteria: readonly Criterion[], base: WeightingInputs = NO_WEIGHTING_INPUTS): WeightingInputs {
  switch (weighting.method) {
    case 'direct':
      return { ...base, method: 'direct' };
    case 'points':
      return { ...base, method: 'points', points: Object.fromEntries(criteria.map((c) => [c.id, c.weight])) };
    case 'rank':
      return { ...base, method: 'rank', rule: weighting.rule, order: weighting.order };
    case 'swing':
      return { ...base, method: 'swing', swing: { ...weighting.points } };
    case 'ahp':
      return { ...base, method: 'ahp', judgments: weighting.judgments };
  }
}

/** The criteria with the weights the active method gives (the sliders' own values where it is direct). */
export function weighedCriteria<C extends Criterion>(inputs: WeightingInputs, criteria: readonly C[]): Result<{ criteria: C[]; effective: EffectiveWeights<number> }> {
  const effective = decisionWeights(inputs, criteria);
  if (!effective.ok) return effective;
  const weighed = inputs.method === 'direct' ? [...criteria] : criteria.map((c) => ({ ...c, weight: effective.value.weights[c.id] ?? 0 }));
  return { ok: true, value: { criteria: weighed, effective: effective.value } };
}

const number = (value: number) => String(Math.round(value * 1000) / 1000);

/**
 * The method's inputs in words, so a reader of a report can recompute the weights: the rank
 * order, the points, the judgments with their consistency.
 */
export function weightingInWords(inputs: WeightingInputs, criteria: readonly Criterion[], effective: EffectiveWeights<number>): string[] {
  const name = new Map(criteria.map((c) => [c.id, c.name]));
  const named = (id: number) => `“${name.get(id) ?? '?'}”`;
  const weighting = activeWeighting(inputs, criteria);
  const lines = [`Weighting method: ${effective.name}.`];
  switch (weighting.method) {
    case 'direct':
      lines.push('Each weight was set directly (the sliders), then divided by their sum.');
      break;
    case 'points':
      lines.push(`Points out of 100: ${criteria.map((c) => `${named(c.id)} ${number(Object.hasOwn(inputs.points, c.id) ? inputs.points[c.id] : 0)}`).join(', ')}.`);
      break;
    case 'rank':
      lines.push(`Most important first: ${weighting.order.map((entry) => (Array.isArray(entry) ? `${entry.map(named).join(' = ')} (tied)` : named(entry))).join('; ')}.`);
      break;
    case 'swing':
      lines.push(`Swing points (the swing that matters most at 100): ${criteria.map((c) => `${named(c.id)} ${number(weighting.points[c.id])}`).join(', ')}.`);
      break;
    case 'ahp': {
      lines.push(`Judgments (Saaty's 1–9 scale, “A over B 3” means A matters 3 times as much): ${weighting.judgments.map((j) => `${named(j.more)} over ${named(j.less)} ${number(j.ratio)}`).join('; ')}.`);
      const c = effective.consistency;
      if (c) {
        const ratio = c.ratio === null ? 'no consistency ratio (Saaty tables 3 to 10 criteria)' : `consistency ratio ${c.ratio.toFixed(3)}${c.flagged ? ' (above 0.10: reconsider)' : ''}`;
        lines.push(`Weights from the principal eigenvector; λmax ${c.lambdaMax.toFixed(4)}, ${ratio}; ${c.judged} of ${c.pairs} pairs judged.`);
      }
      break;
    }
  }
  return [...lines, ...effective.warnings];
}
