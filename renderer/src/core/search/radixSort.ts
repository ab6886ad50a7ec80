/**
 * Sorting non-negative doubles by their bits. A non-negative double's 64 bits, read as an
 * unsigned integer, are in the same order as its value. A radix sort on the upper 32 bits (sign,
 * exponent and the top 20 bits of the mantissa: three passes of 11, 11 and 10 bits) puts the
 * keys in order but for those whose upper halves are equal, which sit next to each other and are
 * then sorted by `Float64Array.prototype.sort`. For the thousands of scores a search sorts this is
 * several times faster than `Float64Array.prototype.sort` on them all (a comparison sort); below
 * `RADIX_THRESHOLD` keys the comparison sort is faster and is used alone.
 */

/** Fewer keys than this are sorted by `Float64Array.prototype.sort` alone. */
export const RADIX_THRESHOLD = 768;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const DIGIT_BITS = [11, 11, 10] as const;
const BUCKETS = 2048;

/** Runs of equal upper halves up to this long are sorted in place, without a view. */
const SHORT_RUN = 24;

/** Reused between calls: one histogram per pass. */
const counts = new Uint32Array(3 * BUCKETS);

/**
 * `keys[0 .. size)` sorted ascending. Every key must be a non-negative double that is not NaN
 * (the caller checks: a negative key would sort after the positive ones). Returns an array of the
 * `size` keys in order: `keys`, `spare` (or a view of either) or a new array; `keys` and `spare`
 * may both have been written to.
 */
export function sortNonNegative(
  keys: Float64Array,
  size: number,
  /** Room for the sort to write into (at least `size` long), else it allocates its own. */
  spare?: Float64Array,
): Float64Array {
  if (size < RADIX_THRESHOLD || !LITTLE_ENDIAN) return keys.subarray(0, size).sort();
  let source: Float64Array = keys;
  let target: Float64Array = spare && spare.length >= size ? spare : new Float64Array(size);
  let sourceWords: Uint32Array = new Uint32Array(source.buffer, source.byteOffset, size * 2);
  let targetWords: Uint32Array = new Uint32Array(target.buffer, target.byteOffset, size * 2);
  counts.fill(0);
  for (let i = 0; i < size; i++) {
    const high = sourceWords[i * 2 + 1] as number;
    counts[high & 2047] = (counts[high & 2047] as number) + 1;
    const middle = BUCKETS + ((high >>> 11) & 2047);
    counts[middle] = (counts[middle] as number) + 1;
    const top = 2 * BUCKETS + (high >>> 22);
    counts[top] = (counts[top] as number) + 1;
  }
  let shift = 0;
  for (let pass = 0; pass < DIGIT_BITS.length; pass++) {
    const base = pass * BUCKETS;
    const mask = 2 ** (DIGIT_BITS[pass] as number) - 1;
    // A digit every key shares orders nothing (the exponent, often).
    const shared = ((sourceWords[1] as number) >>> shift) & mask;
    if (counts[base + shared] !== size) {
      // The counts become the first slot of each digit.
      let next = 0;
      for (let digit = 0; digit <= mask; digit++) {
        const count = counts[base + digit] as number;
        counts[base + digit] = next;
        next += count;
      }
      for (let i = 0; i < size; i++) {
        const high = sourceWords[i * 2 + 1] as number;
        const at = base + ((high >>> shift) & mask);
        const slot = counts[at] as number;
        counts[at] = slot + 1;
        targetWords[slot * 2] = sourceWords[i * 2] as number;
        targetWords[slot * 2 + 1] = high;
      }
      const keysNow = target;
      target = source;
      source = keysNow;
      const wordsNow = targetWords;
      targetWords = sourceWords;
      sourceWords = wordsNow;
    }
    shift += DIGIT_BITS[pass] as number;
  }
  // Keys with equal upper halves are adjacent: order each such run by the whole key.
  let start = 0;
  for (let i = 1; i <= size; i++) {
    if (i < size && sourceWords[i * 2 + 1] === sourceWords[start * 2 + 1]) continue;
    if (i - start > SHORT_RUN) source.subarray(start, i).sort();
    else if (i - start > 1) insertionSort(source, start, i);
    start = i;
  }
  return source.length === size ? source : source.subarray(0, size);
}

/** Sorts keys[start .. end) in place; for the short runs a radix pass leaves. */
function insertionSort(keys: Float64Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i] as number;
    let j = i - 1;
    while (j >= start && (keys[j] as number) > key) {
      keys[j + 1] = keys[j] as number;
      j--;
    }
    keys[j + 1] = key;
  }
}
