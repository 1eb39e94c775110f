import type { ErrorCode, Result } from '../../core/result';
import { fail, ok } from '../../core/result';
import { nameKey, type Decision } from '../../core/model';
import { inTransaction, type Db } from '../../db/connection';
import * as decisions from '../../db/decisions';
import * as matrix from '../../db/matrix';
import * as scenarios from '../../db/scenarios';
import { recordStep, type StepOptions } from '../../db/history';
import type { BulkWriter } from '../bulk/bulk-writer';

/** What the host running the workshop server tells the service (none: rounds work, nobody can join). */
export interface WorkshopHost {
  joinUrl(code: string): string | null;
  /** Called after a round starts, changes or closes: the host starts or stops its server. */
  roundsChanged(): void | Promise<void>;
}

/**
 * What a person reads when something they act on is no longer there (deleted in another window,
 * or by an undo). Messages name things as the person sees them, never by an internal id.
 */
export const GONE = {
  decision: 'This decision no longer exists; it may have been deleted in another window.',
  option: 'That option no longer exists; it may have been removed in another window.',
  criterion: 'That criterion no longer exists; it may have been removed in another window.',
  scenario: 'That scenario no longer exists; it may have been deleted in another window.',
  round: 'That workshop round no longer exists.',
  foreignCriterion: 'A weight is for a criterion that is not in this decision; reload to see the decision as it is.',
} as const;

/** A handler's refusal on its way out of the transaction it rolls back. */
class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? 'refused' : result.error.message);
  }
}

/** Ends the handler with an error value; inside `transaction`, nothing it wrote is kept. */
export function refuse(code: ErrorCode, message: string): never {
  throw new Refusal(fail(code, message));
}

/** Unwraps a result from lower down, or refuses with its error. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Refusal(result);
}

/**
 * What every domain's handlers share: the store, two ways to run a handler (`read` and
 * `transaction`, both turning a refusal into an error value) and "find the row or refuse" for
 * each kind of row, so a handler reads as its rule.
 */
export interface ServiceContext {
  db: Db;
  workshopHost: WorkshopHost | undefined;
  /** Writes big imports and copies on a worker thread (hosts that answer calls meanwhile); without one they run inline. */
  bulk: BulkWriter | undefined;
  read<T>(body: () => T): Result<T>;
  /** One user action: all of it is committed, or (refused or failed) none of it. */
  transaction<T>(body: () => T): Result<T>;
  decision(decisionId: number): Decision;
  option(optionId: number): NonNullable<ReturnType<typeof matrix.findOption>>;
  criterion(criterionId: number): NonNullable<ReturnType<typeof matrix.findCriterion>>;
  scenario(scenarioId: number): NonNullable<ReturnType<typeof scenarios.findScenario>>;
  /** Marks the decision changed and returns it as committed. */
  changed(decisionId: number): Decision;
  /**
   * Inside a transaction: records what body changes in the decision as one step to undo, labelled
   * in the person's words (docs/history.md). Every handler that changes a decision runs in one.
   */
  step<T>(decisionId: number, label: string, body: () => T, options?: StepOptions): T;
}

/** Runs body, turning a refusal (refuse, unwrap) into its error value. */
export function catchRefusal<T>(body: () => T): Result<T> {
  try {
    return ok(body());
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

export function createContext(db: Db, workshopHost?: WorkshopHost, bulk?: BulkWriter): ServiceContext {
  const decision = (decisionId: number) => decisions.getDecision(db, decisionId) ?? refuse('not-found', GONE.decision);
  return {
    db,
    workshopHost,
    bulk,
    read: catchRefusal,
    transaction: (body) => catchRefusal(() => inTransaction(db, body)),
    decision,
    option: (optionId) => matrix.findOption(db, optionId) ?? refuse('not-found', GONE.option),
    criterion: (criterionId) => matrix.findCriterion(db, criterionId) ?? refuse('not-found', GONE.criterion),
    scenario: (scenarioId) => scenarios.findScenario(db, scenarioId) ?? refuse('not-found', GONE.scenario),
    changed: (decisionId) => {
      decisions.touchDecision(db, decisionId);
      return decision(decisionId);
    },
    step: (decisionId, label, body, options) => recordStep(db, decisionId, label, body, options),
  };
}


/**
 * Refuses a name another row of the same kind already has in the decision (its spreadsheet and
 * every chart would show two columns with one name, and a spreadsheet could not be read back).
 */
export function refuseTakenName(kind: 'option' | 'criterion', rows: readonly { id: number; name: string }[], name: string, exceptId?: number): void {
  const taken = rows.find((r) => r.id !== exceptId && nameKey(r.name) === nameKey(name));
  if (taken) refuse('conflict', `This decision already has ${kind === 'option' ? 'an option' : 'a criterion'} named “${taken.name}”: choose another name.`);
}
