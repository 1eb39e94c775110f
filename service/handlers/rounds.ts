import type { HandlersOf, roundMethods, WorkshopRound } from '../../core/contract';
import type { Result } from '../../core/result';
import type { FacilitatorRoundView } from '../../core/workshop';
import * as matrix from '../../db/matrix';
import { writeWeightingInputs } from '../../db/weighting';
import * as workshop from '../../db/workshop';
import * as rounds from '../rounds';
import { refuse, unwrap, type ServiceContext } from './context';
import { insertUniqueScenario, scenarioSummaries } from './scenarios';

/** Workshop rounds as the facilitator runs them; the group's weights are stored as points out of 100, like the sliders. */
export function roundHandlers({ db, workshopHost, read, transaction, changed }: ServiceContext): HandlersOf<typeof roundMethods> {
  const withJoinUrl = (view: FacilitatorRoundView): WorkshopRound => ({
    ...view,
    joinUrl: view.state === 'open' ? (workshopHost?.joinUrl(view.code) ?? null) : null,
  });
  /** Once a change to a round is committed, the host starts or stops its server. */
  const roundsChanged = <T>(result: Result<T>): Result<T> => {
    if (result.ok) void workshopHost?.roundsChanged();
    return result;
  };
  const groupWeights = (roundId: number, purpose: string): { decisionId: number; weights: { criterionId: number; weight: number }[] } => {
    const view = unwrap(rounds.roundView(db, roundId));
    if (!view.result) refuse('conflict', view.resultProblem ?? `Reveal the round before ${purpose} its weights.`);
    const weights = Object.entries(view.result.weights.weights).map(([criterionId, weight]) => ({ criterionId: Number(criterionId), weight: weight * 100 }));
    return { decisionId: view.decisionId, weights };
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
    updateRound: ({ roundId, ...change }) => roundsChanged(transaction(() => withJoinUrl(unwrap(rounds.changeRound(db, roundId, change))))),
    removeParticipant: ({ roundId, participantId }) => transaction(() => withJoinUrl(unwrap(rounds.removeParticipant(db, roundId, participantId)))),
    applyGroupWeights: ({ roundId }) =>
      transaction(() => {
        const { decisionId, weights } = groupWeights(roundId, 'applying');
        for (const { criterionId, weight } of weights) matrix.setWeight(db, criterionId, weight);
        // The group's weights are slider values; the other methods' inputs stay for a switch back.
        writeWeightingInputs(db, decisionId, { method: 'direct' });
        return changed(decisionId);
      }),
    keepGroupWeights: ({ roundId, name }) =>
      transaction(() => {
        const { decisionId, weights } = groupWeights(roundId, 'keeping');
        insertUniqueScenario(db, decisionId, name, weights);
        return scenarioSummaries(db, decisionId);
      }),
  };
}
