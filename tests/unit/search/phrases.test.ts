import { beforeAll, describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import { documentsWithPhrase, phraseTerms } from '../../../renderer/src/core/search/phrases';
import { SegmentSet } from '../../../renderer/src/core/search/scoring';
import { buildQuerySets } from '../../bench/search/queries';
import { loadRealLibrary, type RealLibrary } from './realLibrary';
import { PhraseOracle } from './reference/phraseOracle';

let library: RealLibrary;
let set: SegmentSet;
let oracle: PhraseOracle;

beforeAll(async () => {
  library = await loadRealLibrary();
  // Two segments, so document numbers that start past the first segment are checked too.
  const halves = [0, 1].map((half) => library.documents.filter((_, i) => i % 2 === half));
  const segments = halves.map((docs) => {
    const fragments = buildSegment(docs, library.vocabulary);
    const segment = new Segment(fragments.core);
    segment.attach('positions', fragments.positions);
    return segment;
  });
  set = new SegmentSet(segments);
  oracle = new PhraseOracle(set);
}, 120_000);

describe('documentsWithPhrase', () => {
  it(
    'finds what reading every word number finds, for phrases from the text and reversed',
    {
      timeout: 60_000,
    },
    () => {
      const drawn = [5, 6, 7].flatMap((seed) => buildQuerySets(library.documents, seed).phrase);
      const words = drawn.map((query) => query.slice(1, -1).split(' '));
      const phrases = [...words, ...words.map((list) => [...list].reverse())]
        .map((words) => phraseTerms(words, englishAnalyzer))
        .filter((terms) => terms.length > 0);
      const everyDocument = Int32Array.from({ length: set.docCount }, (_, i) => i);
      const someDocuments = everyDocument.filter((doc) => doc % 3 !== 0);
      let found = 0;
      for (const phrase of phrases)
        for (const candidates of [everyDocument, someDocuments]) {
          const expected = oracle.documentsWithPhrase(phrase, candidates);
          const actual = documentsWithPhrase(set, phrase, candidates);
          expect([...actual].sort(), JSON.stringify(phrase)).toEqual([...expected].sort());
          found += actual.size;
        }
      expect(phrases.length).toBeGreaterThan(100);
      expect(found).toBeGreaterThan(phrases.length);
    },
  );

  it('finds nothing among no candidates, or for a term the index lacks', () => {
    const all = Int32Array.from({ length: set.docCount }, (_, i) => i);
    expect(
      documentsWithPhrase(
        set,
        phraseTerms(['council', 'mandate'], englishAnalyzer),
        new Int32Array(0),
      ).size,
    ).toBe(0);
    expect(
      documentsWithPhrase(set, phraseTerms(['council', 'zzzqx'], englishAnalyzer), all).size,
    ).toBe(0);
  });
});
