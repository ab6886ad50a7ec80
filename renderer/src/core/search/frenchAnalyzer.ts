import registerStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import registerFrench from 'lunr-languages/lunr.fr.js';
import { frenchElisionLength } from '../common/frenchElision';
import {
  analyzeQueryOf,
  foldWord,
  indexTokensOf,
  tokenSpans,
  type Analyzer,
  type TokenSpan,
  type WordSpan,
} from './analyzer';

/**
 * The French analyzer: the shared tokenizer with French elisions cut off, then
 *
 * lowercase -> stop words (accented, as French writes them) -> French stemmer -> fold accents
 *
 * The stemmer and stop words are lunr-languages' (`lunr.fr`, Snowball's French stemmer). Its own
 * pipeline folds accents BEFORE stemming, but the stemmer's rules are written for accented words
 * ("municipalité" -> "municipal", "municipalite" -> "municipalit"), so we stem first and fold
 * the stem: "équipement" and "equipement" both end up "equip", and the folded lexicon lets a word
 * typed without its accents find the accented one (`matchWrittenWords`).
 */

/** lunr-languages' French stemmer over a plain string (its lunr 1 form) and its stop words. */
function loadFrench(): { stem: (word: string) => string; stopWords: ReadonlySet<string> } {
  // The plugins are given a stand-in for lunr, not lunr itself: with the real one they would
  // register pipeline functions globally and wrap `lunr.Index.prototype.query` (for wildcards),
  // changing lunr for the English reference too. We need only the stemmer and the word list.
  let stopWords: ReadonlySet<string> = new Set();
  const host: Record<string, unknown> = {
    Pipeline: { registerFunction: () => undefined },
    generateStopWordFilter: (words: string[]) => {
      // Also as typed without accents ("ete" for "été", "a" for "à"), which would otherwise
      // be searched for as words.
      stopWords = new Set([...words, ...words.map(foldWord)]);
      return () => undefined;
    },
  };
  registerStemmerSupport(host);
  registerFrench(host);
  const french = host.fr as { stemmer: (word: string) => string };
  return { stem: french.stemmer, stopWords };
}

const { stem, stopWords } = loadFrench();

/** The id French segments record. */
export const FRENCH_ANALYZER_ID = 'fr';

/**
 * A word span without its elided word ("l'équipement", "qu'il": frenchElision.ts), if it has one.
 * Elided words are stop words; the word after them is what is indexed and highlighted.
 */
function withoutElision<T extends WordSpan>(span: T): T {
  const cut = frenchElisionLength(span.word);
  if (cut === 0) return span;
  return {
    ...span,
    word: span.word.slice(cut),
    start: span.start + cut,
    length: span.length - cut,
  };
}

/** The shared tokenizer's tokens, elisions cut off ("l'équipement" -> "équipement"). */
export function frenchTokenSpans(text: string): TokenSpan[] {
  const tokens = tokenSpans(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as TokenSpan;
    if (frenchElisionLength(token.word) === 0) continue;
    if (token.parts.length === 0) {
      tokens[i] = withoutElision(token);
      continue;
    }
    // "l'e-permitting": the compound, its first part and its joined form lose the article.
    const parts = token.parts.map((part, p) => (p === 0 ? withoutElision(part) : part));
    tokens[i] = {
      ...withoutElision(token),
      parts,
      joined: token.joined === null ? null : parts.map((part) => part.word).join(''),
    };
  }
  return tokens;
}

/**
 * Longer words are folded but not stemmed. The stemmer's time grows faster than the word's
 * length (160,000 letters took 24 s), and a word this long is no French word but a pasted
 * string or a hostile file, which is still found as written.
 */
export const MAX_STEMMED_WORD = 64;

/** Words already analyzed: the same few thousand recur in every text and query. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_SIZE = 200_000;

/** The term a French word is indexed under; null for a stop word. */
export function frenchTermOf(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  // Composed accents (NFC), as the stemmer's letter tables expect; apostrophes inside a word
  // ("aujourd'hui") go, as folding would drop them anyway.
  const lower = word.normalize('NFC').toLowerCase().replace(/['’]/g, '');
  const stemmed = lower.length > MAX_STEMMED_WORD ? lower : stem(lower);
  const term = lower === '' || stopWords.has(lower) ? null : foldWord(stemmed) || null;
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term);
  return term;
}

function frenchIndexTokens(text: string) {
  return indexTokensOf(frenchTokenSpans(text));
}

export const frenchAnalyzer: Analyzer = {
  id: FRENCH_ANALYZER_ID,
  tokenSpans: frenchTokenSpans,
  indexTokens: frenchIndexTokens,
  termOf: frenchTermOf,
  foldWord,
  analyzeQuery: (text) => analyzeQueryOf(text, frenchTokenSpans(text), frenchTermOf),
  matchWrittenWords: true,
};
