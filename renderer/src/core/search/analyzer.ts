import lunr from 'lunr';

/**
 * The one text analyzer shared by the index build and the app's queries: if the two ever
 * disagreed, typed words would silently stop matching indexed ones.
 *
 * tokenize -> fold (accents, case, apostrophes, digit grouping) -> stop words -> English stemmer
 *
 * The stop words and stemmer are lunr's. Every index segment records the analyzer it was built
 * with (`ANALYZER_ID`): a French library would get its own analyzer (its own stemmer, stop words
 * and accent rules) and its own segments, never mixed into an English ranking.
 *
 * Positions come from the tokenizer, on the original text, so snippets can highlight exactly the
 * characters that matched even where folding changed the token ("réseau" -> "reseau").
 */

/** The name segments record for this analyzer. Change it when a change alters indexed terms. */
export const ANALYZER_ID = 'en';

// A word is a run of letters, combining marks and digits; an apostrophe or a digit separator
// between two word characters stays inside it ("Ontario's", "17,262", "2.5"). A combining mark
// never starts a word, so decomposed accents ("re\u0301seau") stay in theirs.
const PART = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*`;
// Words joined by hyphens with no space ("Wi-Fi", "e-permitting") form one compound token.
const HYPHEN = '[-\u2010\u2011]';
const TOKEN = new RegExp(`${PART}(?:${HYPHEN}${PART})*`, 'gu');
const PART_PATTERN = new RegExp(PART, 'gu');
/** Compounds of more parts than this are indexed by their parts only (no joined form). */
const MAX_JOINED_PARTS = 4;

// Letters NFD does not decompose but people type in two letters.
const LIGATURES: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};
const LIGATURE_PATTERN = /[æœßøđłı]/g;

/**
 * Folds one word to its index form: lowercase, accents stripped (NFD minus combining marks),
 * possessive `'s` and inner apostrophes removed, and digit grouping dropped (`17,262` -> `17262`).
 */
export function foldWord(word: string): string {
  // Most words are plain ASCII letters and digits, which every step below leaves as they are
  // but for the case: skipped, as it was a good share of a one-word query's fixed cost.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  let folded = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter)
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (/^\d[\d.,]*$/.test(folded)) folded = folded.replace(/,/g, '');
  return folded;
}

/** A word of a text and where it is. */
export interface WordSpan {
  word: string;
  start: number;
  length: number;
}

/** A token of a text: a word, or a compound of words joined by hyphens ("Wi-Fi"). */
export interface TokenSpan extends WordSpan {
  /** The words of a compound, in order; empty for a plain word. */
  parts: readonly WordSpan[];
  /**
   * The compound written without its hyphens ("WiFi"), indexed beside its parts so "wifi" finds
   * "Wi-Fi" and "e-permitting" finds "epermitting"; null for a plain word, or a compound of
   * digits only ("2020-2024") or of too many parts.
   */
  joined: string | null;
}

/** ASCII letters and digits only: a word `foldWord` only lowercases. */
const PLAIN_ASCII = /^[A-Za-z0-9]*$/;

/** True for A-Z, a-z and 0-9. */
function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The ASCII characters that can join word characters: apostrophe, comma, hyphen, full stop. */
function isJoiner(code: number): boolean {
  return code === 0x27 || (code >= 0x2c && code <= 0x2e);
}

/**
 * `tokenSpans` of a text of ASCII characters none of which can join word characters: its runs of
 * ASCII letters and digits. Null for any other text (a character beyond ASCII, or a joiner).
 */
function asciiTokenSpans(text: string): TokenSpan[] | null {
  const tokens: TokenSpan[] = [];
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 || isJoiner(code)) return null;
    if (!isAsciiWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isAsciiWordCode(text.charCodeAt(i))) i++;
    tokens.push({ word: text.slice(start, i), start, length: i - start, parts: [], joined: null });
  }
  return tokens;
}

/**
 * THE tokenizer: the index analyzer and the query parser both split text with it, so what a
 * person types is cut exactly as the documents were.
 */
