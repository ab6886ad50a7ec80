/**
 * Where the AMO release of 14 August 2017 is shipped, relative to the content folder. The build
 * reads it there (never from outside the project) and passes the text to the corpus check.
 */
export const RELEASE_PATH = 'sources/amo-release-2017-08-14.txt';

/** The release prepared for matching quotations against it. */
export interface ReleaseText {
  /** The whole release, normalised with {@link normaliseForQuote}. */
  normalised: string;
}

/** Prepares the release text once, so every quotation is matched against the same string. */
export function prepareReleaseText(raw: string): ReleaseText {
  return { normalised: normaliseForQuote(raw) };
}

/**
 * Normalises text so a quotation matches however it was typed: case, curly or straight quotes
 * and apostrophes (all become `'`, since a quotation inside a quotation swaps double for single),
 * and any run of whitespace (line breaks of the release, non-breaking spaces).
 */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// An ellipsis inside a quotation marks words left out: each side must match on its own.
const ELLIPSIS = /\s*(?:\.\s?\.\s?\.|\u2026)\s*/;
// Punctuation at the edges belongs to the sentence around the quotation, not to the release.
const EDGE_PUNCTUATION = /^[\s,.;:!?]+|[\s,.;:!?]+$/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * How long a quoted part must be to show what was said: three words or fifteen characters.
 * "digital", "port" or "fund" are in the release too, but quoting one word says nothing about
 * what AMO asked for.
 */
export const MIN_QUOTE = { words: 3, chars: 15 } as const;

/**
 * How a quotation compares with the release:
 * - `match`: each part (between ellipses) is in the release as whole words, in the order
 *   written, and is long enough ({@link MIN_QUOTE}) to stand for what was said;
 * - `term`: it is in the release, but some part is shorter: a word or a name, not a statement;
 * - `absent`: the release does not contain it.
 */
export type QuoteMatch = 'match' | 'term' | 'absent';

/** Compares a quotation with the release (see {@link QuoteMatch}). */
export function matchQuote(quote: string, release: ReleaseText): QuoteMatch {
  const parts = quote
    .split(ELLIPSIS)
    .map((part) => normaliseForQuote(part.replace(EDGE_PUNCTUATION, '')))
    .filter((part) => part !== '');
  if (parts.length === 0) return 'absent';
  let from = 0;
  for (const part of parts) {
    const at = findWholeWords(release.normalised, part, from);
    if (at === -1) return 'absent';
    from = at + part.length;
  }
  const long = (part: string) =>
    part.split(' ').length >= MIN_QUOTE.words || part.length >= MIN_QUOTE.chars;
  return parts.every(long) ? 'match' : 'term';
}

/**
 * The first place at or after `from` where `part` occurs as whole words: "port" is not in
 * "support", nor "fund" in "funding".
 */
function findWholeWords(text: string, part: string, from: number): number {
  const needsStart = WORD_CHAR.test(part[0] ?? '');
  const needsEnd = WORD_CHAR.test(part.at(-1) ?? '');
  for (let at = text.indexOf(part, from); at !== -1; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + part.length] ?? ' ';
    if ((!needsStart || !WORD_CHAR.test(before)) && (!needsEnd || !WORD_CHAR.test(after)))
      return at;
  }
  return -1;
}
