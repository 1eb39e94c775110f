import type { DecisionAdded } from '../../core/contract';
import type { Decision } from '../../core/model';
import type { Dispatch } from '../dispatch';

/** Imports or duplicates (methods that answer later, with the new decision's list entry) and reads the decision added. */
export async function addedDecision(dispatch: Dispatch, name: 'importDecision' | 'duplicateDecision' | 'importCsv', input: unknown): Promise<Decision> {
  const added = await dispatch(name, input);
  if (!added.ok) throw new Error(`${name}: ${added.error.code}: ${added.error.message}`);
  const read = await dispatch('getDecision', { decisionId: (added.value as DecisionAdded).decision.id });
  if (!read.ok) throw new Error(read.error.message);
  return read.value as Decision;
}

/** A decision file's text, as the app sends it to importDecision. */
export const asText = (document: unknown) => ({ text: JSON.stringify(document) });
