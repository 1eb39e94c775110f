import { DEFAULT_ACCEPTABILITY, rankAcceptability, type AcceptabilityMode } from './acceptability';
import { prepareDecision } from './decision-scoring';
import { draftAsDecision, type DecisionDocument, type DecisionDraft } from './interchange';
import { ok } from './result';
import { analyseSensitivity, robustnessMatrix } from './sensitivity';
import { weighedCriteria } from './weighting/inputs';

/**
 * "How robust is this decision" as a file carries it: the fields `decision-matrix analyse` prints
 * and the JSON export writes beside the decision. Every option and criterion is named by its id in
 * the file and every share is a fraction of 1.
 */

export interface AnalyseSettings {
  draws: number;
  seed: number;
  mode: AcceptabilityMode;
  /** Interval mode's half-width, as a share of 1. */
  within: number;
}

export const DEFAULT_ANALYSE_SETTINGS: AnalyseSettings = { ...DEFAULT_ACCEPTABILITY };

/**
 * The analysis of a file's decision under its own weighting method (rank order, AHP … give the
 * weights, as `score` uses them). A note (options left out for missing scores, interval draws that
 * could not all be found) comes beside it, so the fields themselves are exactly the documented ones.
 */
export function analyseDraft(draft: DecisionDraft, settings: AnalyseSettings) {
  const decision = draftAsDecision(draft);
  const prepared = prepareDecision(decision);
  if (!prepared.ok) return prepared;
  const matrix = robustnessMatrix(
    prepared.value.matrix,
    draft.options.map((o) => o.id),
    draft.criteria.map((c) => c.id),
  );
  if (!matrix.ok) return matrix;
  const effective = weighedCriteria(decision.weighting, decision.criteria);
  if (!effective.ok) return effective;
  const weights = effective.value.criteria.map((c) => c.weight);
  const sensitivity = analyseSensitivity(matrix.value, weights);
  if (!sensitivity.ok) return sensitivity;
  const acceptability = rankAcceptability(matrix.value, { ...settings, weights });
  if (!acceptability.ok) return acceptability;
  const s = sensitivity.value;
  const a = acceptability.value;
  const report = {
    leader: s.leader,
    headline: s.headline,
    fragile: s.fragile,
    criteria: s.criteria.map((c) => ({
      criterion: c.criterion,
      name: c.name,
      weight: c.weight,
      winner: { from: c.winner.from, to: c.winner.to, below: c.winner.below, above: c.winner.above },
      ranking: { from: c.ranking.from, to: c.ranking.to },
    })),
    tornado: s.tornado.map((t) => ({ criterion: t.criterion, low: t.low, high: t.high })),
    acceptability: {
      mode: a.mode,
      draws: a.draws,
      seed: a.seed,
      options: a.options.map((o) => ({
        option: o.option,
        name: o.name,
        ranks: o.ranks,
        centralWeights: o.centralWeights && Object.fromEntries(a.criteria.map((id, j) => [id, o.centralWeights![j]])),
      })),
    },
  };
  // The acceptability's note repeats the matrix's (options left out) and adds any shortfall of draws.
  return ok({ report, note: a.note });
}

export type DraftAnalysis = Extract<ReturnType<typeof analyseDraft>, { ok: true }>['value'];

/** What the JSON export writes as `analysis`: the fields above, the note, or why there are none. */
export type DocumentAnalysis = (DraftAnalysis['report'] & { note?: string }) | { unavailable: string };

/** What `exportDecision` answers and the JSON export writes. */
export type ExportedDocument = DecisionDocument & { analysis: DocumentAnalysis };

/**
 * A document with its robustness analysis beside the decision, computed with the default settings
 * (10,000 uniform draws, seed 1) so that the same decision always writes the same file. The
 * analysis is for the reader: importing the file ignores it, and recomputes it from the decision.
 */
export function withAnalysis(document: DecisionDocument): ExportedDocument {
  const analysed = analyseDraft(document.decision, DEFAULT_ANALYSE_SETTINGS);
  const analysis: DocumentAnalysis = analysed.ok
    ? { ...analysed.value.report, ...(analysed.value.note ? { note: analysed.value.note } : {}) }
    : { unavailable: analysed.error.message };
  return { ...document, analysis };
}
