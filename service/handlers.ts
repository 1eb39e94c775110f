import type { Handlers } from '../core/contract';
import type { Db } from '../db/connection';
import type { BulkWriter } from './bulk/bulk-writer';
import { createContext, type WorkshopHost } from './handlers/context';
import { decisionHandlers } from './handlers/decisions';
import { historyHandlers } from './handlers/history';
import { matrixHandlers } from './handlers/matrix';
import { roundHandlers } from './handlers/rounds';
import { scenarioHandlers } from './handlers/scenarios';
import { transferHandlers } from './handlers/transfer';
import { weightingHandlers } from './handlers/weighting';
import { workspaceHandlers } from './handlers/workspace';

export type { WorkshopHost } from './handlers/context';

/**
 * The contract implemented over the store: one handler map per domain, joined here. Each change
 * is one transaction: it checks what it was given against the stored decision, writes, and
 * returns what the caller needs (mostly the decision as committed). With a bulk writer, imports
 * and copies are written by a worker thread (service/bulk/), so big ones block no other call.
 */
export function createHandlers(db: Db, workshopHost?: WorkshopHost, bulk?: BulkWriter): Handlers {
  const context = createContext(db, workshopHost, bulk);
  const domains = {
    ...decisionHandlers(context),
    ...matrixHandlers(context),
    ...weightingHandlers(context),
    ...transferHandlers(context),
    ...roundHandlers(context),
    ...scenarioHandlers(context),
    ...historyHandlers(context),
  };
  return { ...domains, ...workspaceHandlers(context, domains) };
}
