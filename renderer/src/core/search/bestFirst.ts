import { sortNonNegative } from './radixSort';

/**
 * The order of search hits, best first: documents matched exactly before those matched only
 * through typos, higher scores first, and equal scores in `tieOrder` (by id). Sorting every hit
 * with a three-key comparator was half the time of a one-word search; this sorts plain numbers.
 *
 * Each score is a non-negative double. Its lowest mantissa bits are replaced by the hit's place
 * in `tieOrder` (inverted), so a numeric sort of the doubles orders by score and then by that
 * place, and the place is read back from the bits. Only as many bits as the number of hits needs
 * are replaced (14 for 10,000 hits, leaving 38 of the 52), so scores equal to about 11
 * significant digits count as equal, far below any difference a ranking could mean. The doubles
 * are sorted by their bits (`radixSort.ts`), faster than comparing them for thousands of hits.
 */
export function bestFirst(
  scores: Float64Array,
  typoOnly: Uint8Array,
  /** Hit indexes in tie-break order; null when that is their own order. */
  tieOrder: Int32Array | null,
  scratch: OrderScratch = new OrderScratch(),
): Int32Array {
  const count = scores.length;
  if (!LITTLE_ENDIAN || !scores.every((score) => score >= 0 && score < Infinity))
    return compared(scores, typoOnly, tieOrder);
  scratch.fit(count);
  const { keys, words, spare, one, oneWords } = scratch;
  const order = scratch.order.subarray(0, count);
  const bits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const mask = 2 ** bits - 1;
  let placed = 0;
  // Typo-only matches are usually none: then one pass takes every hit.
  const groups = typoOnly.includes(1) ? [0, 1] : [-1];
  for (const typo of groups) {
    let size = 0;
    for (let place = 0; place < count; place++) {
      const hit = tieOrder ? (tieOrder[place] as number) : place;
      if (typo !== -1 && typoOnly[hit] !== typo) continue;
      // + 0 turns -0 (whose sign bit would sort it last) into 0.
      keys[size] = (scores[hit] as number) + 0;
      words[size * 2] = (((words[size * 2] as number) & ~mask) | (mask - place)) >>> 0;
      size += 1;
    }
    const sorted = sortNonNegative(keys, size, spare);
    for (let i = size - 1; i >= 0; i--) {
      one[0] = sorted[i] as number;
      const place = mask - ((oneWords[0] as number) & mask);
      order[placed++] = tieOrder ? (tieOrder[place] as number) : place;
    }
  }
  return order;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The arrays `bestFirst` works in, kept between searches: a search of thousands of hits would
 * otherwise allocate (and the collector free) several arrays of that size each time.
 */
export class OrderScratch {
  keys = new Float64Array(0);
  /** Word 2i holds the lowest 32 bits of keys[i]. */
  words = new Uint32Array(0);
  /** Where the radix sort writes. */
  spare = new Float64Array(0);
  order = new Int32Array(0);
  readonly one = new Float64Array(1);
  readonly oneWords = new Uint32Array(this.one.buffer);

  /** Makes room for `count` hits. */
  fit(count: number): void {
    if (this.keys.length >= count) return;
    const size = Math.max(count, this.keys.length * 2);
    this.keys = new Float64Array(size);
    this.words = new Uint32Array(this.keys.buffer);
    this.spare = new Float64Array(size);
    this.order = new Int32Array(size);
  }
}

/** The same order by a comparator: for scores the bit trick cannot take (negative, NaN). */
function compared(
  scores: Float64Array,
  typoOnly: Uint8Array,
  tieOrder: Int32Array | null,
): Int32Array {
  const order = tieOrder ? tieOrder.slice() : Int32Array.from(scores.keys());
  // Array sort is stable, so ties keep the tie order.
  return Int32Array.from(
    Array.from(order).sort(
      (a, b) =>
        (typoOnly[a] as number) - (typoOnly[b] as number) ||
        (scores[b] as number) - (scores[a] as number),
    ),
  );
}
