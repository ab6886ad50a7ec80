import lunr from 'lunr';

/**
 * Lookups in a sorted list of terms (or words): exact, by prefix, and by edit distance. A sorted
 * array is the trie lunr builds at load time, without building it: a prefix is a range, found
 * by binary search, and a walk through lunr's own fuzzy automaton narrows ranges character by
 * character. Sorted means JavaScript string order (UTF-16 code units), as `Array.prototype.sort`.
 */

/** Index of `term` in sorted `terms`, or -1. */
export function findTerm(terms: readonly string[], term: string): number {
  const at = lowerBound(terms, term, 0, terms.length);
  return terms[at] === term ? at : -1;
}

/** The first index in [lo, hi) whose term is not below `key`. */
function lowerBound(terms: readonly string[], key: string, lo: number, hi: number): number {
  let [low, high] = [lo, hi];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The range [start, end) of the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(terms, prefix, 0, terms.length);
  let [low, high] = [start, terms.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string).startsWith(prefix)) low = middle + 1;
    else high = middle;
  }
  return [start, low];
}

/**
 * The indexes of at most `cap` terms in [start, end), shortest first, then in list order
 * (alphabetical): the terms closest to what was typed. Linear in the range, no sort of it.
 */
export function shortestInRange(
  terms: readonly string[],
  start: number,
  end: number,
  cap: number,
): number[] {
  if (end - start <= cap) {
    const all = Array.from({ length: end - start }, (_, i) => start + i);
    return all.sort((a, b) => (terms[a] as string).length - (terms[b] as string).length || a - b);
  }
  const counts: number[] = [];
  for (let i = start; i < end; i++) {
    const length = (terms[i] as string).length;
    counts[length] = (counts[length] ?? 0) + 1;
  }
  let threshold = 0;
  for (let total = 0; threshold < counts.length; threshold++) {
    total += counts[threshold] ?? 0;
    if (total >= cap) break;
  }
  const picked: number[] = [];
  for (let length = 0; length <= threshold; length++)
    for (let i = start; i < end && picked.length < cap; i++)
      if ((terms[i] as string).length === length) picked.push(i);
  return picked;
}

// @types/lunr declares TokenSet's factory as an instance method; at run time it is static.
const fuzzyTokenSet = (word: string, distance: number): lunr.TokenSet =>
  (
    lunr.TokenSet as unknown as {
      fromFuzzyString(text: string, editDistance: number): lunr.TokenSet;
    }
  ).fromFuzzyString(word, distance);

interface Automaton {
  final: boolean;
  edges: Record<string, Automaton>;
}

/**
 * The indexes of the terms within `distance` edits of `word`, by lunr's definition (its fuzzy
 * TokenSet: insertions, deletions, substitutions and swaps of neighbours), found by walking
 * lunr's automaton over the sorted terms the way lunr's `TokenSet.intersect` walks its trie.
 */
export function fuzzyMatches(terms: readonly string[], word: string, distance: number): number[] {
  const found = new Set<number>();
  if (terms.length === 0) return [];
  const root = fuzzyTokenSet(word, distance) as unknown as Automaton;
  const stack: Array<{ node: Automaton; depth: number; start: number; end: number }> = [
    { node: root, depth: 0, start: 0, end: terms.length },
  ];
  while (stack.length > 0) {
    const { node, depth, start, end } = stack.pop() as (typeof stack)[number];
    // Every term in [start, end) shares the path's first `depth` characters; the shortest, if
    // it is exactly that long, is the path itself and sorts first.
    if (node.final && (terms[start] as string).length === depth) found.add(start);
    for (const [edge, next] of Object.entries(node.edges)) {
      if (edge === '*') {
        for (const [childStart, childEnd] of children(terms, depth, start, end))
          stack.push({ node: next, depth: depth + 1, start: childStart, end: childEnd });
        continue;
      }
      const [childStart, childEnd] = childRange(terms, depth, edge.charCodeAt(0), start, end);
      if (childStart < childEnd)
        stack.push({ node: next, depth: depth + 1, start: childStart, end: childEnd });
    }
  }
  return [...found];
}

/** The character at `depth`, or -1 past the end (so a term that ends there sorts first). */
function charAt(term: string, depth: number): number {
  return depth < term.length ? term.charCodeAt(depth) : -1;
}

/** The sub-range of [start, end) whose character at `depth` is `code`. */
function childRange(
  terms: readonly string[],
  depth: number,
  code: number,
  start: number,
  end: number,
): [number, number] {
  let [low, high] = [start, end];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (charAt(terms[middle] as string, depth) < code) low = middle + 1;
    else high = middle;
  }
  const first = low;
  high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (charAt(terms[middle] as string, depth) <= code) low = middle + 1;
    else high = middle;
  }
  return [first, low];
}

/** Each sub-range of [start, end) sharing one character at `depth` (terms that end there skipped). */
function* children(
  terms: readonly string[],
  depth: number,
  start: number,
  end: number,
): Generator<[number, number]> {
  let at = start;
  while (at < end && charAt(terms[at] as string, depth) === -1) at++;
  while (at < end) {
    const range = childRange(terms, depth, charAt(terms[at] as string, depth), at, end);
    yield range;
    at = range[1];
  }
}
