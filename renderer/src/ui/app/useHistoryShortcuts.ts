import { useEffect } from 'react';

/** Mouse buttons 3 and 4 are the "back" and "forward" side buttons. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/**
 * Back and forward with Alt+Left / Alt+Right and the mouse's side buttons. Browsers do this
 * themselves, but Electron windows do not; handling it here (and cancelling the browser's own
 * handling) gives both hosts exactly one step per press.
 */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      if (isTextEntry(event.target)) return; // Alt+arrows can mean something in a text field
      event.preventDefault();
      if (event.key === 'ArrowLeft') window.history.back();
      else window.history.forward();
    };
    // Chromium starts its own navigation on mouseup; cancelling both halves stops it.
    const onMouseDown = (event: MouseEvent) => {
      if (event.button === MOUSE_BACK || event.button === MOUSE_FORWARD) event.preventDefault();
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button === MOUSE_BACK) {
        event.preventDefault();
        window.history.back();
      } else if (event.button === MOUSE_FORWARD) {
        event.preventDefault();
        window.history.forward();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mousedown', onMouseDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mousedown', onMouseDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.matches('textarea, select, input:not([type=radio], [type=checkbox], [type=button])')
  );
}
