import { tokenSpans } from './analyzer';

/**
 * What a user typed into the search field, as a structure. The search engine never hands user
 * text to lunr's query-string parser; it builds queries from this instead, so no input can
 * raise a parse error or smuggle in lunr syntax (`field:`, `^boost`, `~fuzz`, `*`).
 */
export interface ParsedQuery {
  /** Words that must match (in any order). */
  terms: string[];
  /** Quoted phrases: their words must match and appear together, in order. */
  phrases: string[][];
  /** Words after a minus sign: documents containing them are left out. */
  excluded: string[];
  /** True when the last word is still being typed, so it may match as a prefix. */
  lastTermIsPrefix: boolean;
}

/** Longest input considered; the rest is ignored so a pasted essay cannot stall a keystroke. */
export const MAX_QUERY_CHARS = 256;
/** Most words taken from one query. */
export const MAX_QUERY_WORDS = 12;

/**
 * Splits text into words with the index's own tokenizer, so a query is cut exactly as the
 * documents were ("17,262", "2.5", "Wi-Fi" and decomposed accents each stay one word).
 */
export function words(text: string): string[] {
  return tokenSpans(text).map((token) => token.word);
}

/** Parses raw input. Total: any string gives a (possibly empty) query, never an error. */
export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const query: ParsedQuery = { terms: [], phrases: [], excluded: [], lastTermIsPrefix: false };
  let budget = MAX_QUERY_WORDS;
  let lastWasPlainTerm = false;
  const take = (list: string[]) => {
    const kept = list.slice(0, Math.max(0, budget));
    budget -= kept.length;
    return kept;
  };

  // Quoted phrases first; an unclosed quote runs to the end of the input.
  const pieces = text.split('"');
  pieces.forEach((piece, index) => {
    const quoted = index % 2 === 1;
    if (quoted) {
      const phrase = take(words(piece));
      if (phrase.length > 1) query.phrases.push(phrase);
      else query.terms.push(...phrase);
      lastWasPlainTerm = false;
      return;
    }
    for (const chunk of piece.split(/\s+/)) {
      if (chunk === '') continue;
      const negative = chunk.startsWith('-') && chunk.length > 1;
      const found = take(words(negative ? chunk.slice(1) : chunk));
      if (negative) query.excluded.push(...found);
      else query.terms.push(...found);
      lastWasPlainTerm = !negative && found.length > 0;
    }
  });
  query.lastTermIsPrefix = lastWasPlainTerm && !/[\s"]$/.test(text);
  return query;
}

/** True when the query asks for nothing (e.g. only punctuation was typed). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.phrases.length === 0;
}
