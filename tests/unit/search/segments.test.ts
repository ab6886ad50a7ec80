import lunr from 'lunr';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import {
  FRAGMENT_KINDS,
  type FragmentKind,
  type SegmentFragments,
} from '../../../renderer/src/core/search/layout/format';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import { lunrIdf, SegmentSet } from '../../../renderer/src/core/search/scoring';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { loadRealLibrary, type RealLibrary } from './realLibrary';
import { buildLunrIndex } from './reference/lunrIndex';
import { RELEVANCE_ROWS } from './relevanceRows';

let library: RealLibrary;
let fragments: SegmentFragments;

beforeAll(async () => {
  library = await loadRealLibrary();
  fragments = buildSegment(library.documents, library.vocabulary);
}, 60_000);

/** A fragment source over bytes in memory that records what was asked of it. */
function recordingSource(bytes: SegmentFragments, asked: FragmentKind[]) {
  return (kind: FragmentKind) => {
    asked.push(kind);
    return Promise.resolve(bytes[kind].slice());
  };
}

describe('index segments: build, serialize, load', () => {
  it('are byte-for-byte reproducible', { timeout: 60_000 }, () => {
    const again = buildSegment([...library.documents].reverse(), library.vocabulary);
    for (const kind of FRAGMENT_KINDS) expect(again[kind]).toEqual(fragments[kind]);
  });

  it('hold lunr’s own statistics: the terms, documents with term, and idf', () => {
    const segment = new Segment(fragments.core);
    const lunrIndex = buildLunrIndex(library.documents, library.vocabulary).toJSON() as unknown as {
      invertedIndex: Array<[string, Record<string, Record<string, unknown>>]>;
    };
    expect(segment.terms).toEqual(lunrIndex.invertedIndex.map(([term]) => term));
    for (const [term, posting] of lunrIndex.invertedIndex) {
      const withTerm = Object.entries(posting)
        .filter(([field]) => field !== '_index')
        .reduce((sum, [, docs]) => sum + Object.keys(docs).length, 0);
      expect(segment.postingCounts[segment.terms.indexOf(term)], term).toBe(withTerm);
    }
    // lunr.idf counts one per field a document has the term in: here 3.
    const idf = (lunr as unknown as { idf: (posting: object, count: number) => number }).idf;
    const posting = { _index: 0, title: { a: {}, b: {} }, body: { a: {} } };
    for (const count of [3, 10, 113, 10_000]) expect(lunrIdf(3, count)).toBe(idf(posting, count));
    expect(segment.docIds).toEqual(library.documents.map((d) => d.id as string).sort());
  });

  it('are smaller than the lunr JSON they replace', () => {
    const lunrJson = JSON.stringify(buildLunrIndex(library.documents, library.vocabulary));
    const total = FRAGMENT_KINDS.reduce((sum, kind) => sum + fragments[kind].length, 0);
    expect(total).toBeLessThan(Buffer.byteLength(lunrJson) / 2);
    expect(gzipSync(fragments.core).length).toBeLessThan(gzipSync(lunrJson).length / 2);
  });

  it('load lazily: the core to open, positions for a phrase, the lexicon for a typo', async () => {
    const asked: FragmentKind[] = [];
    const engine = await SearchEngine.open([recordingSource(fragments, asked)]);
    expect(asked).toEqual(['core']);
    expect(engine.search('broadband').hits.length).toBeGreaterThan(0);
    expect(asked).toEqual(['core']);

    const phrase = engine.search('"open data"');
    expect(phrase).toMatchObject({ hits: [], pending: ['positions'], failure: null });
    expect((await engine.searchWhenReady('"open data"')).hits.length).toBeGreaterThan(0);
    expect(asked).toEqual(['core', 'positions']);

    let notified = 0;
    engine.subscribe(() => (notified += 1));
    expect(engine.search('brodband').pending).toEqual(['lexicon']);
    await engine.load(['lexicon']);
    expect(notified).toBe(1);
    expect(engine.search('brodband').hits[0]?.viaTypo).toBe(true);
    expect(asked).toEqual(['core', 'positions', 'lexicon']);
  });

  it('refuse damaged or mismatched fragments with a message', () => {
    expect(() => new Segment(fragments.core.slice(0, fragments.core.length - 5))).toThrow(
      /search index core fragment is (truncated|damaged)/,
    );
    expect(() => new Segment(fragments.positions)).toThrow(/expected the search index core/);
    expect(() => new Segment(new Uint8Array([1, 2, 3]))).toThrow(/not a search index file/);
    const other = buildSegment(library.documents.slice(1), library.vocabulary);
    const segment = new Segment(fragments.core);
    expect(() => segment.attach('lexicon', other.lexicon)).toThrow(/another build of the index/);
  });
});

describe('segments ranked together', () => {
  it('rank exactly as one segment of all their documents (pooled term statistics)', async () => {
    const odd = library.documents.filter((_, i) => i % 2 === 1);
    const even = library.documents.filter((_, i) => i % 2 === 0);
    const parts = [odd, even].map((docs) => buildSegment(docs, library.vocabulary));
    const together = await SearchEngine.open(parts.map((part) => recordingSource(part, [])));
    const whole = await SearchEngine.open([recordingSource(fragments, [])]);
    expect(together.documentCount).toBe(whole.documentCount);
    for (const row of RELEVANCE_ROWS) {
      const split = await together.searchWhenReady(row.query);
      const one = await whole.searchWhenReady(row.query);
      expect(split.hits, row.query).toEqual(one.hits);
      expect(split.terms, row.query).toEqual(one.terms);
    }
  });

  it('refuse to mix segments of different analyzers', () => {
    const french = fragments.core.slice();
    const segment = new Segment(french);
    Object.assign(segment, { analyzer: 'fr' });
    expect(() => new SearchEngine([new Segment(fragments.core), segment])).toThrow(
      /different analyzers/,
    );
  });

  it('mark the documents whose title holds a word’s own term, as the title table says', () => {
    const odd = library.documents.filter((_, i) => i % 2 === 1);
    const even = library.documents.filter((_, i) => i % 2 === 0);
    const segments = [odd, even].map(
      (docs) => new Segment(buildSegment(docs, library.vocabulary).core),
    );
    const set = new SegmentSet(segments);
    let titled = 0;
    for (const term of ['broadband', 'council', 'municip', 'amo', 'digit', 'servic']) {
      const exact = set.scoreWord([{ term, boost: 10, typo: false }]);
      expect(exact.docs.length, term).toBeGreaterThan(0);
      exact.docs.forEach((doc, i) => {
        const s = set.segmentOf(doc);
        const segment = segments[s] as Segment;
        const id = segment.terms.indexOf(term);
        const inTitle =
          id >= 0 && segment.titleHasTermIn(doc - (set.bases[s] as number), id, id + 1);
        expect(exact.inTitle[i], `${term} in ${set.docId(doc)}`).toBe(inTitle ? 1 : 0);
        if (inTitle) titled += 1;
      });
      // A typo expansion never makes a title hold the word.
      const typo = set.scoreWord([{ term, boost: 1, typo: true }]);
      expect(
        typo.inTitle.every((flag) => flag === 0),
        term,
      ).toBe(true);
    }
    expect(titled).toBeGreaterThan(5);
  });
});
