import {
  defaultRangeExtractor,
  useWindowVirtualizer,
  type Range as VisibleRange,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useFocusedRow } from './useFocusedRow';
import { placeRowsInFlow, withNeighbours, type FlowPlacement } from './windowedRange';

// Also here, where the dependency picker's list imports it from.
export { withNeighbours };

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
  /**
   * A stable key per row (a task or annotation id), so measured heights and keyboard focus
   * follow the rows.
   */
  getKey: (index: number) => string;
  /**
   * The list stands beside others that share the page's scrolling (board columns). A row that
   * turns out taller or shorter than estimated above the screen then moves only its own list:
   * scrolling the page to keep this list still would move every other list instead.
   */
  besideOthers?: boolean;
}

export interface WindowedRows {
  /**
   * The `ref` of the element whose top is where the first row starts and that holds every row (a
   * list, a table body); focus is followed there.
   */
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

const NONE: readonly number[] = [];

/**
 * The rows of a long list in a page that scrolls as a whole (the window, not a box), windowed with
 * @tanstack/react-virtual. The caller renders `indexes` between two spacers (`before`, `after`:
 * padding on a list, or empty rows in a table), so the page has the list's full height and the
 * scroll bar means what it says. Rows may have any height; each is measured once drawn.
 *
 * A page can hold several such lists (one per phase or per board column): each one finds where
 * it starts on the page when it appears and whenever the page changes size, and draws no rows
 * while it is more than a screen away from the visible part, but the one that holds focus.
 *
 * Keyboard and screen readers: the row holding focus and the rows either side of it are always
 * drawn, however far the page scrolls from them, so focus never falls to the page and Tab and
 * Shift+Tab go on from where they were; every caller gets this from here, with no code of its own.
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
  // The rows drawn at their true place, as last drawn (see placeRowsInFlow).
  const exact = useRef<FlowPlacement['exact']>(null);

  // The row that holds focus stays drawn, with its neighbours for Tab and Shift+Tab. Drawn away
  // from its true place while the page is scrolled far from it, it is scrolled back to that place
  // as soon as it is used: focus entering it, or a key pressed in it (an arrow moving a card).
  const focused = useFocusedRow({
    container: windowed ? element : null,
    count,
    getKey,
    onRowInUse: (index) => {
      const run = exact.current;
      if (run !== null && (index < run.from || index > run.to)) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
      }
    },
  });
  const rangeExtractor = useCallback(
    (range: VisibleRange) => withNeighbours(defaultRangeExtractor(range), focused, range.count),
    [focused],
  );

  const virtualizer = useWindowVirtualizer({
    count,
    enabled: windowed && place !== null,
    estimateSize: () => estimatedHeight,
    getItemKey: getKey,
    overscan: OVERSCAN,
    rangeExtractor,
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

  // A list more than a screen away draws nothing but the focused row and its neighbours.
  const items = virtualizer.getVirtualItems();
  const near = place?.near ?? false;
  const { exact: inPlace, ...placed } = placeRowsInFlow(
    near ? items : items.filter((item) => focused !== null && Math.abs(item.index - focused) <= 1),
    near ? virtualizer.range : null,
    place?.top ?? 0,
    total,
  );
  useLayoutEffect(() => {
    exact.current = windowed ? inPlace : null;
  });

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
  return {
    listStart,
    ...placed,
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
