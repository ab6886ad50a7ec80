/**
 * lunr's fuzzy automaton (see `fuzzyAutomaton.ts`) for words of up to `MAX_BIT_WORD` characters
 * and up to two edits, run bit-parallel: every state of one kind and edit budget is one bit of a
 * 32-bit mask, so reading a character is a couple of dozen bitwise operations, whatever the
 * number of states. This is the usual speed-up of an edit-distance automaton (Wu and Manber's
 * shift-and) applied to lunr's edits, including its swap of two neighbours.
 *
 * The states, with `L` the word's length and `s` the word:
 * - `a[j]`, bit p: the first p characters of the word are read, at least j edits left;
 * - `t1[j]`, bit c: a swap read s[c] ahead of s[c - 1], which is still owed, and the word is read
 *   up to c + 1, at least j edits left (lunr's "carry" state, carry c, position c + 1);
 * - `t2[0]`, bit c: the same after a second swap moved the owed s[c - 1] one further (position
 *   c + 2): with two edits spent, nothing is left for a third.
 * Reading character x, with `m` its positions in the word (bit p when s[p] = x):
 * - a match moves a[j] from p to p + 1; an inserted x keeps a[j + 1] where it is at one edit less;
 *   a substitution moves a[j + 1] on by one at one edit less; a swap takes a[j + 1] at p with
 *   s[p + 1] = x to t1[j] at c = p + 1;
 * - an owed character read (x = s[c - 1]) takes t_d[j] to a[j] at p = c + d; a further swap (x the
 *   next character) takes t1[j + 1] to t2[j]; an insertion keeps a carry state at one edit less;
 *   a substitution drops the owed character into a[j] at p = c + d;
 * - a deletion (no character read) takes a[j + 1] at p to a[j] at p + 1, and t_d[j + 1] to a[j]
 *   at c + d;
 * and a state with j edits left counts as having fewer, so each mask includes the one above it.
 * The word is matched when a[0] has bit L.
 */

/** The trie's arrays the walk reads (see `WordTrie`). */
export interface TrieArrays {
  codes: Uint16Array;
  childStart: Int32Array;
  wordAt: Int32Array;
  shortest: Uint16Array;
  longest: Uint16Array;
}

/** Longest word matched this way: its positions 0 .. L must fit the 32 bits of a mask. */
export const MAX_BIT_WORD = 31;
/** Most edits matched this way. */
export const MAX_BIT_DISTANCE = 2;

/** Numbers per frame of the walk: node, depth, a0, a1, a2, t1[0], t1[1], t2[0]. */
const FRAME = 8;

/** Bits lo .. hi (inclusive) set, within 0 .. 31; 0 when lo > hi. */
function bitRange(lo: number, hi: number): number {
  const low = Math.max(0, lo);
  const high = Math.min(31, hi);
  if (low > high) return 0;
  const upTo = high === 31 ? -1 : (1 << (high + 1)) - 1;
  return upTo & ~((1 << low) - 1);
}

/**
 * The indexes of the trie's words within `distance` edits of `word`, as `WordTrie.within`
 * defines it; `word` is at most MAX_BIT_WORD characters and `distance` at most MAX_BIT_DISTANCE.
 */
