import { useEffect, useRef, useState } from 'react';

/**
 * A native modal `<dialog>` driven by React state: `show()` opens it with `showModal()` (focus
 * trapped, Escape closes), `close()` closes it and returns focus to the button that opened it.
 */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const element = dialogRef.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return {
    dialogRef,
    openerRef,
    open,
    show: () => setOpen(true),
    /** Marks it closed without moving focus (it closed itself, e.g. on Escape, or the page changes). */
    dismiss: () => setOpen(false),
    close: () => {
      setOpen(false);
      openerRef.current?.focus();
    },
  };
}
