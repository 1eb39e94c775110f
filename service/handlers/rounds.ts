import type { HandlersOf, roundMethods, WorkshopRound } from '../../core/contract';
import type { Result } from '../../core/result';
import type { FacilitatorRoundView } from '../../core/workshop';
import * as matrix from '../../db/matrix';
import { writeWeightingInputs } from '../../db/weighting';
import * as workshop from '../../db/workshop';
import * as rounds from '../rounds';
import { refuse, unwrap, type ServiceContext } from './context';
import { insertUniqueScenario, scenarioSummaries } from './scenarios';
import { stepLabels } from '../history-labels';
import { takeVersion } from './history';

/** Workshop rounds as the facilitator runs them; the group's weights are stored as points out of 100, like the sliders. */
export function roundHandlers(context: ServiceContext): HandlersOf<typeof roundMethods> {
  const { db, workshopHost, read, transaction, changed, step, decision } = context;
  const withJoinUrl = (view: FacilitatorRoundView): WorkshopRound => ({
    ...view,
    joinUrl: view.state === 'open' ? (workshopHost?.joinUrl(view.code) ?? null) : null,
  });
  /** Once a change to a round is committed, the host starts or stops its server. */
  const roundsChanged = <T>(result: Result<T>): Result<T> => {
    if (result.ok) void workshopHost?.roundsChanged();
    return result;
  };
  const groupWeights = (roundId: number, purpose: string): { decisionId: number; code: string; weights: { criterionId: number; weight: number }[] } => {
    const view = unwrap(rounds.roundView(db, roundId));
    if (!view.result) refuse('conflict', view.resultProblem ?? `Reveal the round before ${purpose} its weights.`);
    // The result kept at the reveal may name a criterion removed since: only the decision's own get a weight.
    const current = new Set(decision(view.decisionId).criteria.map((c) => c.id));
    const weights = Object.entries(view.result.weights.weights)
      .map(([criterionId, weight]) => ({ criterionId: Number(criterionId), weight: weight * 100 }))
      .filter((w) => current.has(w.criterionId));
    return { decisionId: view.decisionId, code: view.code, weights };
  };

  return {
    startRound: (input) => roundsChanged(transaction(() => withJoinUrl(unwrap(rounds.startRound(db, input))))),
    getRound: ({ roundId }) => read(() => withJoinUrl(unwrap(rounds.roundView(db, roundId)))),
    listRounds: ({ decisionId }) =>
      read(() =>
        workshop
          .listRounds(db, decisionId)
          .map((round) => rounds.roundView(db, round.id))
          .flatMap((view) => (view.ok ? [withJoinUrl(view.value)] : [])),
      ),
    // A round's life (start, reveal, more time, close) is not a step to undo; a reveal keeps a version.
    updateRound: ({ roundId, ...change }) =>
      roundsChanged(
        transaction(() => {
          const before = workshop.findRound(db, roundId)?.state;
          const view = unwrap(rounds.changeRound(db, roundId, change));
          if (before !== 'revealed' && view.state === 'revealed') takeVersion(context, decision(view.decisionId), `Workshop round ${view.code} revealed`, 'reveal');
          return withJoinUrl(view);
        }),
      ),
    removeParticipant: ({ roundId, participantId }) => transaction(() => withJoinUrl(unwrap(rounds.removeParticipant(db, roundId, participantId)))),
    applyGroupWeights: ({ roundId }) =>
      transaction(() => {
        const { decisionId, code, weights } = groupWeights(roundId, 'applying');
        // One step: the sliders and the switch to direct weights are undone together.
        step(decisionId, stepLabels.applyGroupWeights(code), () => {
          for (const { criterionId, weight } of weights) matrix.setWeight(db, criterionId, weight);
          // The group's weights are slider values; the other methods' inputs stay for a switch back.
          writeWeightingInputs(db, decisionId, { method: 'direct' });
          // What became of the round is part of the step: undone with it, redone with it (0013's triggers).
          workshop.insertRoundOutcome(db, roundId, { kind: 'applied', scenarioName: '' });
        });
        return changed(decisionId);
      }),
    keepGroupWeights: ({ roundId, name }) =>
      transaction(() => {
        const { decisionId, weights } = groupWeights(roundId, 'keeping');
        step(decisionId, stepLabels.keepGroupWeights(name), () => {
          insertUniqueScenario(db, decisionId, name, weights);
          workshop.insertRoundOutcome(db, roundId, { kind: 'scenario', scenarioName: name });
        });
        return scenarioSummaries(db, decisionId);
      }),
    applyGroupScores: ({ roundId }) =>
      transaction(() => {
        const view = unwrap(rounds.roundView(db, roundId));
        if (view.scoreCriteria.length === 0) refuse('conflict', 'This round asked for weights only: it has no group scores to apply.');
        if (!view.scores) refuse('conflict', 'Reveal the round before applying its scores.');
        if (view.scores.cells.length === 0) refuse('conflict', 'Nobody has scored the options yet: there are no group scores to apply.');
        const { cells } = view.scores;
        // One step: every cell someone scored takes its group score; the rationales and sources stay.
        step(view.decisionId, stepLabels.applyGroupScores(view.code), () => {
          for (const cell of cells) matrix.upsertScore(db, cell.optionId, cell.criterionId, { value: cell.value });
          // As for the group weights: "Group scores applied" goes with an undo and comes back with a redo.
          workshop.insertRoundOutcome(db, roundId, { kind: 'scores-applied', scenarioName: '' });
        });
        return changed(view.decisionId);
      }),
  };
}
