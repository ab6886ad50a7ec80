import type { Language } from '../../../../../electron/shared/language';
import type { Vocabulary } from '../../content/vocabulary';
import { ANALYZERS } from '../analyzers';
import {
  SEARCH_FIELDS,
  segmentFields,
  TYPE_BOOSTS,
  type SearchableDocument,
} from '../searchFields';
import { ByteWriter, writeSortedWords } from './bytes';
import { BOOST_SCALE, fingerprintOf, writeHeader, type SegmentFragments } from './format';

/**
 * BM25 parameters, as lunr names them. b is lower than lunr's default (0.75): long, thorough
 * documents such as guide steps should not lose to short entries that mention a word in passing.
 */
export const BM25 = { k1: 1.2, b: 0.5 } as const;

/** One posting while the segment is built. */
interface Posting {
  doc: number;
  frequency: number;
  /** Word numbers of the occurrences (joined compound forms have none). */
  ordinals: number[];
}

/**
 * Builds the index segment of some documents: lunr's analysis (our tokenizer, lunr's stop words
 * and stemmer, or lunr-languages' French ones) and lunr's statistics (term frequency per field,
 * field lengths in terms, document boosts), written in the compact layout of `format.ts`.
 * Documents are taken in id order and terms in sorted order, so the bytes depend only on the
 * documents. Pure: it can run in a Worker.
 *
 * `language` is the documents' language and picks the analyzer, whose id the fragments record.
 * A French version whose body is the English one (`bodyLang: 'en'`) gives a French segment its
 * title, summary and facts only: its English body is the English segment's to find.
 */
export function buildSegment(
  docs: readonly SearchableDocument[],
  vocabulary: Vocabulary,
  language: Language = 'en',
): SegmentFragments {
  const { id: analyzerId, indexTokens, termOf, foldWord } = ANALYZERS[language];
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fieldCount = SEARCH_FIELDS.length;
  /** Each term's postings, per field, in document order. */
  const postings = new Map<string, Posting[][]>();
  const lexicon = new Map<string, string>();
  const fieldLengths: number[] = [];

  sorted.forEach((doc, docNumber) => {
    const fields = segmentFields(doc, vocabulary, language);
    SEARCH_FIELDS.forEach((field, fieldNumber) => {
      const local = new Map<string, Posting>();
      let length = 0;
      for (const token of indexTokens(fields[field.name])) {
        const term = termOf(token.word);
        if (term === null) continue;
        length += 1;
        const folded = foldWord(token.word);
        if (!lexicon.has(folded)) lexicon.set(folded, term);
        let posting = local.get(term);
        if (!posting) local.set(term, (posting = { doc: docNumber, frequency: 0, ordinals: [] }));
        posting.frequency += 1;
        if (!token.joined) posting.ordinals.push(token.ordinal);
      }
      fieldLengths.push(length);
      for (const [term, posting] of local) {
        let lists = postings.get(term);
        if (!lists) postings.set(term, (lists = SEARCH_FIELDS.map(() => [])));
        lists[fieldNumber]?.push(posting);
      }
    });
  });

  const terms = [...postings.keys()].sort();
  const termIds = new Map(terms.map((term, id) => [term, id]));
  const termBlock = new TextEncoder().encode(terms.join('\n'));
  const idBlock = new TextEncoder().encode(sorted.map((doc) => doc.id).join('\n'));
  const header = { fingerprint: fingerprintOf([termBlock, idBlock]), analyzer: analyzerId };

  const core = new ByteWriter();
  writeHeader(core, { ...header, kind: 'core' });
  core.uint(fieldCount);
  for (const field of SEARCH_FIELDS) {
    core.text(field.name);
    core.uint(Math.round(field.boost * BOOST_SCALE));
  }
  core.uint(Math.round(BM25.k1 * BOOST_SCALE));
  core.uint(Math.round(BM25.b * BOOST_SCALE));
  core.uint(sorted.length);
  core.raw(idBlock);
  for (const doc of sorted) core.uint(Math.round((TYPE_BOOSTS[doc.type] ?? 1) * BOOST_SCALE));
  for (const length of fieldLengths) core.uint(length);
  writeSortedWords(core, terms);

  // Postings are field by field within each term (so a field needs no bits of its own), and
  // gaps and frequencies go in separate blocks: each compresses better alone.
  const gapBytes = new ByteWriter();
  const frequencyBytes = new ByteWriter();
  const positionBytes = new ByteWriter();
  const gapSizes: number[] = [];
  const frequencySizes: number[] = [];
  const positionSizes: number[] = [];
  // Terms some of whose occurrences are joined compounds ("wifi" of "Wi-Fi"), which have no
  // word number: their postings say how many numbers they have. Every other posting has one
  // per occurrence, as many as its frequency, so the count is not stored.
  const counted: number[] = [];
  for (const term of terms) {
    const lists = postings.get(term) as Posting[][];
    const explicit = lists.some((list) => list.some((p) => p.ordinals.length !== p.frequency));
    if (explicit) counted.push(termIds.get(term) as number);
    const starts = [gapBytes.size, frequencyBytes.size, positionBytes.size] as const;
    for (const list of lists) {
      core.uint(list.length);
      let previousDoc = 0;
      for (const posting of list) {
        gapBytes.uint(posting.doc - previousDoc);
        frequencyBytes.uint(posting.frequency);
        previousDoc = posting.doc;
        if (explicit) positionBytes.uint(posting.ordinals.length);
        let previous = 0;
        for (const ordinal of posting.ordinals) {
          positionBytes.uint(ordinal - previous);
          previous = ordinal;
        }
      }
    }
    // Byte sizes per term, so a reader finds each term without decoding those before it.
    gapSizes.push(gapBytes.size - starts[0]);
    frequencySizes.push(frequencyBytes.size - starts[1]);
    positionSizes.push(positionBytes.size - starts[2]);
  }
  for (const size of gapSizes) core.uint(size);
  core.raw(gapBytes.finish());
  for (const size of frequencySizes) core.uint(size);
  core.raw(frequencyBytes.finish());

  const positions = new ByteWriter();
  writeHeader(positions, { ...header, kind: 'positions' });
  positions.uint(counted.length);
  let previousCounted = 0;
  for (const id of counted) {
    positions.uint(id - previousCounted);
    previousCounted = id;
  }
  for (const size of positionSizes) positions.uint(size);
  positions.raw(positionBytes.finish());

  const words = [...lexicon.keys()].sort();
  const lexiconOut = new ByteWriter();
  writeHeader(lexiconOut, { ...header, kind: 'lexicon' });
  writeSortedWords(lexiconOut, words);
  // Sorted words mostly map to the same or a nearby term: store the difference (zigzag).
  let previousId = 0;
  for (const word of words) {
    const id = termIds.get(lexicon.get(word) ?? '') ?? 0;
    lexiconOut.uint(id >= previousId ? (id - previousId) * 2 : (previousId - id) * 2 - 1);
    previousId = id;
  }

  return { core: core.finish(), positions: positions.finish(), lexicon: lexiconOut.finish() };
}
