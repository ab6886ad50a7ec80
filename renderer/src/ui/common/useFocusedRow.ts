import { useEffect, useInsertionEffect, useMemo, useRef, useState } from 'react';
import { indexOfKey } from './windowedRange';

export interface FocusedRowOptions {
  /** The element that holds the rows (a list, a table body, a scroll box); null when none. */
  container: HTMLElement | null;
  count: number;
  /** A stable key per row (a task or annotation id). */
  getKey: (index: number) => string;
  /**
   * Told, with the row's index, when focus enters a row (or moves within one) and when a key other
   * than Tab is pressed in one (Tab moves focus, which is then told as entering the next row).
   */
  onRowInUse?: (index: number) => void;
}

/**
 * The index of the row that holds keyboard focus in a windowed list, or null. A windowed list
 * keeps this row drawn, so focus does not fall to the page when the row scrolls out of view, and
 * Tab, the arrow keys and a screen reader's place keep working.
 *
 * Rows carry `data-index`; focus is followed with `focusin` and `focusout` on the container and
 * remembered by the row's key, so when rows are added, removed or reordered (findings arriving,
 * a card moved) the same row stays drawn and keeps focus, not whichever row took its old index.
 */
export function useFocusedRow({
  container,
  count,
  getKey,
  onRowInUse,
}: FocusedRowOptions): number | null {
  const [focused, setFocused] = useState<{ key: string; index: number } | null>(null);
  // The listeners live as long as the container; they read the caller's latest functions. Those
  // are updated before the page is: when rows move, React gives focus back to the moved element
  // as soon as the page is updated, before layout effects run, and the key must be read then
  // with the new order.
  const latest = useRef({ getKey, onRowInUse });
  useInsertionEffect(() => {
    latest.current = { getKey, onRowInUse };
  });

  useEffect(() => {
    if (!container) return;
    let check: number | undefined;
    const onFocusIn = (event: FocusEvent) => {
      const index = rowIndexOf(event.target, container);
      if (index === null) return;
      const key = latest.current.getKey(index);
      setFocused((old) => (old?.key === key && old.index === index ? old : { key, index }));
      latest.current.onRowInUse?.(index);
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && container.contains(next)) return;
      // Focus left the list, or the window lost focus (the row then keeps it, and must stay
      // drawn for when the window gets it back): tell which once the move is over.
      window.clearTimeout(check);
      check = window.setTimeout(() => {
        if (!container.contains(document.activeElement)) setFocused(null);
      }, 0);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return;
      const index = rowIndexOf(event.target, container);
      if (index !== null) latest.current.onRowInUse?.(index);
    };
    container.addEventListener('focusin', onFocusIn);
    container.addEventListener('focusout', onFocusOut);
    container.addEventListener('keydown', onKeyDown);
    return () => {
      window.clearTimeout(check);
      container.removeEventListener('focusin', onFocusIn);
      container.removeEventListener('focusout', onFocusOut);
      container.removeEventListener('keydown', onKeyDown);
    };
  }, [container]);

  return useMemo(
    () =>
      focused === null || container === null
        ? null
        : indexOfKey(focused.key, focused.index, count, getKey),
    [focused, container, count, getKey],
  );
}

/** The `data-index` of the row in `container` that holds `target`, or null. */
function rowIndexOf(target: EventTarget | null, container: HTMLElement): number | null {
  const row = target instanceof Element ? target.closest('[data-index]') : null;
  if (!row || !container.contains(row)) return null;
  const index = Number(row.getAttribute('data-index'));
  return Number.isInteger(index) && index >= 0 ? index : null;
}
