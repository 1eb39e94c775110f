/**
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo — except in a text field typed in since it
 * took focus, where the browser's own text undo runs (the app never takes those keys from someone
 * typing). A field nobody has typed in has no text of its own to undo: after removing an option,
 * focus lands in the empty "New option" field, and Ctrl+Z there brings the option back.
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

/** Text fields typed in since they last took focus. */
const typedSinceFocus = new WeakSet<EventTarget>();

/** Follows typing in the document's fields (the app calls this once); returns how to stop. */
export function watchTyping(target: Pick<Document, 'addEventListener' | 'removeEventListener'>): () => void {
  const focused = (event: Event) => event.target && typedSinceFocus.delete(event.target);
  const typed = (event: Event) => event.target && typedSinceFocus.add(event.target);
  target.addEventListener('focusin', focused, true);
  target.addEventListener('input', typed, true);
  return () => {
    target.removeEventListener('focusin', focused, true);
    target.removeEventListener('input', typed, true);
  };
}

/** Whether Ctrl+Z belongs to the element's own text undo: a text field typed in since it took focus. */
export function hasOwnTextUndo(element: Element | EventTarget | null): boolean {
  return isTextField(element) && element !== null && typedSinceFocus.has(element);
}

/** The command a key press asks for, or null. */
export function historyCommand(event: KeyboardEvent): HistoryCommand | null {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.metaKey && !event.shiftKey) return 'redo';
  return null;
}

/** Whether the app, not the focused control, should take the command: not after typing in a field, nor under an open dialog. */
export function appTakesHistoryKeys(target: EventTarget | null): boolean {
  if (hasOwnTextUndo(target)) return false;
  return !(target instanceof Element && target.closest('dialog[open]'));
}
