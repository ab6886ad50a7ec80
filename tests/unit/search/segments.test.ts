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

describe('a segment whose lazy fragment cannot be used', () => {
  /** The library in three segments: the bundled one, a sound pack, and a pack to break. */
  function parts(): SegmentFragments[] {
    return [0, 1, 2].map((part) =>
      buildSegment(
        library.documents.filter((_, i) => i % 3 === part),
        library.vocabulary,
      ),
    );
  }

  /** A source whose `positions` file is missing and whose `lexicon` is cut short. */
  function brokenSource(bytes: SegmentFragments) {
    return (kind: FragmentKind) =>
      kind === 'positions'
        ? Promise.reject(new Error('search-positions.bin: no such file'))
        : Promise.resolve(kind === 'lexicon' ? bytes.lexicon.slice(0, 40) : bytes[kind].slice());
  }

  /** Queries needing each lazy fragment: phrases (positions) and typos (lexicon). */
  const QUERIES = ['"open data"', '"shared services"', 'brodband', 'councl meeting'];

  it('is left out, and the rest answer as an engine opened without it', async () => {
    const [bundled, sound, broken] = parts() as [
      SegmentFragments,
      SegmentFragments,
      SegmentFragments,
    ];
    const left: Array<{ segment: Segment; error: string }> = [];
    const segments = [bundled, sound, broken].map((part) => new Segment(part.core));
    const engine = new SearchEngine(
      segments,
      [recordingSource(bundled, []), recordingSource(sound, []), brokenSource(broken)],
      {
        leaveOut: (segment, error) => {
          left.push({ segment, error: (error as Error).message });
          return segment !== segments[0];
        },
      },
    );
    const without = await SearchEngine.open([
      recordingSource(bundled, []),
      recordingSource(sound, []),
    ]);
    let notified = 0;
    engine.subscribe(() => (notified += 1));
    for (const query of QUERIES) {
      const outcome = await engine.searchWhenReady(query, { complete: true });
      expect(outcome.failure, query).toBeNull();
      expect(outcome.hits.length, query).toBeGreaterThan(0);
      expect(outcome.hits, query).toEqual(
        (await without.searchWhenReady(query, { complete: true })).hits,
      );
    }
    // Left out once, at the first fragment that failed (a phrase: the missing positions).
    expect(left).toEqual([{ segment: segments[2], error: 'search-positions.bin: no such file' }]);
    expect(engine.segments).toEqual(segments.slice(0, 2));
    expect(engine.documentCount).toBe(without.documentCount);
    expect(notified).toBeGreaterThan(0);
  });

  it('left out when its lexicon is cut short or from another build, word matches re-counted', async () => {
    const [bundled, sound, broken] = parts() as [
      SegmentFragments,
      SegmentFragments,
      SegmentFragments,
    ];
    for (const lexicon of [broken.lexicon.slice(0, 40), sound.lexicon]) {
      const segments = [bundled, sound, broken].map((part) => new Segment(part.core));
      const engine = new SearchEngine(
        segments,
        [bundled, sound, { ...broken, lexicon }].map((part) => recordingSource(part, [])),
        { leaveOut: (segment) => segment !== segments[0] },
      );
      // Remembered before the pack is left out: its documents' numbers must not outlive it.
      expect(engine.search('broadband').hits.length).toBeGreaterThan(0);
      await engine.load(['lexicon']);
      expect(engine.segments).toEqual(segments.slice(0, 2));
      const without = new SearchEngine(segments.slice(0, 2));
      expect(engine.search('broadband').hits).toEqual(without.search('broadband').hits);
      expect(engine.search('brodband', { complete: true }).hits).toEqual(
        without.search('brodband', { complete: true }).hits,
      );
    }
  });

  it('fails the load when it may not be left out, or no one is asked', async () => {
    const [bundled, sound] = parts() as [SegmentFragments, SegmentFragments];
    const make = (leaveOut?: (segment: Segment) => boolean) => {
      const segments = [bundled, sound].map((part) => new Segment(part.core));
      return new SearchEngine(
        segments,
        [brokenSource(bundled), brokenSource(sound)],
        leaveOut ? { leaveOut } : {},
      );
    };
    await expect(make().load(['positions'])).rejects.toThrow(/no such file/);
    // The bundled library's failure fails the load; the pack is left out all the same.
    const engine = make((segment) => segment.docCount === new Segment(sound.core).docCount);
    await expect(engine.load(['positions'])).rejects.toThrow(/no such file/);
    expect(engine.segments).toHaveLength(1);
    // The last segment is never left out: an engine searches at least one.
    const alone = new SearchEngine([new Segment(sound.core)], [brokenSource(sound)], {
      leaveOut: () => true,
    });
    await expect(alone.load(['lexicon'])).rejects.toThrow(/truncated|damaged/);
    expect(alone.segments).toHaveLength(1);
  });
});
