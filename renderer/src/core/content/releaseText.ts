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

/**
 * True when a quotation's words are in the release: each part between ellipses, trimmed of edge
 * punctuation and normalised, occurs in the release, in the order written.
 */
export function quoteMatchesRelease(quote: string, release: ReleaseText): boolean {
  const parts = quote
    .split(ELLIPSIS)
    .map((part) => normaliseForQuote(part.replace(EDGE_PUNCTUATION, '')))
    .filter((part) => part !== '');
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = release.normalised.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return true;
}
