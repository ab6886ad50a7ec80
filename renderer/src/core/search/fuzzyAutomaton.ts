/**
 * lunr's fuzzy automaton (`TokenSet.fromFuzzyString`) for one word, as state tables rather than
 * a tree of objects: a character may be inserted, deleted or substituted, and two neighbours
 * swapped, each costing one edit.
 *
 * A state is what is left of the word to match: the word from `pos`, after a `carry` character a
 * swap moved there (the index of that character plus one; 0 for none), keyed
 * `carry * (length + 1) + pos`. Everything a step needs about a key is looked up in a table
 * filled once per word, so stepping costs a few array reads (cheap even before the JIT has
 * optimized it, which matters for the first searches after the app starts).
 */
export interface FuzzyAutomaton {
  /** Per key: the next character left to match, or -1 when nothing is left. */
  first: Int32Array;
  /** Per key: the character after that, or -1. */
  second: Int32Array;
  /** Per key: the key once the next character is consumed (matched, substituted or deleted). */
  drop: Int32Array;
  /** Per key: the key after the second character was read in place of the first (a swap). */
  swap: Int32Array;
  /** Per key: how many characters are left to match. */
  left: Int32Array;
  /** Scratch for the step under way: the most edits left per key reached (-1: not reached). */
  best: Int8Array;
  touched: Int32Array;
  touchedCount: number;
}

/** The automaton of `word`, its tables filled. */
export function fuzzyAutomaton(word: string): FuzzyAutomaton {
  const length = word.length;
  const span = length + 1;
  const size = span * span;
  const automaton: FuzzyAutomaton = {
    first: new Int32Array(size).fill(-1),
    second: new Int32Array(size).fill(-1),
    drop: new Int32Array(size),
    swap: new Int32Array(size),
    left: new Int32Array(size),
    best: new Int8Array(size).fill(-1),
    touched: new Int32Array(size),
    touchedCount: 0,
  };
  const code = (i: number) => (i < length ? word.charCodeAt(i) : -1);
  for (let carry = 0; carry <= length; carry++)
    for (let pos = 0; pos <= length; pos++) {
      const key = carry * span + pos;
      if (carry > 0) {
        automaton.first[key] = code(carry - 1);
        automaton.second[key] = code(pos);
        automaton.drop[key] = pos;
        automaton.swap[key] = pos < length ? key + 1 : key;
        automaton.left[key] = length - pos + 1;
      } else {
        automaton.first[key] = code(pos);
        automaton.second[key] = code(pos + 1);
        automaton.drop[key] = Math.min(pos + 1, length);
        automaton.swap[key] = pos + 2 <= length ? (pos + 1) * span + pos + 2 : key;
        automaton.left[key] = length - pos;
      }
    }
  return automaton;
}

/** Records that `key` is reached with `edits` left, then what deleting characters reaches. */
export function reach(automaton: FuzzyAutomaton, key: number, edits: number): void {
  const { best, first, drop } = automaton;
  let current = key;
  let left = edits;
  while ((best[current] as number) < left) {
    if (best[current] === -1) automaton.touched[automaton.touchedCount++] = current;
    best[current] = left;
    // lunr's deletion: the next character is skipped without reading input.
    if (left === 0 || first[current] === -1) return;
    current = drop[current] as number;
    left -= 1;
  }
}

/**
 * Reads `code` from the states in pool[offset .. offset + count) (each `key * 16 + edits`),
 * into the scratch tables.
 */
export function step(
  automaton: FuzzyAutomaton,
  pool: Int32Array,
  offset: number,
  count: number,
  code: number,
): void {
  const { first, second, drop, swap } = automaton;
  for (let i = offset; i < offset + count; i++) {
    const state = pool[i] as number;
    const key = state >> 4;
    const edits = state & 15;
    const next = first[key] as number;
    if (next === code) reach(automaton, drop[key] as number, edits);
    if (edits === 0) continue;
    reach(automaton, key, edits - 1); // insertion
    if (next !== -1) reach(automaton, drop[key] as number, edits - 1); // substitution
    if (second[key] === code) reach(automaton, swap[key] as number, edits - 1); // transposition
  }
}
