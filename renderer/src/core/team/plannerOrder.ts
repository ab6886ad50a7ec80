/**
 * The order of the planner's lists as records. A list (plans, each plan's phases, tasks,
 * assessments) is stored as an `order` number per record, read back sorted by (order, id): the id
 * breaks ties, so two members who insert at the same place concurrently still get one order on
 * every machine. Moving one item rewrites that item's number only (a number between its new
 * neighbours), never the whole list.
 *
 * The numbers a database's lists stand for are remembered here by list identity (databases are
 * immutable): `materializePlanner` records them for the lists it builds, and `plannerWrites`
 * for the lists of each database it diffs to. A list never seen is taken as numbered 1, 2, 3…
 */

/** The order numbers of a list, by the identity of the list (the numbers run parallel to it). */
const orderBook = new WeakMap<readonly object[], readonly number[]>();

/** Remembers the order numbers a list stands for. */
export function rememberOrders(list: readonly object[], orders: readonly number[]): void {
  orderBook.set(list, orders);
}

/** The order numbers a list stands for (1, 2, 3… for a list never seen). */
export function ordersOf(list: readonly object[]): readonly number[] {
  const known = orderBook.get(list);
  if (known && known.length === list.length) return known;
  return Array.from(list, (_, index) => index + 1);
}

/** Sorts by order, then by id (the same on every machine). */
export function compareOrdered(
  a: { order: number; id: string },
  b: { order: number; id: string },
): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How `next` lines up with `prev`: its order numbers, and which records must write theirs. */
export interface Placement<T> {
  /** Order numbers parallel to `next`. */
  orders: readonly number[];
  /** Records of `next` whose order number is new (moved, added or back): id -> order. */
  moved: Map<string, number>;
  /** The item of `prev` with the same id as `next[index]`, if any. */
  previousAt(index: number): T | undefined;
  /** Items of `prev` that `next` no longer has. */
  removed: T[];
}

/**
 * Places `next` against `prev` (whose orders are `prevOrders`): items that keep their relative
 * order keep their numbers; the rest get numbers between their neighbours. Linear for the usual
 * edits (one item changed, added, removed or moved): a common head and tail are matched by
 * identity or id, and only the part between is compared (a longest increasing run of old
 * numbers stays put, O(k log k) in its length k).
 */
export function placeInOrder<T extends { readonly id: string }>(
  prev: readonly T[],
  prevOrders: readonly number[],
  next: readonly T[],
): Placement<T> {
  const n = prev.length;
  const m = next.length;
  let head = 0;
  while (head < n && head < m && sameId(prev[head] as T, next[head] as T)) head++;
  let tail = 0;
  while (
    tail < n - head &&
    tail < m - head &&
    sameId(prev[n - 1 - tail] as T, next[m - 1 - tail] as T)
  ) {
    tail++;
  }
  const moved = new Map<string, number>();
  if (head === n && head === m) {
    return { orders: prevOrders, moved, previousAt: (index) => prev[index], removed: [] };
  }
  // The middle of both lists: what was added, removed or moved.
  const before = new Map<string, number>(); // id -> index in prev
  for (let i = head; i < n - tail; i++) before.set((prev[i] as T).id, i);
  const middle = new Set<string>();
  for (let i = head; i < m - tail; i++) middle.add((next[i] as T).id);
  const removed: T[] = [];
  for (let i = head; i < n - tail; i++) {
    if (!middle.has((prev[i] as T).id)) removed.push(prev[i] as T);
  }
  const previousAt = (index: number): T | undefined => {
    if (index < head) return prev[index];
    if (index >= m - tail) return prev[index - m + n];
    const at = before.get((next[index] as T).id);
    return at === undefined ? undefined : prev[at];
  };

  const orders = new Array<number>(m);
  for (let i = 0; i < head; i++) orders[i] = prevOrders[i] as number;
  for (let k = 1; k <= tail; k++) orders[m - k] = prevOrders[n - k] as number;
  const low = head > 0 ? { order: orders[head - 1] as number, id: (next[head - 1] as T).id } : null;
  const high =
    tail > 0 ? { order: orders[m - tail] as number, id: (next[m - tail] as T).id } : null;

  // Middle items that can keep their old number: the longest run whose (order, id) increases,
  // strictly between the head and the tail.
  const candidates: { index: number; order: number; id: string }[] = [];
  for (let i = head; i < m - tail; i++) {
    const at = before.get((next[i] as T).id);
    if (at === undefined) continue;
    const entry = { index: i, order: prevOrders[at] as number, id: (next[i] as T).id };
    if (low && compareOrdered(low, entry) >= 0) continue;
    if (high && compareOrdered(entry, high) >= 0) continue;
    candidates.push(entry);
  }
  const kept = new Set(longestIncreasing(candidates).map((entry) => entry.index));
  for (const entry of candidates) if (kept.has(entry.index)) orders[entry.index] = entry.order;

  if (!numberRuns(orders, head, m - tail, kept, low?.order, high?.order)) {
    // No room left between two numbers (after very many moves to one place): number it all anew.
    for (let i = 0; i < m; i++) orders[i] = i + 1;
    for (let i = 0; i < m; i++) moved.set((next[i] as T).id, i + 1);
    return { orders, moved, previousAt, removed };
  }
  for (let i = head; i < m - tail; i++) {
    if (!kept.has(i)) moved.set((next[i] as T).id, orders[i] as number);
  }
  return { orders, moved, previousAt, removed };
}

