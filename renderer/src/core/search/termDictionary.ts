import { fuzzyAutomaton, reach, step, type FuzzyAutomaton } from './fuzzyAutomaton';
import {
  MAX_BIT_DISTANCE,
  MAX_BIT_WORD,
  childWith,
  withinBits,
  type TrieArrays,
} from './fuzzyBits';

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

/**
 * Sorted words as a trie of typed arrays, for typo matching: built once per word list (in a few
 * milliseconds for tens of thousands of words), then walked without touching a string. Nodes are
 * numbered breadth first, so each node's children are consecutive numbers, in character order:
 * a walk reads them as one run, and finds the one child a state can follow by binary search.
 */
export class WordTrie implements TrieArrays {
  /** Per node: its character. */
  readonly codes: Uint16Array;
  /** Per node: its first child; its children are childStart[node] .. childStart[node + 1]. */
  readonly childStart: Int32Array;
  /** Per node: the index of the word it ends (-1: none). */
  readonly wordAt: Int32Array;
  /** Per node: the shortest and longest word below it, to skip branches of the wrong length. */
  readonly shortest: Uint16Array;
  readonly longest: Uint16Array;

  /** `words` must be sorted and distinct (as a segment's lexicon is). */
  constructor(words: readonly string[]) {
    // First a trie of linked siblings, in the words' order: a node per character at most, plus
    // the root, allocated once.
    let capacity = 1;
    for (const word of words) capacity += word.length;
    const codes = new Uint16Array(capacity);
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const wordAt = new Int32Array(capacity).fill(-1);
    const lastChild = new Int32Array(capacity).fill(-1);
    const shortest = new Uint16Array(capacity).fill(0xffff);
    const longest = new Uint16Array(capacity);
    let size = 1; // node 0 is the root
    const path = new Int32Array(MAX_WORD_DEPTH + 1);
    let previous = '';
    for (let index = 0; index < words.length; index++) {
      const word = (words[index] as string).slice(0, MAX_WORD_DEPTH);
      let shared = 0;
      while (shared < previous.length && shared < word.length && previous[shared] === word[shared])
        shared++;
      for (let depth = shared; depth < word.length; depth++) {
        const parent = path[depth] as number;
        const node = size++;
        codes[node] = word.charCodeAt(depth);
        if (lastChild[parent] === -1) firstChild[parent] = node;
        else nextSibling[lastChild[parent] as number] = node;
        lastChild[parent] = node;
        path[depth + 1] = node;
      }
      wordAt[path[word.length] as number] = index;
      for (let depth = 0; depth <= word.length; depth++) {
        const node = path[depth] as number;
        if ((shortest[node] as number) > word.length) shortest[node] = word.length;
        if ((longest[node] as number) < word.length) longest[node] = word.length;
      }
      previous = word;
    }
    // Then renumbered breadth first: `order` lists the old numbers in the new order, and each
    // node's children are numbered as it is reached, one after the other.
    const order = new Int32Array(size);
    this.codes = new Uint16Array(size);
    this.childStart = new Int32Array(size + 1);
    this.wordAt = new Int32Array(size);
    this.shortest = new Uint16Array(size);
    this.longest = new Uint16Array(size);
    let numbered = 1;
    for (let node = 0; node < size; node++) {
      const old = order[node] as number;
      this.codes[node] = codes[old] as number;
      this.wordAt[node] = wordAt[old] as number;
      this.shortest[node] = shortest[old] as number;
      this.longest[node] = longest[old] as number;
      this.childStart[node] = numbered;
      for (
        let child = firstChild[old] as number;
        child !== -1;
        child = nextSibling[child] as number
      )
        order[numbered++] = child;
    }
    this.childStart[size] = numbered;
  }

