import {
  defaultRangeExtractor,
  useVirtualizer,
  type Range as VisibleRange,
} from '@tanstack/react-virtual';
import { useCallback, useRef, useState, type CSSProperties } from 'react';
import { useFocusedRow } from '../../common/useFocusedRow';
import { ROWS_RENDERED_IN_FULL, heightWithMargins } from '../../common/useWindowedRows';
import { withNeighbours } from '../../common/windowedRange';

/** Rows drawn beyond each edge of the box, so wheel and keyboard scrolling find them drawn. */
const OVERSCAN = 6;

export interface BoxedRowsOptions {
  count: number;
  /** A row's usual height in CSS pixels, until it is drawn and measured. */
  estimatedHeight: number;
  /** A stable key per row (an annotation id), so measured heights follow the rows. */
  getKey: (index: number) => string;
}

export interface BoxedRows {
  /** True when the list is long enough to be drawn in part, in its own scroll box. */
  boxed: boolean;
  /** Props for the scroll box around the list. */
  box: {
    ref: (element: HTMLDivElement | null) => void;
    className: string | undefined;
  };
  /** Style for the list element: the full height of every row, drawn or not. */
  listStyle: CSSProperties | undefined;
  /** The rows to draw, in order. */
  rows: readonly { index: number; style: CSSProperties | undefined }[];
  /** Ref for every drawn row, which must also carry `data-index={index}`. */
  measureRow: (element: Element | null) => void;
}

/**
 * The rows of a long list in the reader's margin, drawn only near the visible part of a scroll
 * box of their own (the margin is a sticky column with its own scrolling on wide screens, so the
 * window-scrolled rows of ../../common/useWindowedRows.ts do not fit it; its threshold is
 * shared). Shorter lists are drawn whole, exactly as before.
 *
 * Keyboard and screen readers: the row holding focus and the rows either side of it are always
 * drawn, so Tab and Shift+Tab go from row to row in order however far the box has scrolled (the
 * browser then scrolls the focused row into view, and the rows near it are drawn). That row is
 * followed by its key (the annotation's id), so when findings arrive and the list reorders, the
 * annotation that had focus keeps it and stays drawn, wherever it moved. Rows carry
 * `aria-posinset` and `aria-setsize` (set by the caller) so each is announced as "n of N".
 */
export function useBoxedRows({ count, estimatedHeight, getKey }: BoxedRowsOptions): BoxedRows {
  const boxed = count > ROWS_RENDERED_IN_FULL;
  const box = useRef<HTMLDivElement | null>(null);
  // The box as a state too, for following focus in it from when it is drawn.
  const [boxElement, setBoxElement] = useState<HTMLDivElement | null>(null);
  const focused = useFocusedRow({ container: boxed ? boxElement : null, count, getKey });
  const rangeExtractor = useCallback(
    (range: VisibleRange) => withNeighbours(defaultRangeExtractor(range), focused, range.count),
    [focused],
  );
  // The virtualizer's getters change with every scroll; nothing here memoizes them or passes them
  // to memoized children (rows are read afresh on each render), which is what the rule guards.
  // eslint-disable-next-line react-hooks/incompatible-library -- see the comment above
  const virtualizer = useVirtualizer({
    count,
    enabled: boxed,
    getScrollElement: () => box.current,
    estimateSize: () => estimatedHeight,
    getItemKey: getKey,
    overscan: OVERSCAN,
    measureElement: heightWithMargins,
    rangeExtractor,
    // React 19 warns about flushSync during rendering; overscan covers the frame it saves.
    useFlushSync: false,
  });

  const ref = useCallback((element: HTMLDivElement | null) => {
    box.current = element;
    setBoxElement(element);
  }, []);

  if (!boxed) {
    return {
      boxed,
      box: { ref, className: undefined },
      listStyle: undefined,
      rows: Array.from({ length: count }, (_, index) => ({ index, style: undefined })),
      measureRow: noop,
    };
  }
  return {
    boxed,
    box: { ref, className: 'anno-scroll' },
    listStyle: { position: 'relative', height: virtualizer.getTotalSize() },
    rows: virtualizer.getVirtualItems().map((item) => ({
      index: item.index,
      style: {
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        transform: `translateY(${item.start}px)`,
      },
    })),
    measureRow: virtualizer.measureElement,
  };
}

function noop(): void {}
