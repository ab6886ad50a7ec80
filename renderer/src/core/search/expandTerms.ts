/**
 * How far one typed word may expand: to the index terms it is a prefix of while it is being
 * typed, and to the words within a small edit distance when exact matching finds too little.
 * Every expansion is a scoring pass over the documents holding it, so both are capped.
 */

/** Most index terms one typed prefix may expand to: keeps every keystroke cheap. */
export const MAX_PREFIX_EXPANSIONS = 40;
/** Most index terms one misspelt word may expand to. */
export const MAX_FUZZY_EXPANSIONS = 16;
/** Words longer than this are not expanded at all (nobody types a 30-letter prefix). */
const MAX_EXPANDABLE_LENGTH = 24;

/** True when a folded word may be expanded at all. */
export function isExpandable(word: string, minLength: number): boolean {
  return word.length >= minLength && word.length <= MAX_EXPANDABLE_LENGTH && !/[*~^:+-]/.test(word);
}

/**
 * How many index terms a prefix of this length may expand to. Short prefixes match the most
 * documents, so they get few expansions, shortest (closest to what was typed) first.
 */
export function maxPrefixExpansions(length: number): number {
  if (length <= 2) return 8;
  if (length === 3) return 16;
  return MAX_PREFIX_EXPANSIONS;
}

/**
 * The edit distance typo tolerance allows for a word of this length: 1 for words of 5 or more
 * letters, 2 for 9 or more, none for shorter words (too many false friends).
 */
export function fuzzyDistanceFor(word: string): 0 | 1 | 2 {
  const length = Array.from(word).length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Orders terms shortest first, then alphabetically, and keeps the first `cap`. */
export function shortestFirst(terms: string[], cap: number): string[] {
  return terms.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, cap);
}