  /**
   * The indexes of the words within `distance` edits of `word`, by lunr's definition of its
   * fuzzy TokenSet (`TokenSet.fromFuzzyString`): a character may be inserted, deleted or
   * substituted, and two neighbours swapped, each costing one edit. lunr builds that automaton
   * as a tree of objects and intersects it with its term trie; here the same automaton runs as
   * a set of states while walking this trie, so nothing is built per query.
   *
   * The states of every node on the walk (see `fuzzyAutomaton.ts`), each with the most edits left
   * to reach it, live in one pool used as a stack (a node's states are dropped once its subtree
   * has been walked), so the walk allocates almost nothing. Indexes come in no particular order.
   */
  within(word: string, distance: number): number[] {
    const found: number[] = [];
    const length = word.length;
    if (length > MAX_FUZZY_WORD || distance > 15) return found;
    // Most words and every distance a search uses: the same automaton, bit-parallel.
    if (length <= MAX_BIT_WORD && distance <= MAX_BIT_DISTANCE)
      return withinBits(this, word, distance);
    const automaton = fuzzyAutomaton(word);
    const walk: Walk = {
      automaton,
      pool: new Int32Array(256),
      poolTop: 0,
      frames: [],
      shortest: this.shortest,
      longest: this.longest,
    };
    const { codes, childStart } = this;
    reach(automaton, 0, distance);
    pushNode(walk, 0, 0);
    const { frames } = walk;
    while (frames.length > 0) {
      const count = frames.pop() as number;
      const offset = frames.pop() as number;
      const depth = frames.pop() as number;
      const node = frames.pop() as number;
      walk.poolTop = offset + count;
      let accepts = false;
      let anyCharacter = false;
      for (let i = offset; i < offset + count; i++) {
        const state = walk.pool[i] as number;
        if (automaton.first[state >> 4] === -1) accepts = true;
        if ((state & 15) > 0) anyCharacter = true;
      }
      if (accepts && (this.wordAt[node] as number) >= 0) found.push(this.wordAt[node] as number);
      const start = childStart[node] as number;
      const end = childStart[node + 1] as number;
      if (anyCharacter) {
        for (let child = start; child < end; child++) {
          step(automaton, walk.pool, offset, count, codes[child] as number);
          pushNode(walk, child, depth + 1);
        }
        continue;
      }
      // With no edits left anywhere, only a state's next character can follow: one child per
      // distinct next character, found by binary search among the children's characters.
      for (let i = offset; i < offset + count; i++) {
        const code = automaton.first[(walk.pool[i] as number) >> 4] as number;
        if (code === -1) continue;
        let seen = false;
        for (let j = offset; j < i && !seen; j++)
          seen = automaton.first[(walk.pool[j] as number) >> 4] === code;
        if (seen) continue;
        const child = childWith(codes, start, end, code);
        if (child < 0) continue;
        step(automaton, walk.pool, offset, count, code);
        pushNode(walk, child, depth + 1);
      }
    }
    return found;
  }
}

/** A walk of the trie: the automaton, the state pool (a stack), and the frames to visit. */
interface Walk {
  automaton: FuzzyAutomaton;
  pool: Int32Array;
  poolTop: number;
  /** Four numbers per frame: node, depth, pool offset, state count. */
  frames: number[];
  shortest: Uint16Array;
  longest: Uint16Array;
}

/**
 * Moves the states the last step reached into the pool and queues `node` with them. A state is
 * kept only if some word below can still match it: the rest of the word and the rest of a word
 * below differ in length by no more than the edits left.
 */
function pushNode(walk: Walk, node: number, depth: number): void {
  const { automaton } = walk;
  const touched = automaton.touchedCount;
  if (walk.poolTop + touched > walk.pool.length) {
    const grown = new Int32Array(Math.max(walk.pool.length * 2, walk.poolTop + touched));
    grown.set(walk.pool);
    walk.pool = grown;
  }
  const fewest = (walk.shortest[node] as number) - depth;
  const most = (walk.longest[node] as number) - depth;
  let count = 0;
  for (let i = 0; i < touched; i++) {
    const key = automaton.touched[i] as number;
    const edits = automaton.best[key] as number;
    automaton.best[key] = -1;
    const left = automaton.left[key] as number;
    if (most < left - edits || fewest > left + edits) continue;
    walk.pool[walk.poolTop + count++] = key * 16 + edits;
  }
  automaton.touchedCount = 0;
  if (count > 0) walk.frames.push(node, depth, walk.poolTop, count);
  walk.poolTop += count;
}

/** Words are kept in the trie up to this many characters (longer ones are cut, never matched). */
const MAX_WORD_DEPTH = 1024;

/** Longer words are not matched fuzzily (a state key must fit the scratch tables). */
const MAX_FUZZY_WORD = 64;
