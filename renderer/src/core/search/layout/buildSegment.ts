import type { Vocabulary } from '../../content/vocabulary';
import { ANALYZER_ID, foldWord, indexTokens, termOf } from '../analyzer';
import { SEARCH_FIELDS, searchFields, TYPE_BOOSTS, type SearchableDocument } from '../searchFields';
import { ByteWriter } from './bytes';
import {
  BOOST_SCALE,
  FIELD_BITS,
  fingerprintOf,
  writeHeader,
  type SegmentFragments,
} from './format';

/**
 * BM25 parameters, as lunr names them. b is lower than lunr's default (0.75): long, thorough
 * documents such as guide steps should not lose to short entries that mention a word in passing.
 */
export const BM25 = { k1: 1.2, b: 0.5 } as const;

/** Everything one term holds while the segment is built, postings in (document, field) order. */
interface TermPostings {
  docs: number[];
  fields: number[];
  frequencies: number[];
  /** Word numbers of each posting's occurrences (joined compound forms have none). */
  ordinals: number[][];
}

/**
 * Builds the index segment of some documents: lunr's analysis (our tokenizer, lunr's stop words
 * and stemmer) and lunr's statistics (term frequency per field, field lengths in terms, document
 * boosts), written in the compact layout of `format.ts`. Documents are taken in id order and
 * terms in sorted order, so the bytes depend only on the documents. Pure: it can run in a Worker.
 */
export function buildSegment(
  docs: readonly SearchableDocument[],
  vocabulary: Vocabulary,
): SegmentFragments {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fieldCount = SEARCH_FIELDS.length;
  const titleFields = new Set(['title', 'keywords']);
  const postings = new Map<string, TermPostings>();
  const lexicon = new Map<string, string>();
  const fieldLengths: number[] = [];
  const titleTerms: Array<Set<string>> = [];

  sorted.forEach((doc, docNumber) => {
    const fields = searchFields(doc, vocabulary);
    const inTitle = new Set<string>();
    SEARCH_FIELDS.forEach((field, fieldNumber) => {
      const local = new Map<string, { frequency: number; ordinals: number[] }>();
      let length = 0;
      for (const token of indexTokens(fields[field.name])) {
        const term = termOf(token.word);
        if (term === null) continue;
        length += 1;
        const folded = foldWord(token.word);
        if (!lexicon.has(folded)) lexicon.set(folded, term);
        let entry = local.get(term);
        if (!entry) local.set(term, (entry = { frequency: 0, ordinals: [] }));
        entry.frequency += 1;
        if (!token.joined) entry.ordinals.push(token.ordinal);
        if (titleFields.has(field.name)) inTitle.add(term);
      }
      fieldLengths.push(length);
      for (const [term, entry] of local) {
        let list = postings.get(term);
        if (!list)
          postings.set(term, (list = { docs: [], fields: [], frequencies: [], ordinals: [] }));
        list.docs.push(docNumber);
        list.fields.push(fieldNumber);
        list.frequencies.push(entry.frequency);
        list.ordinals.push(entry.ordinals);
      }
    });
    titleTerms.push(inTitle);
  });

  const terms = [...postings.keys()].sort();
  const termIds = new Map(terms.map((term, id) => [term, id]));
  const termBlock = new TextEncoder().encode(terms.join('\n'));
  const idBlock = new TextEncoder().encode(sorted.map((doc) => doc.id).join('\n'));
  const header = { fingerprint: fingerprintOf([termBlock, idBlock]), analyzer: ANALYZER_ID };

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
  core.uint(terms.length);
  core.raw(termBlock);
  const postingBytes = new ByteWriter();
  const positionBytes = new ByteWriter();
  const postingSizes: number[] = [];
  const positionSizes: number[] = [];
  for (const term of terms) {
    const list = postings.get(term) as TermPostings;
    const [postingStart, positionStart] = [postingBytes.size, positionBytes.size];
    let previousDoc = 0;
    list.docs.forEach((doc, i) => {
      postingBytes.uint((doc - previousDoc) * (1 << FIELD_BITS) + (list.fields[i] ?? 0));
      postingBytes.uint(list.frequencies[i] ?? 0);
      previousDoc = doc;
      const ordinals = list.ordinals[i] ?? [];
      positionBytes.uint(ordinals.length);
      let previous = 0;
      for (const ordinal of ordinals) {
        positionBytes.uint(ordinal - previous);
        previous = ordinal;
      }
    });
    postingSizes.push(postingBytes.size - postingStart);
    positionSizes.push(positionBytes.size - positionStart);
    core.uint(list.docs.length);
  }
  for (const size of postingSizes) core.uint(size);
  core.raw(postingBytes.finish());
  for (const inTitle of titleTerms) {
    const ids = [...inTitle].map((term) => termIds.get(term) ?? 0).sort((a, b) => a - b);
    core.uint(ids.length);
    let previous = 0;
    for (const id of ids) {
      core.uint(id - previous);
      previous = id;
    }
  }

  const positions = new ByteWriter();
  writeHeader(positions, { ...header, kind: 'positions' });
  for (const size of positionSizes) positions.uint(size);
  positions.raw(positionBytes.finish());

  const words = [...lexicon.keys()].sort();
  const lexiconOut = new ByteWriter();
  writeHeader(lexiconOut, { ...header, kind: 'lexicon' });
  lexiconOut.uint(words.length);
  lexiconOut.raw(new TextEncoder().encode(words.join('\n')));
  for (const word of words) lexiconOut.uint(termIds.get(lexicon.get(word) ?? '') ?? 0);

  return { core: core.finish(), positions: positions.finish(), lexicon: lexiconOut.finish() };
}
