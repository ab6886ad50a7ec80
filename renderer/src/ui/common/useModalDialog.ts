import { useEffect, useRef, useState } from 'react';

export interface ModalDialogOptions {
  /**
   * Shown from the first render: for a dialog its parent mounts for each request and unmounts to
   * close it (the parent then owns "open", and `show`/`close` go unused).
   */
  initiallyOpen?: boolean;
  /** Where focus goes on closing when the control that opened the dialog is gone. */
  fallbackFocus?: () => void;
}

/**
 * A native modal `<dialog>` driven by React state: `show()` opens it with `showModal()` (focus
 * trapped, Escape closes), `close()` closes it and puts focus back on what opened it: the button
 * in `openerRef` when there is one, else whatever had focus when it opened, else `fallbackFocus`
 * (never `<body>`, where a keyboard user would have to start again from the top). A dialog that
 * is unmounted while open is closed the same way.
 */
export function useModalDialog(options: ModalDialogOptions = {}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  /** What had focus when the dialog opened. */
  const focusedBefore = useRef<Element | null>(null);
  /** Opened by this hook and not closed by it since (it may have closed itself meanwhile). */
  const shown = useRef(false);
  const fallbackFocus = useRef(options.fallbackFocus);
  const [open, setOpen] = useState(options.initiallyOpen ?? false);

  useEffect(() => {
    fallbackFocus.current = options.fallbackFocus;
  });

  useEffect(() => {
    const element = dialogRef.current;
    if (!element) return;
    if (open && !element.open) {
      focusedBefore.current = document.activeElement;
      element.showModal();
      shown.current = true;
    }
    if (!open) {
      shown.current = false;
      if (element.open) element.close();
    }
  }, [open]);

  useEffect(() => {
    const element = dialogRef.current;
    const opener = openerRef.current;
    return () => {
      if (!element || !shown.current) return;
      shown.current = false;
      element.close();
      restoreFocus(opener, focusedBefore.current, fallbackFocus.current);
    };
  }, []);

  return {
    dialogRef,
    openerRef,
    open,
    show: () => setOpen(true),
    /** Marks it closed without moving focus (it closed itself, e.g. on Escape, or the page changes). */
    dismiss: () => setOpen(false),
    close: () => {
      setOpen(false);
      restoreFocus(openerRef.current, focusedBefore.current, fallbackFocus.current);
    },
  };
}

/** Focus on the opener, else on what had focus before, whichever is still in the page; else `fallback`. */
function restoreFocus(
  opener: HTMLElement | null,
  focusedBefore: Element | null,
  fallback: (() => void) | undefined,
): void {
  for (const candidate of [opener, focusedBefore]) {
    if (candidate instanceof HTMLElement && candidate.isConnected && candidate !== document.body) {
      candidate.focus();
      return;
    }
  }
  fallback?.();
}
