import lunr from 'lunr';
import type { Vocabulary } from '../../../../renderer/src/core/content/vocabulary';
import { foldToken, indexTokens } from '../../../../renderer/src/core/search/analyzer';
import {
  fuzzyDistanceFor,
  isExpandable,
  MAX_FUZZY_EXPANSIONS,
  maxPrefixExpansions,
  shortestFirst,
} from '../../../../renderer/src/core/search/expandTerms';
import {
  SEARCH_FIELDS,
  searchFields,
  TYPE_BOOSTS,
  type SearchableDocument,
} from '../../../../renderer/src/core/search/searchFields';

/**
 * The engine's index as it was before the compact layout: a lunr.Index built with lunr's own
 * Builder (our tokenizer and pipeline plugged in, positions kept). Kept as the reference the
 * compact layout must rank the same as: lunr computes every BM25 weight here itself.
 */

/** Our tokenizer as lunr's Builder wants it: tokens with position and word-number metadata. */
const tokenize = Object.assign(
  (input?: unknown, metadata?: object): lunr.Token[] => {
    if (input === null || input === undefined) return [];
    // searchFields hands lunr strings, and a query is a string: anything else is a mistake here.
    if (typeof input !== 'string') throw new TypeError(`cannot tokenize a ${typeof input}`);
    return indexTokens(input).map(
      (token) =>
        new lunr.Token(token.word, {
          ...(metadata ?? {}),
          position: [token.start, token.length],
          index: token.ordinal,
        }),
    );
  },
  { separator: /[\s-]+/ },
);

/** Builds the lunr index over documents, in id order, as the content pipeline used to. */
export function buildLunrIndex(
  docs: readonly SearchableDocument[],
  vocabulary: Vocabulary,
): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = tokenize;
  builder.pipeline.add(foldToken, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(foldToken, lunr.stopWordFilter, lunr.stemmer);
  builder.metadataWhitelist = ['position'];
  builder.b(0.5);
  builder.ref('id');
  for (const field of SEARCH_FIELDS) builder.field(field.name, { boost: field.boost });
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const doc of sorted)
    builder.add(
      { id: doc.id, ...searchFields(doc, vocabulary) },
      { boost: TYPE_BOOSTS[doc.type] ?? 1 },
    );
  return builder.build();
}

/** Loads a serialized lunr index (JSON, as the app used to fetch it). */
export function loadLunrIndex(serialized: object): lunr.Index {
  return lunr.Index.load(serialized);
}

// @types/lunr declares TokenSet's factories as instance methods; at run time they are static.
const TokenSetFactory = lunr.TokenSet as unknown as {
  fromString(text: string): lunr.TokenSet;
  fromFuzzyString(text: string, editDistance: number): lunr.TokenSet;
  fromArray(words: readonly string[]): lunr.TokenSet;
};

/** The TokenSet of every term an index holds. */
export const indexTerms = (index: lunr.Index) =>
  (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;

/** A TokenSet of sorted, distinct words. */
export const wordTokenSet = (sortedWords: readonly string[]) =>
  TokenSetFactory.fromArray(sortedWords);

/** Index terms that start with `prefix`, shortest first, capped (lunr's trailing wildcard). */
export function expandPrefix(terms: lunr.TokenSet, prefix: string): string[] {
  if (!isExpandable(prefix, 2)) return [];
  const matches = terms.intersect(TokenSetFactory.fromString(`${prefix}*`)).toArray();
  return shortestFirst(matches, maxPrefixExpansions(Array.from(prefix).length));
}

/** Words within the allowed edit distance of `word` (lunr's fuzzy TokenSet), shortest first. */
export function expandFuzzy(words: lunr.TokenSet, word: string): string[] {
  const distance = fuzzyDistanceFor(word);
  if (distance === 0 || !isExpandable(word, 1)) return [];
  const matches = words.intersect(TokenSetFactory.fromFuzzyString(word, distance)).toArray();
  return shortestFirst(
    matches.filter((term) => term !== word),
    MAX_FUZZY_EXPANSIONS,
  );
}
