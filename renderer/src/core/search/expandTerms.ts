import lunr from 'lunr';

// @types/lunr declares TokenSet's factories as instance methods; at run time they are static,
// and an Index keeps its corpus TokenSet in a property the typings leave out.
const TokenSetFactory = lunr.TokenSet as unknown as {
  fromString(text: string): lunr.TokenSet;
  fromFuzzyString(text: string, editDistance: number): lunr.TokenSet;
};
/** The TokenSet of every term an index holds. */
export const indexTerms = (index: lunr.Index) =>
  (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;

/** A TokenSet of words (sorted, distinct), e.g. the folded words a library uses. */
export function wordTokenSet(sortedWords: readonly string[]): lunr.TokenSet {
  return (
    lunr.TokenSet as unknown as { fromArray(words: readonly string[]): lunr.TokenSet }
  ).fromArray(sortedWords);
}

/** Most index terms one typed prefix may expand to: keeps every keystroke cheap. */
export const MAX_PREFIX_EXPANSIONS = 40;
/** Most index terms one misspelt word may expand to. */
export const MAX_FUZZY_EXPANSIONS = 16;
/** Words longer than this are not expanded at all (nobody types a 30-letter prefix). */
const MAX_EXPANDABLE_LENGTH = 24;

/**
 * Index terms that start with `prefix`, shortest first (closest to what was typed), capped.
 * lunr's own trailing wildcard scores every expansion, so a two-letter prefix over a large
 * corpus costs hundreds of milliseconds; capping the expansion bounds that.
 */
export function expandPrefix(terms: lunr.TokenSet, prefix: string): string[] {
  if (prefix.length < 2 || prefix.length > MAX_EXPANDABLE_LENGTH || /[*~^:+-]/.test(prefix))
    return [];
  const matches = terms.intersect(TokenSetFactory.fromString(`${prefix}*`)).toArray();
  return shortestFirst(matches, maxPrefixExpansions(Array.from(prefix).length));
}

/**
 * How many index terms a prefix of this length may expand to. Each expansion is a scoring pass
 * over every document holding it, and short prefixes match the most documents, so they get few.
 */
export function maxPrefixExpansions(length: number): number {
  if (length <= 2) return 8;
  if (length === 3) return 16;
  return MAX_PREFIX_EXPANSIONS;
}

/**
 * Words of `words` within the allowed edit distance of `word` (1 for words of 5 or more
 * letters, 2 for 9 or more, none for shorter words: too many false friends), shortest first,
 * capped. Matched against the library's words as written (folded, not stemmed): a typo often
 * lands far from the stem ("municipalites" is one edit from "municipalities" but four from its
 * stem "municip").
 */
export function expandFuzzy(words: lunr.TokenSet, word: string): string[] {
  const distance = fuzzyDistanceFor(word);
  if (distance === 0 || word.length > MAX_EXPANDABLE_LENGTH || /[*~^:+-]/.test(word)) return [];
  const matches = words.intersect(TokenSetFactory.fromFuzzyString(word, distance)).toArray();
  return shortestFirst(
    matches.filter((term) => term !== word),
    MAX_FUZZY_EXPANSIONS,
  );
}

/** The edit distance typo tolerance allows for a word of this length. */
export function fuzzyDistanceFor(word: string): 0 | 1 | 2 {
  const length = Array.from(word).length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

function shortestFirst(terms: string[], cap: number): string[] {
  return terms.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, cap);
}
