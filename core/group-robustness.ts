import type { ScoreSummary } from './aggregation';
import type { Result } from './result';
import { analyseSensitivity, type RobustnessMatrix } from './sensitivity';

/**
 * How far to trust a revealed workshop result: the group weights' own robustness (the headline
 * and the fragile flag, as for the decision), and the rank acceptability over the people in the
 * room — for each option, the share of people whose own weights give it each rank — to set beside
 * the SMAA numbers, which draw weights nobody gave.
 */
export interface GroupRobustness {
  headline: string | null;
  fragile: boolean;
  /** How many people's weights the shares are over (those that could be scored). */
  people: number;
  options: { optionId: number; name: string; shares: number[] }[];
}

export function groupRobustness(
  matrix: Result<RobustnessMatrix>,
  groupWeights: Readonly<Record<number, number>>,
  group: ScoreSummary,
  participants: Readonly<Record<string, ScoreSummary>>,
): GroupRobustness {
  const sensitivity = matrix.ok ? analyseSensitivity(matrix.value, matrix.value.criteria.map((c) => groupWeights[c.id as number] ?? 0)) : matrix;
  const n = group.options.length;
  const people = Object.values(participants).filter((scores) => scores.options.every((o) => o.rank !== null));
  const options = group.options.map((option) => {
    const shares = Array.from({ length: n }, () => 0);
    for (const person of people) {
      const rank = person.options.find((o) => o.optionId === option.optionId)?.rank;
      if (rank != null) shares[rank - 1] += 1 / people.length;
    }
    return { optionId: option.optionId, name: option.name, shares };
  });
  return {
    headline: sensitivity.ok ? sensitivity.value.headline : null,
    fragile: sensitivity.ok ? sensitivity.value.fragile : false,
    people: people.length,
    options,
  };
}
