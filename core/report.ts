import type { Criterion, Decision, Option } from './model';
import { DEFAULT_ACCEPTABILITY, rankAcceptability, type Acceptability } from './acceptability';
import { prepareDecision, scoreDecision, type OptionScore } from './decision-scoring';
import { analyseSensitivity, robustnessMatrixOfDecision, type Sensitivity } from './sensitivity';
import { roundedPercents } from './shares';
import { HOW_TOTALS_ARE_COMPUTED } from './scoring';
import { fail, ok, type Result } from './result';
import { weighedCriteria, weightingInWords } from './weighting/inputs';
import { recordRounds, recordTime, type RecordedRound } from './round-record';
import type { FacilitatorRoundView } from './workshop';

/**
 * Everything a report shows about a decision, computed once: the PDF page, the Markdown record
 * and any other export read this rather than scoring on their own.
 */
export interface ReportCriterion extends Criterion {
  /** Normalised weight, 0..1. */
  share: number;
  /** The weight as shown, a percentage with one decimal: rounded so the criteria's add up to 100. */
  shownPercent: number;
}

export interface ReportCell {
  option: Option;
  criterion: Criterion;
  value: number | null;
  rationale: string;
  source: string;
}

export interface ReportRankingRow extends OptionScore {
  missingCriterionNames: string[];
  /** The points each criterion adds to the total, keyed by criterion id (0 where unscored). */
  contributions: Record<number, number>;
}

export interface DecisionReport {
  title: string;
  context: string;
  status: Decision['status'];
  /** The chosen option's name once decided (null while open or if it was removed). */
  chosenOption: string | null;
  outcomeReason: string;
  options: Option[];
  criteria: ReportCriterion[];
  /** One per option × criterion, criteria-major (the order of the matrix rows). */
  cells: ReportCell[];
  ranking: ReportRankingRow[];
  /** Best complete option(s): more than one when tied. */
  leaders: string[];
  method: string[];
  /** How the weights were elicited, in words: the method and its inputs (rank order, judgments, CR). */
  weighting: string[];
  /** How robust the ranking is to the weights; a problem (fewer than two complete options) instead when it cannot be said. */
  robustness: Result<ReportRobustness>;
  /** The decision's workshop rounds, oldest first (empty when it had none). */
  rounds: RecordedRound[];
}

/** The report's robustness section: the same analyses as the app's panel, with a fixed seed. */
export interface ReportRobustness {
  sensitivity: Sensitivity;
  /** Uniform draws (REPORT_ACCEPTABILITY), so the same decision always gives the same numbers. */
  acceptability: Acceptability;
  /** Per option (in acceptability.options' order), its rank shares as shown: percentages with one decimal adding up to 100. */
  shownRanks: number[][];
}

/** Rank acceptability in reports: 10,000 uniform draws, seed 1, the seed printed with the numbers. */
export const REPORT_ACCEPTABILITY = { mode: DEFAULT_ACCEPTABILITY.mode, draws: DEFAULT_ACCEPTABILITY.draws, seed: DEFAULT_ACCEPTABILITY.seed } as const;

function robustnessOf(decision: Pick<Decision, 'options' | 'criteria' | 'scores'>): Result<ReportRobustness> {
  const prepared = prepareDecision(decision);
  if (!prepared.ok) return prepared;
  const matrix = robustnessMatrixOfDecision(prepared.value);
  if (!matrix.ok) return matrix;
  const weightOf = new Map(decision.criteria.map((c) => [c.id, c.weight]));
  const weights = matrix.value.criteria.map((c) => weightOf.get(c.id as number) ?? 0);
  const sensitivity = analyseSensitivity(matrix.value, weights);
  if (!sensitivity.ok) return sensitivity;
  const acceptability = rankAcceptability(matrix.value, { ...REPORT_ACCEPTABILITY, weights });
  if (!acceptability.ok) return acceptability;
  return ok({ sensitivity: sensitivity.value, acceptability: acceptability.value, shownRanks: acceptability.value.options.map((o) => roundedPercents(o.ranks)) });
}


/** Where the weights came from, when they are still the group weights a workshop round applied (the newest such round). */
function weightsFromRound(rounds: readonly RecordedRound[], weights: Record<number, number>): string[] {
  const source = [...rounds]
    .reverse()
    .find((round) => round.applied && round.result && round.result.criteria.length > 0 && round.result.criteria.every((c) => Math.abs(c.share - (weights[c.id] ?? 0)) < 1e-9));
  return source ? [`These are the group weights of workshop round ${source.number} (${recordTime(source.createdAt)}), as applied`] : [];
}

/** The report of a decision; its workshop rounds (as listRounds gives them) go into the record too. */
export function buildReport(stored: Decision, rounds: readonly FacilitatorRoundView[] = []): Result<DecisionReport> {
  // Every number in a report comes from the effective weights: the decision's own method applied to its inputs.
  const weighed = weighedCriteria(stored.weighting, stored.criteria);
  if (!weighed.ok) return fail(weighed.error.code, `The decision cannot be scored: ${weighed.error.message}`);
  const decision = { ...stored, criteria: weighed.value.criteria };
  const scored = scoreDecision(decision);
  if (!scored.ok) return fail(scored.error.code, `The decision cannot be scored: ${scored.error.message}`);
  const { weights, options, ranking } = scored.value;
  const byOption = new Map(options.map((o) => [o.optionId, o]));
  const criterionName = new Map(decision.criteria.map((c) => [c.id, c.name]));
  const scoreOf = new Map(decision.scores.map((s) => [`${s.optionId}:${s.criterionId}`, s]));
  const rows: ReportRankingRow[] = ranking.map((id) => {
    const row = byOption.get(id)!;
    return {
      ...row,
      missingCriterionNames: row.missingCriterionIds.map((c) => criterionName.get(c) ?? ''),
      contributions: Object.fromEntries(decision.criteria.map((c) => [c.id, scored.value.contribution(id, c.id)])),
    };
  });
  const shown = roundedPercents(decision.criteria.map((c) => weights[c.id]));
  const recorded = recordRounds(decision, rounds);
  return ok({
    title: decision.title,
    context: decision.context,
    status: decision.status,
    chosenOption: decision.options.find((o) => o.id === decision.chosenOptionId)?.name ?? null,
    outcomeReason: decision.outcomeReason,
    options: decision.options,
    criteria: decision.criteria.map((c, i) => ({ ...c, share: weights[c.id], shownPercent: shown[i] })),
    cells: decision.criteria.flatMap((criterion) =>
      decision.options.map((option) => {
        const score = scoreOf.get(`${option.id}:${criterion.id}`);
        return { option, criterion, value: score?.value ?? null, rationale: score?.rationale ?? '', source: score?.source ?? '' };
      }),
    ),
    ranking: rows,
    leaders: rows.filter((r) => r.rank === 1).map((r) => r.name),
    method: [...HOW_TOTALS_ARE_COMPUTED],
    weighting: [...weightingInWords(stored.weighting, stored.criteria, weighed.value.effective), ...weightsFromRound(recorded, weights)],
    robustness: robustnessOf(decision),
    rounds: recorded,
  });
}
