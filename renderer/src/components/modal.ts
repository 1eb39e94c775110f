import type { Attachment } from 'svelte/attachments';

/**
 * `<dialog {@attach modal()}>`: opens the dialog as a modal and, when it goes (saved, cancelled,
 * Escape), gives focus back to the control that opened it, so a keyboard or screen-reader user
 * goes on from where they were instead of from the top of the page. The dialog leaves the page
 * when its owner stops showing it, which the browser's own focus return (on close()) never sees.
 * `elsewhere` names another place when the opener will not be there to take it (a confirmed
 * removal takes its Remove button with it); it is asked as the dialog goes.
 */
export function modal(elsewhere?: () => HTMLElement | null | undefined): Attachment<HTMLDialogElement> {
  return (dialog) => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    dialog.showModal();
    return () => {
      const other = elsewhere?.();
      if (dialog.open) dialog.close();
      // Once this update is through: focus cannot move while the modal is still on the page.
      queueMicrotask(() => {
        const target = other ?? (opener?.isConnected ? opener : null);
        target?.focus();
      });
    };
  };
}
