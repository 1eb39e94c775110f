import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames } from '../../core/contract';
import { fail } from '../../core/result';
import type { Dispatch, DispatchAnswer } from '../../service/dispatch';
import { isAppUrl } from './url-guard';

/** A message counts only if it comes from the top frame of one of the app's own pages. */
function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Registers every contract method on its channel through one wrapper: sender check first, then
 * the contract's schema (inside dispatch), and errors come back as values.
 */
export function registerContractHandlers(dispatch: Dispatch): void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown): DispatchAnswer => {
      if (!senderIsTrusted(event)) return fail('forbidden', 'Refused a message from a frame that is not the app.');
      return dispatch(name, input);
    });
  }
}
