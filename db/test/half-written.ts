import type { DecisionDraft } from '../../core/interchange';
import { inTransaction, type Db } from '../connection';
import { writeDecision } from '../decisions';

const draft: DecisionDraft = {
  title: 'Half written',
  context: '',
  options: [{ id: 'a', name: 'A', description: '' }, { id: 'b', name: 'B', description: '' }],
  criteria: [{ id: 'x', name: 'X', description: '', direction: 'benefit', scale: { min: 1, max: 5, minLabel: '', maxLabel: '' }, weight: 1 }],
  scores: [{ option: 'a', criterion: 'x', value: 4, rationale: '', source: '' }, { option: 'b', criterion: 'x', value: 2, rationale: '', source: '' }],
  outcome: { status: 'open', chosenOption: null, reason: '' },
};

/** Commits the first `rows` rows of a step-wise write for `pid`, as a bulk worker killed then would have left them; answers the decision's id. */
export function leaveHalfWritten(db: Db, pid: number, rows: number): number {
  const steps = writeDecision(db, draft, pid);
  return inTransaction(db, () => {
    let id = 0;
    for (let i = 0; i < rows; i++) id = (steps.next().value as { decisionId: number }).decisionId;
    return id;
  });
}