function sameId<T extends { readonly id: string }>(a: T, b: T): boolean {
  return a === b || a.id === b.id;
}

/**
 * Gives every index in [from, to) not in `kept` a number between its kept neighbours (or `low`
 * and `high` at the ends). A run that finds no room takes in the kept neighbour after it and
 * tries again; false when even the end gives no room (then the caller renumbers everything).
 */
function numberRuns(
  orders: number[],
  from: number,
  to: number,
  kept: ReadonlySet<number>,
  low: number | undefined,
  high: number | undefined,
): boolean {
  let i = from;
  let left = low;
  while (i < to) {
    if (kept.has(i)) {
      left = orders[i];
      i++;
      continue;
    }
    let end = i; // the run is [i, end)
    while (end < to && !kept.has(end)) end++;
    for (;;) {
      const right = end < to ? orders[end] : high;
      if (spread(orders, i, end, left, right)) break;
      if (end >= to) return false;
      end++; // take in the kept neighbour: it gets a new number too
      while (end < to && !kept.has(end)) end++;
    }
    // Indices taken in are no longer kept.
    for (let k = i; k < end; k++) if (kept.has(k)) (kept as Set<number>).delete(k);
    left = orders[end - 1];
    i = end;
  }
  return true;
}

/** Evenly spaced numbers for [from, to) strictly between `left` and `right`; false if none fit. */
function spread(
  orders: number[],
  from: number,
  to: number,
  left: number | undefined,
  right: number | undefined,
): boolean {
  const count = to - from;
  const values: number[] = [];
  for (let k = 1; k <= count; k++) {
    values.push(
      left === undefined && right === undefined
        ? k
        : right === undefined
          ? (left as number) + k
          : left === undefined
            ? right - (count + 1 - k)
            : left + ((right - left) * k) / (count + 1),
    );
  }
  let last = left ?? -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value) || !(value > last)) return false;
    last = value;
  }
  if (right !== undefined && !(last < right)) return false;
  values.forEach((value, k) => (orders[from + k] = value));
  return true;
}

/** A longest subsequence whose (order, id) strictly increases (patience sorting). */
function longestIncreasing<E extends { order: number; id: string }>(items: readonly E[]): E[] {
  const tails: number[] = []; // index into items of the smallest tail of each length
  const parent = new Array<number>(items.length).fill(-1);
  items.forEach((item, index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareOrdered(items[tails[mid] as number] as E, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[index] = tails[lo - 1] as number;
    tails[lo] = index;
  });
  const out: E[] = [];
  let at = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
  while (at >= 0) {
    out.push(items[at] as E);
    at = parent[at] as number;
  }
  return out.reverse();
}
