import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * Lists up to this many rows render every row: the page stays as simple as it was (find in page,
 * print and screen readers see everything) and costs well under 100 ms to draw. Longer lists (a
 * 20,000-task plan, thousands of annotations) render only the rows near the screen.
 */
export const ROWS_RENDERED_IN_FULL = 150;

/** Rows drawn beyond each edge of the screen, so fast keyboard and wheel scrolling find them. */
const OVERSCAN = 8;

export interface WindowedRowsOptions {
  count: number;
  /** Render only the rows near the screen (true), or all of them (false). */
  windowed: boolean;
  /** A row's usual height in CSS pixels, until it is drawn and measured. */
  estimatedHeight: number;
  /** A stable key per row (a task or annotation id), so measured heights follow the rows. */
  getKey: (index: number) => string;
  /**
   * The list stands beside others that share the page's scrolling (board columns). A row that
   * turns out taller or shorter than estimated above the screen then moves only its own list:
   * scrolling the page to keep this list still would move every other list instead.
   */
  besideOthers?: boolean;
}

export interface WindowedRows {
  /** The `ref` of the element whose top is where the first row starts (a list, a table body). */
  listStart: (element: HTMLElement | null) => void;
  /** Indexes of the rows to render, in order. */
  indexes: readonly number[];
  /** Height in pixels to leave empty before the first and after the last rendered row. */
  before: number;
  after: number;
  /** Ref for every rendered row, which must also carry `data-index={index}`. */
  measureRow: (element: Element | null) => void;
  /** Scrolls the page so the row is drawn and in view (before focusing it, say). */
  scrollToRow: (index: number) => void;
}

/**
 * The height a row takes in the flow: its box and its margins. Rows have a bottom margin at most,
 * so no two margins collapse into one between them. Shared by every windowed list.
 */
export function heightWithMargins(element: Element): number {
  const style = getComputedStyle(element);
  return (
    element.getBoundingClientRect().height +
    (parseFloat(style.marginTop) || 0) +
    (parseFloat(style.marginBottom) || 0)
  );
}

/**
 * The visible indexes plus the focused row and its neighbours, sorted, without repeats: the
 * focused row stays drawn (so focus survives scrolling) and Tab or Shift+Tab reach its neighbours.
 */
export function withNeighbours(
  visible: readonly number[],
  focused: number | null,
  count: number,
): number[] {
  if (focused === null) return [...visible];
  const wanted = new Set(visible);
  for (const index of [focused - 1, focused, focused + 1]) {
    if (index >= 0 && index < count) wanted.add(index);
  }
  return [...wanted].sort((a, b) => a - b);
}

const NONE: readonly number[] = [];

/**
 * The rows of a long list in a page that scrolls as a whole (the window, not a box), windowed with
 * @tanstack/react-virtual. The caller renders `indexes` between two spacers (`before`, `after`:
 * padding on a list, or empty rows in a table), so the page has the list's full height and the
 * scroll bar means what it says. Rows may have any height; each is measured once drawn.
 *
 * A page can hold several such lists (one per phase or per board column): each one finds where
 * it starts on the page when it appears and whenever the page changes size, and draws no rows at
 * all while it is more than a screen away from the visible part.
 */
export function useWindowedRows({
  count,
  windowed,
  estimatedHeight,
  getKey,
  besideOthers = false,
}: WindowedRowsOptions): WindowedRows {
  // The list's element (a state, so a list that appears later, as a phase's first task is added,
  // is measured and observed too), where it starts on the page and whether it is near the screen.
  const [element, listStart] = useState<HTMLElement | null>(null);
  const [place, setPlace] = useState<{ top: number; near: boolean } | null>(null);
  const totalRef = useRef(0);

  const virtualizer = useWindowVirtualizer({
    count,
    enabled: windowed && place !== null,
    estimateSize: () => estimatedHeight,
    getItemKey: getKey,
    overscan: OVERSCAN,
    scrollMargin: place?.top ?? 0,
    measureElement: heightWithMargins,
    // Several lists on one page (board columns, phases) then re-render in one batch per scroll
    // event, and the page is laid out once, not once per list.
    useFlushSync: false,
  });
  const total = windowed ? virtualizer.getTotalSize() : 0;

  useLayoutEffect(() => {
    totalRef.current = total;
    leavePageStill(virtualizer, besideOthers);
  });
  useLayoutEffect(() => {
    if (!windowed || !element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      const screen = window.innerHeight;
      const near =
        top < window.scrollY + 2 * screen && top + totalRef.current > window.scrollY - screen;
      setPlace((old) =>
        old !== null && Math.abs(old.top - top) < 1 && old.near === near ? old : { top, near },
      );
    };
    measure();
    // Where the list starts changes only when something above it changes height, and then the
    // page does too; the list coming within a screen of the visible part, or leaving, is when its
    // rows start or stop being drawn. Observers report both after layout, so finding the list's
    // place never forces the browser to lay the page out again in the middle of a frame.
    const resizes = new ResizeObserver(measure);
    resizes.observe(document.body);
    const nearness = new IntersectionObserver(measure, { rootMargin: '100% 0px 100% 0px' });
    nearness.observe(element);
    return () => {
      resizes.disconnect();
      nearness.disconnect();
    };
  }, [windowed, element]);

  const scrollToRow = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  );

  if (!windowed) {
    return {
      listStart,
      indexes: allIndexes(count),
      before: 0,
      after: 0,
      measureRow: noop,
      scrollToRow: noop,
    };
  }
  const items = place?.near ? virtualizer.getVirtualItems() : [];
  const first = items[0];
  const last = items[items.length - 1];
  const margin = place?.top ?? 0;
  return {
    listStart,
    indexes: items.map((item) => item.index),
    before: first ? first.start - margin : 0,
    after: last ? Math.max(0, total - (last.end - margin)) : total,
    measureRow: virtualizer.measureElement,
    scrollToRow,
  };
}

function allIndexes(count: number): readonly number[] {
  return count === 0 ? NONE : Array.from({ length: count }, (_, index) => index);
}

function noop(): void {}

/**
 * Turns off the virtualizer's scroll correction for rows measured above the screen. It is set on
 * the instance, as @tanstack/virtual documents, because it is not one of its options.
 */
function leavePageStill(virtualizer: Virtualizer<Window, Element>, still: boolean): void {
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = still ? () => false : undefined;
}