export function tokenSpans(text: string): TokenSpan[] {
  // What people type is mostly plain ASCII words, whose tokens are their runs of letters and
  // digits: found by a scan of character codes, many times faster than the Unicode pattern
  // (each keystroke pays it, twice).
  return asciiTokenSpans(text) ?? unicodeTokenSpans(text);
}

/** `tokenSpans` by the Unicode pattern, for any text (exported for the test of the shortcut). */
export function unicodeTokenSpans(text: string): TokenSpan[] {
  return Array.from(text.matchAll(TOKEN), (match): TokenSpan => {
    const token = match[0];
    const start = match.index;
    if (!/[-\u2010\u2011]/.test(token))
      return { word: token, start, length: token.length, parts: [], joined: null };
    const parts = Array.from(token.matchAll(PART_PATTERN), (part) => ({
      word: part[0],
      start: start + part.index,
      length: part[0].length,
    }));
    const joinable = parts.length <= MAX_JOINED_PARTS && /\p{L}/u.test(token);
    return {
      word: token,
      start,
      length: token.length,
      parts,
      joined: joinable ? parts.map((part) => part.word).join('') : null,
    };
  });
}

/** The plain words of a text with their offsets, compounds split into their parts. */
export function wordSpans(text: string): WordSpan[] {
  return wordSpansOf(tokenSpans(text));
}

/** `wordSpans` of a text already cut into tokens (by any language's tokenizer). */
export function wordSpansOf(spans: readonly TokenSpan[]): WordSpan[] {
  return spans.flatMap((token) =>
    token.parts.length > 0
      ? token.parts
      : [{ word: token.word, start: token.start, length: token.length }],
  );
}

/**
 * Folds a whole text the way `foldWord` folds each word (accents, case, ligatures), in one pass.
 * For matching only: offsets into the result do not line up with the original text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter);
}

/** A token as indexed: where it is, and its word number (for phrases). */
export interface IndexToken extends WordSpan {
  /** Number of the word in the text (0, 1, 2...); a compound's joined form shares its first part's. */
  ordinal: number;
  /** True for the joined form of a compound ("WiFi" of "Wi-Fi"), which phrases do not use. */
  joined: boolean;
}

/**
 * The tokens a text is indexed under: every plain word, each part of a compound, and a
 * compound's joined form spanning the whole compound (so highlighting marks all of "Wi-Fi").
 */
export function indexTokens(text: string): IndexToken[] {
  return indexTokensOf(tokenSpans(text));
}

/** `indexTokens` of a text already cut into tokens (by any language's tokenizer). */
export function indexTokensOf(spans: readonly TokenSpan[]): IndexToken[] {
  const tokens: IndexToken[] = [];
  let ordinal = 0;
  for (const token of spans) {
    if (token.parts.length === 0) {
      tokens.push({
        word: token.word,
        start: token.start,
        length: token.length,
        ordinal,
        joined: false,
      });
      ordinal += 1;
      continue;
    }
    const first = ordinal;
    for (const part of token.parts) tokens.push({ ...part, ordinal: ordinal++, joined: false });
    if (token.joined !== null)
      tokens.push({
        word: token.joined,
        start: token.start,
        length: token.length,
        ordinal: first,
        joined: true,
      });
  }
  return tokens;
}

/** Pipeline step: folds each token; drops tokens that fold to nothing. */
export const foldToken: lunr.PipelineFunction = (token) => {
  const folded = token.update((word) => foldWord(word));
  return folded.toString() === '' ? null : folded;
};

// lunr warns on the console about a pipeline function it cannot name; give ours a name. (The
// registry is lunr 2.3.9's Pipeline.registeredFunctions, which @types/lunr leaves out.)
const FOLD_LABEL = 'onmuniFold';
const registry = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
  .registeredFunctions;
if (registry[FOLD_LABEL] !== foldToken)
  registry[FOLD_LABEL] = Object.assign(foldToken, { label: FOLD_LABEL });