export function withinBits(trie: TrieArrays, word: string, distance: number): number[] {
  const found: number[] = [];
  const length = word.length;
  const final = 1 << length;
  /** Positions 0 .. L - 1, the ones with a character to read. */
  const below = bitRange(0, length - 1);
  const valid = bitRange(0, length);
  const ascii = new Int32Array(128);
  for (let p = 0; p < length; p++) {
    const code = word.charCodeAt(p);
    if (code < 128) ascii[code] = (ascii[code] as number) | (1 << p);
  }
  const { codes, childStart, wordAt, shortest, longest } = trie;
  // The walk's frames (see FRAME), as a stack. Written inline below rather than through helper
  // closures and arrays of masks: this loop is most of a typo search's time.
  let stack = new Int32Array(FRAME * 64);

  // The start: nothing read, `distance` edits left, and what deletions alone reach.
  let a2 = distance >= 2 ? 1 : 0;
  let a1 = (distance >= 1 ? 1 : 0) | (a2 << 1) | a2;
  let a0 = 1 | (a1 << 1) | a1;
  stack[2] = a0 & valid;
  stack[3] = a1 & valid;
  stack[4] = a2 & valid; // frame 0: the root (node 0, depth 0), no carry states
  let top = FRAME;
  while (top > 0) {
    top -= FRAME;
    const node = stack[top] as number;
    const depth = stack[top + 1] as number;
    a0 = stack[top + 2] as number;
    a1 = stack[top + 3] as number;
    a2 = stack[top + 4] as number;
    const t10 = stack[top + 5] as number;
    const t11 = stack[top + 6] as number;
    const t20 = stack[top + 7] as number;
    if ((a0 & final) !== 0 && (wordAt[node] as number) >= 0) found.push(wordAt[node] as number);
    const start = childStart[node] as number;
    const end = childStart[node + 1] as number;
    // With no edits left, only the characters the states expect next can follow: those
    // children are found by binary search (their characters ascend) rather than all tried.
    const exact = (a1 | a2 | t11) === 0;
    // (An owed character at bit c is s[c - 1]: bit c - 1 of the expected positions.)
    let expected = exact ? (a0 & below) | ((t10 | t20) >>> 1) : 0;
    for (let at = start; ;) {
      let child: number;
      let m: number;
      if (exact) {
        if (expected === 0) break;
        const code = word.charCodeAt(31 - Math.clz32(expected & -expected));
        m = code < 128 ? (ascii[code] as number) : positionsIn(word, code);
        expected &= ~m;
        child = childWith(codes, start, end, code);
        if (child < 0) continue;
      } else {
        if (at >= end) break;
        child = at++;
        const code = codes[child] as number;
        m = code < 128 ? (ascii[code] as number) : positionsIn(word, code);
      }
      const after = m >>> 1; // bit p when s[p + 1] is the character read (a swap can start)
      const owed = m << 1; // bit c when s[c - 1] is the character read (an owed one arrives)
      // Carry states: swaps out of a[1] and a[2] and out of t1[1], and insertions.
      const u11 = (a2 & after) << 1;
      const u10 = ((a1 & after) << 1) | t11 | u11;
      const u20 = t11 & after;
      // Then the plain states, top budget first: deletions pass each budget's states down.
      const b2 = ((a2 & m) << 1) & valid;
      let b1 = ((a1 & m) << 1) | a2 | (a2 << 1) | ((t11 & owed) << 1);
      b1 = (b1 | b2 | (b2 << 1)) & valid;
      let b0 =
        ((a0 & m) << 1) |
        a1 |
        (a1 << 1) |
        ((t10 & owed) << 1) |
        ((t20 & owed) << 2) |
        (t11 << 1) | // the owed character substituted
        (u11 << 1); // the owed character of a new swap deleted
      b0 = (b0 | b1 | (b1 << 1)) & valid;
      // Prune states whose remaining characters no word below can match in length.
      const fewest = (shortest[child] as number) - depth - 1;
      const most = (longest[child] as number) - depth - 1;
      b0 &= bitRange(length - most, length - fewest);
      b1 &= bitRange(length - 1 - most, length + 1 - fewest);
      const c2 = b2 & bitRange(length - 2 - most, length + 2 - fewest);
      const v10 = u10 & valid;
      const v11 = u11 & valid;
      const v20 = u20 & valid;
      if ((b0 | b1 | c2 | v10 | v11 | v20) === 0) continue;
      if (top + FRAME > stack.length) {
        const grown = new Int32Array(stack.length * 2);
        grown.set(stack);
        stack = grown;
      }
      stack[top] = child;
      stack[top + 1] = depth + 1;
      stack[top + 2] = b0;
      stack[top + 3] = b1;
      stack[top + 4] = c2;
      stack[top + 5] = v10;
      stack[top + 6] = v11;
      stack[top + 7] = v20;
      top += FRAME;
    }
  }
  return found;
}

/** Bit p set where word[p] is `code`: for characters beyond ASCII, which the walk's table lacks. */
function positionsIn(word: string, code: number): number {
  let mask = 0;
  for (let p = 0; p < word.length; p++) if (word.charCodeAt(p) === code) mask |= 1 << p;
  return mask;
}

/**
 * The node in [start, end) whose character is `code` (characters ascend), or -1: a binary search
 * over one node's children, which the trie keeps as one ordered run. Both typo walks use it.
 */
export function childWith(codes: Uint16Array, start: number, end: number, code: number): number {
  let [low, high] = [start, end];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((codes[middle] as number) < code) low = middle + 1;
    else high = middle;
  }
  return low < end && codes[low] === code ? low : -1;
}
