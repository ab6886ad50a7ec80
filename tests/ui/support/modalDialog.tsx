/**
 * jsdom 27 has `<dialog>` and its `open` attribute but not `showModal()` or `close()`, and no
 * Escape handling. This stands in for what the browser does, per the HTML standard, so the app's
 * own dialog code runs unchanged: `showModal()` opens the dialog, `close()` closes it and fires
 * `close`, and Escape while a modal dialog is open fires a cancelable `cancel` at it, closing it
 * unless cancelled. (Focus trapping and the inert rest of the page are not imitated; the
 * Chromium end-to-end tests cover them.)
 */
const modal: HTMLDialogElement[] = [];

function onEscape(event: KeyboardEvent): void {
  const top = modal.at(-1);
  if (event.key !== 'Escape' || !top) return;
  const cancel = new Event('cancel', { cancelable: true });
  if (top.dispatchEvent(cancel)) top.close();
}

/** Installs the stand-in once per test file (a no-op where the DOM has its own). */
export function installModalDialog(): void {
  const prototype = HTMLDialogElement.prototype;
  if (typeof prototype.showModal === 'function') return;
  prototype.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    this.open = true;
    modal.push(this);
  };
  prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    const at = modal.indexOf(this);
    if (at >= 0) modal.splice(at, 1);
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', onEscape);
}
