/**
 * Which rows a windowed list draws, and where: pure functions shared by the page-scrolled lists
 * (./useWindowedRows.ts), the reader's boxed lists and the dependency picker. No DOM here, so
 * they are tested directly.
 */

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

/**
 * Where the row with `key` is now, or null if it is gone. Rows are tracked by key, not index,
 * because rows move (a card moved up, findings that reorder the reader's list): `hint` (where it
 * was) is tried first, so the usual case costs one look and a reorder one pass over the list.
 */
export function indexOfKey(
  key: string,
  hint: number,
  count: number,
  getKey: (index: number) => string,
): number | null {
  if (hint >= 0 && hint < count && getKey(hint) === key) return hint;
  for (let index = 0; index < count; index++) {
    if (getKey(index) === key) return index;
  }
  return null;
}

/** A drawn row: its index and where it starts and ends, in the virtualizer's offsets. */
export interface RowExtent {
  index: number;
  start: number;
  end: number;
}

export interface FlowPlacement {
  /** The rows to draw, in order. */
  indexes: number[];
  /** Empty room before the first and after the last drawn row, in CSS pixels. */
  before: number;
  after: number;
  /** The first and last index of the rows drawn at their true place; null when none is drawn. */
  exact: { from: number; to: number } | null;
}

/**
 * Lays out the drawn rows of a list in the page's flow (rows one after another between two
 * spacers, as tables and lists with padding need), keeping the list's full height.
 *
 * Usually the drawn rows are one run of consecutive indexes, drawn exactly where they belong. The
 * focused row (kept drawn so that focus survives scrolling) can be a second run far from the
 * visible one, and a flow layout has no room between two runs for the rows not drawn. The run
 * that holds the visible rows (`visible`, the range before overscan) then stays at its true place,
 * and the other one is drawn right beside it, just past the overscan rows, where it is never on
 * screen; the spacers shrink by its height, so the page keeps its height and the scroll bar its
 * meaning. A run alone (a list far from the screen that holds focus) is drawn at its true place.
 *
 * `listTop` is the offset at which the list starts (the virtualizer's scroll margin) and `total`
 * the list's full height.
 */
export function placeRowsInFlow(
  items: readonly RowExtent[],
  visible: { startIndex: number; endIndex: number } | null,
  listTop: number,
  total: number,
): FlowPlacement {
  const runs: RowExtent[][] = [];
  for (const item of items) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && item.index === previous.index + 1) run.push(item);
    else runs.push([item]);
  }
  if (runs.length === 0) return { indexes: [], before: 0, after: total, exact: null };

  const first = (run: RowExtent[]) => run[0] as RowExtent;
  const last = (run: RowExtent[]) => run[run.length - 1] as RowExtent;
  const height = (run: RowExtent[]) => last(run).end - first(run).start;
  let main = runs.findIndex(
    (run) =>
      visible !== null &&
      first(run).index <= visible.endIndex &&
      last(run).index >= visible.startIndex,
  );
  if (main < 0) {
    main = 0;
    runs.forEach((run, at) => {
      if (run.length > (runs[main] as RowExtent[]).length) main = at;
    });
  }
  const exact = runs[main] as RowExtent[];
  let above = 0;
  let below = 0;
  runs.forEach((run, at) => {
    if (at < main) above += height(run);
    if (at > main) below += height(run);
  });
  return {
    indexes: items.map((item) => item.index),
    before: Math.max(0, first(exact).start - listTop - above),
    after: Math.max(0, total - (last(exact).end - listTop) - below),
    exact: { from: first(exact).index, to: last(exact).index },
  };
}
