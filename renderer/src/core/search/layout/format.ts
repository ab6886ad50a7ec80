import type { Language } from '../../../../../electron/shared/language';
import { languageFileName } from '../../content/dataFiles';
import type { ByteReader, ByteWriter } from './bytes';

/**
 * The search index as it is stored: each segment (the bundled library now; each content pack
 * later) is a few fragments, loaded when a query first needs them.
 *
 * - `core` (loaded before the first search): the analyzer and field setup, the documents (id,
 *   boost, length of each field in terms), the sorted term dictionary (front-coded), and each
 *   term's postings field by field: how many per field, then one block of document gaps and one
 *   block of term frequencies (each with its byte size per term, so a term is found directly). Enough for words, prefixes, ranking and the title bonus (title
 *   and keyword postings come first in each term).
 * - `positions` (loaded for the first quoted phrase): the word numbers of every occurrence, per
 *   posting, as gaps (as many as the posting's frequency, so counts are stored only for the few
 *   terms that also occur as joined compounds), so a phrase is checked without the documents'
 *   text. Highlighting needs no positions: it re-reads the few visible results.
 * - `lexicon` (loaded for the first typo): every word as written (folded) with the term it is
 *   indexed under (as the difference from the previous word's), since a typo is closer to the
 *   written word than to its stem.
 *
 * Numbers are unsigned varints (`bytes.ts`); term frequencies and field lengths are kept, not
 * lunr's precomputed BM25 weights, so several segments can be scored with pooled statistics.
 * Each fragment starts with the same header; the fingerprint ties `positions` and `lexicon` to
 * the `core` they were built with.
 */

/** The fragments of a segment. */
export const FRAGMENT_KINDS = ['core', 'positions', 'lexicon'] as const;
export type FragmentKind = (typeof FRAGMENT_KINDS)[number];
/** Fragments loaded on demand, after the core. */
export type LazyFragmentKind = Exclude<FragmentKind, 'core'>;

/** First bytes of every fragment: "OMSX". */
export const MAGIC = 0x584d534f;
/** Bumped when the layout changes; an index of another version is refused, never misread. */
export const FORMAT_VERSION = 2;

/** Boosts are stored in thousandths (1.3 -> 1300), which read back as the same double. */
export const BOOST_SCALE = 1000;

/** A segment's fragments as bytes, e.g. as built or as read from files. */
export type SegmentFragments = Record<FragmentKind, Uint8Array>;

/** Where a segment's fragments come from: files beside the app, a content pack's folder... */
export type FragmentSource = (kind: FragmentKind) => Promise<Uint8Array>;

/**
 * The file name of a fragment of the bundled library's segment in a language: the English
 * library's `search-core.bin`, the French library's `search-core.fr.bin` (the library's one rule
 * for files per language, `languageFileName`).
 */
export function fragmentFileName(kind: FragmentKind, language: Language = 'en'): string {
  return languageFileName(`search-${kind}.bin`, language);
}

/** FNV-1a over some bytes: a cheap fingerprint, not a security check. */
export function fingerprintOf(parts: readonly Uint8Array[]): number {
  let hash = 0x811c9dc5;
  for (const bytes of parts)
    for (const byte of bytes) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  return hash;
}

/** What every fragment starts with. */
export interface FragmentHeader {
  kind: FragmentKind;
  /** Ties the lazy fragments to their core. */
  fingerprint: number;
  /** The analyzer that made the terms ("en", "fr"); only segments of one analyzer rank together. */
  analyzer: string;
}

export function writeHeader(out: ByteWriter, header: FragmentHeader): void {
  out.uint(MAGIC);
  out.uint(FORMAT_VERSION);
  out.uint(FRAGMENT_KINDS.indexOf(header.kind));
  out.uint(header.fingerprint);
  out.text(header.analyzer);
}

/** Reads and checks a header; throws a message a person can act on when it is wrong. */
export function readHeader(input: ByteReader, expected: FragmentKind): FragmentHeader {
  if (input.uint() !== MAGIC)
    throw new Error(`the search index ${expected} fragment is not a search index file`);
  const version = input.uint();
  if (version !== FORMAT_VERSION)
    throw new Error(
      `the search index was built by another version of the toolkit (format ${version}, expected ${FORMAT_VERSION}); rebuild the content`,
    );
  const kind = FRAGMENT_KINDS[input.uint()];
  if (kind !== expected)
    throw new Error(
      `expected the search index ${expected} fragment, found ${kind ?? 'an unknown one'}`,
    );
  return { kind, fingerprint: input.uint(), analyzer: input.text() };
}
