import lunr from 'lunr';

/**
 * The one text analyzer shared by the index build and the app's queries: if the two ever
 * disagreed, typed words would silently stop matching indexed ones.
 *
 * tokenize -> fold (accents, case, apostrophes, digit grouping) -> stop words -> English stemmer
 *
 * Positions come from the tokenizer, on the original text, so snippets can highlight exactly the
 * characters that matched even where folding changed the token ("réseau" -> "reseau").
 */

// Words are runs of letters, combining marks and digits; an apostrophe or a digit separator
// between two word characters stays inside the word ("Ontario's", "17,262", "2.5").
const WORD =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

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

/** Separator kept only because lunr's tokenizer type requires it; our tokenizer ignores it. */
const UNUSED_SEPARATOR = /[\s-]+/;

/**
 * Folds one word to its index form: lowercase, accents stripped (NFD minus combining marks),
 * possessive `'s` and inner apostrophes removed, and digit grouping dropped (`17,262` -> `17262`).
 */
export function foldWord(word: string): string {
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

/** The words of a text with their offsets, before any folding. */
export function wordSpans(text: string): WordSpan[] {
  return Array.from(text.matchAll(WORD), (match) => ({
    word: match[0],
    start: match.index,
    length: match[0].length,
  }));
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

/**
 * Splits text into lunr tokens, each with `position: [start, length]` in the original string
 * and its word `index`. Accepts what lunr's tokenizer accepts (string, null, arrays).
 */
export const tokenize = Object.assign(
  (input?: unknown, metadata?: object): lunr.Token[] => {
    if (input === null || input === undefined) return [];
    if (Array.isArray(input))
      return input.map((item) => new lunr.Token(String(item), { ...(metadata ?? {}) }));
    return wordSpans(String(input)).map(
      (span, index) =>
        new lunr.Token(span.word, {
          ...(metadata ?? {}),
          position: [span.start, span.length],
          index,
        }),
    );
  },
  { separator: UNUSED_SEPARATOR },
);

/** Pipeline step: folds each token; drops tokens that fold to nothing. */
export const foldToken: lunr.PipelineFunction = (token) => {
  const folded = token.update((word) => foldWord(word));
  return folded.toString() === '' ? null : folded;
};

/** The label our fold step is serialized under in the index's search pipeline. */
export const FOLD_LABEL = 'onmuniFold';

// A serialized index names its pipeline functions; Index.load fails unless they are registered.
// Registered on import, quietly, so build scripts and the app both have it before any load.
// (@types/lunr omits the registry, which lunr 2.3.9 exposes as Pipeline.registeredFunctions.)
const registry = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> })
  .registeredFunctions;
if (registry[FOLD_LABEL] !== foldToken)
  registry[FOLD_LABEL] = Object.assign(foldToken, { label: FOLD_LABEL });

/** Puts the shared analyzer on a lunr builder: tokenizer, index pipeline and search pipeline. */
export function configureAnalyzer(builder: lunr.Builder): void {
  builder.tokenizer = tokenize;
  builder.pipeline.reset();
  builder.pipeline.add(foldToken, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.reset();
  builder.searchPipeline.add(foldToken, lunr.stopWordFilter, lunr.stemmer);
}

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

/**
 * Analyzes query text the way the index analyzed documents. Wildcard and fuzzy clauses skip
 * lunr's pipeline, so they must use `folded`; exact clauses use `term` with `usePipeline: false`.
 */
export function analyzeQuery(text: string): QueryWord[] {
  return wordSpans(text).flatMap(({ word, start, length }) => {
    const folded = foldWord(word);
    if (folded === '') return [];
    const [term] = searchPipeline.run([new lunr.Token(word, {})]).map(String);
    return [
      { raw: word, folded, term: term ?? null, position: [start, length] as [number, number] },
    ];
  });
}

/** The indexed terms of a text: tokenized, folded, stop words removed, stemmed. */
export function analyzeText(text: string): string[] {
  return searchPipeline.run(tokenize(text)).map(String);
}
