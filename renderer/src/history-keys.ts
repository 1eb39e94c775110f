/**
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo — except in a text field, where the
 * browser's own text undo runs (the app never takes those keys from someone typing).
 */
export type HistoryCommand = 'undo' | 'redo';

export { HISTORY_MENU_EVENT } from '../../core/transport';

const NOT_TEXT = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** Whether the element takes typing, so Ctrl+Z belongs to its own text undo. */
export function isTextField(element: Element | EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && !NOT_TEXT.has(element.type);
}

/** The command a key press asks for, or null. */
export function historyCommand(event: KeyboardEvent): HistoryCommand | null {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.metaKey && !event.shiftKey) return 'redo';
  return null;
}

/** Whether the app, not the focused control, should take the command: not while typing, nor under an open dialog. */
export function appTakesHistoryKeys(target: EventTarget | null): boolean {
  if (isTextField(target)) return false;
  return !(target instanceof Element && target.closest('dialog[open]'));
}
