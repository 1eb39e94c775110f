import type { Handlers, HandlersOf, Workspace, workspaceMethods } from '../../core/contract';
import { unwrap, type ServiceContext } from './context';

type Parts = Pick<Handlers, 'listDecisions' | 'getDecision' | 'listScenarios' | 'listRounds' | 'historyState'>;

/** What the app needs to show at start, read in one transaction so the parts agree with each other. */
export function workspaceHandlers({ transaction }: ServiceContext, parts: Parts): HandlersOf<typeof workspaceMethods> {
  return {
    openWorkspace: ({ decisionId }) =>
      transaction((): Workspace => {
        const decisions = unwrap(parts.listDecisions({}));
        const open = decisions.find((d) => d.id === decisionId) ?? decisions[0];
        if (!open) return { decisions, decision: null, scenarios: [], rounds: [], history: { undo: null, redo: null } };
        return {
          decisions,
          decision: unwrap(parts.getDecision({ decisionId: open.id })),
          scenarios: unwrap(parts.listScenarios({ decisionId: open.id })),
          rounds: unwrap(parts.listRounds({ decisionId: open.id })),
          history: unwrap(parts.historyState({ decisionId: open.id })),
        };
      }),
  };
}