/** A word of a query, in the two forms queries need. */
export interface QueryWord {
  /** The word as typed. */
  raw: string;
  /** Folded but not stemmed: what prefix (wildcard) and typo (fuzzy) clauses match against. */
  folded: string;
  /** Folded and stemmed, as indexed; null for a stop word. */
  term: string | null;
  /** `[start, length]` of the word in the query text. */
  position: [number, number];
}

const searchPipeline = new lunr.Pipeline();
searchPipeline.add(foldToken, lunr.stopWordFilter, lunr.stemmer);

/** Words already analyzed: the same few thousand recur in every text and query. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_SIZE = 200_000;

/** Folds and stems one word as the index did; null for a stop word. */
export function termOf(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const [term] = searchPipeline.run([new lunr.Token(word, {})]).map(String);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term ?? null);
  return term ?? null;
}

/**
 * Analyzes query text the way the index analyzed documents. Wildcard and fuzzy clauses skip
 * lunr's pipeline, so they must use `folded`; exact clauses use `term` with `usePipeline: false`.
 * A compound is one word in its joined form ("Wi-Fi" -> "wifi"), which the index holds for every
 * hyphenated and every solid spelling alike; a compound without one counts as its parts.
 */
export function analyzeQuery(text: string): QueryWord[] {
  return analyzeQueryOf(text, tokenSpans(text), termOf);
}

/** `analyzeQuery` with a language's tokens of the text and its analysis of a word. */
export function analyzeQueryOf(
  text: string,
  spans: readonly TokenSpan[],
  term: (word: string) => string | null,
): QueryWord[] {
  return spans.flatMap((token) => {
    const words: readonly WordSpan[] =
      token.joined !== null
        ? [{ word: token.joined, start: token.start, length: token.length }]
        : token.parts.length > 0
          ? token.parts
          : [token];
    return words.flatMap(({ word, start, length }) => {
      const folded = foldWord(word);
      if (folded === '') return [];
      const raw = text.slice(start, start + length);
      return [{ raw, folded, term: term(word), position: [start, length] as [number, number] }];
    });
  });
}

/** The indexed terms of a text: tokenized, folded, stop words removed, stemmed. */
export function analyzeText(text: string): string[] {
  return indexTokens(text).flatMap((token) => termOf(token.word) ?? []);
}

/**
 * A language's analysis, as the index build and the engine use it: both take it from here (by
 * the language, or by the id a segment records), so they cannot disagree. The languages share
 * the tokenizer's rules, the folding of written words and the query flow; they differ in how a
 * text is cut into words (French elisions), in the stop words and in the stemmer.
 */
export interface Analyzer {
  /** What segments record: change it when a change alters indexed terms. */
  readonly id: string;
  /** The tokens of a text, as indexed and as typed. */
  readonly tokenSpans: (text: string) => TokenSpan[];
  /** The tokens a text is indexed under (`indexTokens` of this language). */
  readonly indexTokens: (text: string) => IndexToken[];
  /** The term a word is indexed under; null for a stop word. */
  readonly termOf: (word: string) => string | null;
  /** A word as written, folded: what the lexicon holds, and what typos are measured against. */
  readonly foldWord: (word: string) => string;
  /** Query text as this language's index analyzed documents. */
  readonly analyzeQuery: (text: string) => QueryWord[];
  /**
   * True when stems depend on accents and cut deep (French: "municipalité" -> "municipal" but
   * "municipalite" -> "municipalit"; "numérique" -> "numer"): the engine then also matches the
   * library's words as written (the lexicon), so a word typed without its accents finds the
   * accented one, and a word being typed finds the words it begins ("numeriq" -> "numérique").
   */
  readonly matchWrittenWords: boolean;
}

/** The English analyzer: this module's functions, as they always were. */
export const englishAnalyzer: Analyzer = {
  id: ANALYZER_ID,
  tokenSpans,
  indexTokens,
  termOf,
  foldWord,
  analyzeQuery,
  matchWrittenWords: false,
};
