import { scoreDecision, type DecisionScores } from '../../core/decision-scoring';
import { draftAsDecision, draftWeighting, type DecisionDraft } from '../../core/interchange';
import { ok, type Result } from '../../core/result';
import { effectiveWeights, type EffectiveWeights } from '../../core/weighting';

/**
 * What `decision-matrix score` prints: every figure keyed by the ids used in the file. The
 * weights are the file's method applied to its inputs (`weighting` says which, and for AHP how
 * consistent the judgments are); the ranking is the weighted sum under those weights.
 */
export function scoreReport(draft: DecisionDraft): Result<ReturnType<typeof report>> {
  const decision = draftAsDecision(draft);
  const weighting = effectiveWeights(draftWeighting(draft), decision.criteria);
  if (!weighting.ok) return weighting;
  const { weights } = weighting.value;
  const scored = scoreDecision({ ...decision, criteria: decision.criteria.map((c) => ({ ...c, weight: weights[c.id] })) });
  if (!scored.ok) return scored;
  return ok(report(draft, decision, weighting.value, scored.value));
}

function report(draft: DecisionDraft, decision: ReturnType<typeof draftAsDecision>, weighting: EffectiveWeights, scored: DecisionScores) {
  const { method, options, ranking, contribution } = scored;
  // draftAsDecision numbers criteria and options by position from 1.
  const criterionKey = (id: number) => draft.criteria[id - 1].id;
  const byId = new Map(options.map((o) => [o.optionId, o]));
  return {
    title: draft.title,
    method,
    weights: decision.criteria.map((c) => ({ criterion: criterionKey(c.id), name: c.name, weight: weighting.weights[c.id] })),
    weighting: weightingReport(weighting, criterionKey),
    ranking: ranking.map((optionId) => {
      const o = byId.get(optionId)!;
      return {
        rank: o.rank,
        option: draft.options[optionId - 1].id,
        name: o.name,
        total: o.total,
        complete: o.complete,
        missing: o.missingCriterionIds.map(criterionKey),
        contributions: decision.criteria.map((c) => ({ criterion: criterionKey(c.id), contribution: contribution(o.optionId, c.id) })),
      };
    }),
  };
}

/** The method, in code and in words, and what it reports, with criteria named by the file's ids. */
function weightingReport(weighting: EffectiveWeights, criterionKey: (id: number) => string) {
  const { method, name, rule, pointsLeft, consistency, warnings } = weighting;
  const worst = consistency?.mostInconsistent;
  return {
    method,
    name,
    ...(rule !== undefined && { rule }),
    ...(pointsLeft !== undefined && { pointsLeft }),
    ...(consistency && {
      consistency: {
        lambdaMax: consistency.lambdaMax,
        index: consistency.index,
        ratio: consistency.ratio,
        randomIndex: consistency.randomIndex,
        flagged: consistency.flagged,
        judged: consistency.judged,
        pairs: consistency.pairs,
        mostInconsistent: worst ? { more: criterionKey(worst.more), less: criterionKey(worst.less), ratio: worst.ratio, suggested: worst.suggested } : null,
      },
    }),
    warnings,
  };
}
