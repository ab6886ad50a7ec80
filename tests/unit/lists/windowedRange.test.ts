/**
 * Which rows a windowed list draws and where (renderer/src/ui/common/windowedRange.ts): the
 * focused row and its neighbours are always drawn, the focused row is found by its key however
 * the rows move, and drawn rows are laid out in the page's flow so that the rows on screen are at
 * their true place and the list keeps its full height, even with the focused row far away.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  indexOfKey,
  placeRowsInFlow,
  withNeighbours,
  type RowExtent,
} from '../../../renderer/src/ui/common/windowedRange';

/** Where the list starts on the page (the virtualizer's offsets include it). */
const LIST_TOP = 500;

/** Rows of the given heights, one after another from LIST_TOP. */
function extents(heights: readonly number[]): RowExtent[] {
  let start = LIST_TOP;
  return heights.map((height, index) => {
    const row = { index, start, end: start + height };
    start += height;
    return row;
  });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** What the virtualizer draws: the visible rows, `overscan` more each side, and the focused. */
function drawn(
  all: readonly RowExtent[],
  visible: { startIndex: number; endIndex: number },
  overscan: number,
  focused: number | null,
): RowExtent[] {
  const range: number[] = [];
  const from = Math.max(0, visible.startIndex - overscan);
  const to = Math.min(all.length - 1, visible.endIndex + overscan);
  for (let index = from; index <= to; index++) range.push(index);
  return withNeighbours(range, focused, all.length).map((index) => all[index] as RowExtent);
}

describe('withNeighbours', () => {
  it('adds the focused row and the rows either side of it, in order, once each', () => {
    expect(withNeighbours([10, 11, 12], null, 100)).toEqual([10, 11, 12]);
    expect(withNeighbours([10, 11, 12], 50, 100)).toEqual([10, 11, 12, 49, 50, 51]);
    expect(withNeighbours([10, 11, 12], 9, 100)).toEqual([8, 9, 10, 11, 12]);
    expect(withNeighbours([10, 11, 12], 0, 100)).toEqual([0, 1, 10, 11, 12]);
    expect(withNeighbours([10, 11, 12], 99, 100)).toEqual([10, 11, 12, 98, 99]);
  });
});

describe('indexOfKey', () => {
  const keys = ['a', 'b', 'c', 'd'];
  const getKey = (index: number) => keys[index] ?? String(index);

  it('finds the row where it was, where it moved to, or not at all once it is gone', () => {
    expect(indexOfKey('c', 2, keys.length, getKey)).toBe(2);
    // The rows reordered (findings arrived, a card moved): the same row, at its new index.
    expect(indexOfKey('c', 0, keys.length, getKey)).toBe(2);
    expect(indexOfKey('c', 40, keys.length, getKey)).toBe(2);
    expect(indexOfKey('z', 1, keys.length, getKey)).toBeNull();
  });

  it('looks only at the hint when the row is still there', () => {
    const looked: number[] = [];
    const counting = (index: number) => {
      looked.push(index);
      return getKey(index);
    };
    expect(indexOfKey('d', 3, keys.length, counting)).toBe(3);
    expect(looked).toEqual([3]);
  });
});

describe('placeRowsInFlow', () => {
  const heights = Array.from({ length: 1000 }, (_, index) => 30 + (index % 7) * 10);
  const all = extents(heights);
  const total = sum(heights);
  const top = (index: number) => (all[index] as RowExtent).start - LIST_TOP;

  it('draws nothing and keeps the full height when no row is drawn', () => {
    expect(placeRowsInFlow([], null, LIST_TOP, total)).toEqual({
      indexes: [],
      before: 0,
      after: total,
      exact: null,
    });
  });

  it('draws one run of rows at its true place', () => {
    const rows = drawn(all, { startIndex: 400, endIndex: 420 }, 8, null);
    const placed = placeRowsInFlow(rows, { startIndex: 400, endIndex: 420 }, LIST_TOP, total);
    expect(placed.indexes).toEqual(rows.map((row) => row.index));
    expect(placed.before).toBe(top(392));
    expect(placed.after).toBe(total - top(429));
    expect(placed.exact).toEqual({ from: 392, to: 428 });
  });

  it('keeps the visible rows in place when the focused row is far above them', () => {
    const visible = { startIndex: 400, endIndex: 420 };
    const placed = placeRowsInFlow(drawn(all, visible, 8, 5), visible, LIST_TOP, total);
    expect(placed.indexes.slice(0, 4)).toEqual([4, 5, 6, 392]);
    // The focused run sits just above the visible run's overscan: the visible rows start where
    // they belong, and the list is as tall as ever.
    const focusedRun = sum(heights.slice(4, 7));
    expect(placed.before + focusedRun).toBe(top(392));
    expect(placed.after).toBe(total - top(429));
    expect(placed.exact).toEqual({ from: 392, to: 428 });
  });

  it('keeps the visible rows in place when the focused row is far below them', () => {
    const visible = { startIndex: 10, endIndex: 30 };
    const placed = placeRowsInFlow(drawn(all, visible, 8, 900), visible, LIST_TOP, total);
    expect(placed.indexes.slice(-4)).toEqual([38, 899, 900, 901]);
    expect(placed.before).toBe(top(2));
    expect(placed.after + sum(heights.slice(899, 902))).toBe(total - top(39));
    expect(placed.exact).toEqual({ from: 2, to: 38 });
  });

  it('draws the focused rows of a list far from the screen at their true place', () => {
    const focused = all.slice(599, 602);
    const placed = placeRowsInFlow(focused, null, LIST_TOP, total);
    expect(placed).toEqual({
      indexes: [599, 600, 601],
      before: top(599),
      after: total - top(602),
      exact: { from: 599, to: 601 },
    });
  });

  it('always keeps the focused row, the visible rows in place and the full height', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.nat(40),
        fc.nat(10),
        fc.option(fc.nat(), { nil: null }),
        (rowHeights, start, length, overscan, focusAt) => {
          const rows = extents(rowHeights);
          const count = rows.length;
          const startIndex = start % count;
          const visible = { startIndex, endIndex: Math.min(count - 1, startIndex + length) };
          const focused = focusAt === null ? null : focusAt % count;
          const items = drawn(rows, visible, overscan, focused);
          const placed = placeRowsInFlow(items, visible, LIST_TOP, sum(rowHeights));

          if (focused !== null) expect(placed.indexes).toContain(focused);
          expect(placed.indexes).toEqual([...placed.indexes].sort((a, b) => a - b));
          const drawnHeight = sum(items.map((row) => row.end - row.start));
          expect(placed.before + drawnHeight + placed.after).toBe(sum(rowHeights));
          // Every visible row is drawn, at its true offset in the flow.
          let offset = placed.before;
          const flowTop = new Map<number, number>();
          for (const row of items) {
            flowTop.set(row.index, offset);
            offset += row.end - row.start;
          }
          for (let index = visible.startIndex; index <= visible.endIndex; index++) {
            expect(flowTop.get(index)).toBe((rows[index] as RowExtent).start - LIST_TOP);
          }
        },
      ),
    );
  });
});
