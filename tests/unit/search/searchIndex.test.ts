import type lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { analyzeQuery } from '../../../renderer/src/core/search/analyzer';
import {
  buildSearchIndex,
  loadSearchIndex,
} from '../../../renderer/src/core/search/buildSearchIndex';
import { SEARCH_FIELDS, searchFields } from '../../../renderer/src/core/search/searchFields';
import { fixtureVocabulary, validFiles } from '../content/helpers';

let documents: ContentDocument[];
let index: lunr.Index;

beforeAll(async () => {
  const corpus = buildCorpus(await validFiles(), fixtureVocabulary());
  expect(corpus.issues).toEqual([]);
  documents = corpus.documents;
  // Round-trip through JSON, as the app receives it.
  index = loadSearchIndex(
    JSON.parse(JSON.stringify(buildSearchIndex(documents, fixtureVocabulary()))) as object,
  );
});

/** Exact-term search the way the app queries: analyze, then build clauses without the parser. */
function search(text: string): lunr.Index.Result[] {
  const words = analyzeQuery(text);
  return index.query((query) => {
    for (const word of words)
      if (word.term !== null)
        query.term(word.term, { usePipeline: false, presence: 2 /* REQUIRED */ });
  });
}
const refs = (text: string) => search(text).map((r) => r.ref);

/** `matchData.metadata[term][field]` (typed `object` by @types/lunr). */
type Metadata = Record<string, Record<string, { position?: Array<[number, number]> }>>;
const metadataOf = (result: lunr.Index.Result | undefined) =>
  (result?.matchData.metadata ?? {}) as Metadata;

describe('search index built with the shared analyzer', () => {
  it.each([
    ['reseau', ['key-issue-fixture-connectivity']],
    ['réseau', ['key-issue-fixture-connectivity']],
    ['RÉSEAU', ['key-issue-fixture-connectivity']],
    ['rancongiciel', ['glossary-fixture-ransomware', 'case-fixture-northtown']],
    ['rançongiciel', ['glossary-fixture-ransomware', 'case-fixture-northtown']],
  ])('accent folding both ways: %s', (query, expected) => {
    expect(refs(query)).toEqual(expected);
  });

  it('stems: permits, permitting and permitted find the same documents', () => {
    const permits = refs('permits');
    expect(permits).toContain('opportunity-fixture-permits');
    expect(permits).toContain('case-fixture-northtown');
    expect(refs('permitting').sort()).toEqual([...permits].sort());
    expect(refs('permitted').sort()).toEqual([...permits].sort());
  });

  it('ranks by field boost: title, then summary, then headings, then body', () => {
    expect(refs('lighthouse')).toEqual([
      'opportunity-fixture-permits', // title
      'key-issue-fixture-connectivity', // summary
      'guide-2-fixture-plan', // heading
      'about-fixture-toolkit', // body
    ]);
  });

  it('boosts are ordered as documented', () => {
    const boost = Object.fromEntries(SEARCH_FIELDS.map((f) => [f.name, f.boost]));
    expect(boost.title).toBeGreaterThan(boost.summary ?? 0);
    expect(boost.summary).toBeGreaterThan(boost.headings ?? 0);
    expect(boost.headings).toBeGreaterThan(boost.body ?? 0);
  });

  it('finds a case study by municipality name and region, and a glossary entry by alias', () => {
    expect(refs('Northtown')[0]).toBe('case-fixture-northtown');
    expect(refs('northern ontario')).toContain('case-fixture-northtown');
    expect(metadataOf(search('rançongiciel')[0]).rancongiciel).toHaveProperty('keywords');
  });

  it('finds topic labels', () => {
    expect(refs('cybersecurity')).toEqual(
      expect.arrayContaining(['case-fixture-northtown', 'glossary-fixture-ransomware']),
    );
  });

  it('keeps term positions that point at the matched words in the original field text', () => {
    const [hit] = search('réseau');
    const positions = metadataOf(hit).reseau?.body?.position ?? [];
    const doc = documents.find((d) => d.id === hit?.ref);
    expect(doc).toBeDefined();
    const body = searchFields(doc as ContentDocument, fixtureVocabulary()).body;
    expect(positions.map(([start, length]) => body.slice(start, start + length))).toEqual([
      'réseau',
    ]);

    const [title] = search('lighthouse');
    const [start, length] = metadataOf(title).lighthous?.title?.position?.[0] ?? [0, 0];
    expect('Lighthouse permits online'.slice(start, start + length)).toBe('Lighthouse');
  });

  it('does not index stop words', () => {
    // A stop word analyzes to no term; the app must then run no query (lunr with no clauses
    // returns every document), and the term itself is not in the index.
    expect(analyzeQuery('the')[0]?.term).toBeNull();
    expect(index.query((q) => q.term('the', { usePipeline: false }))).toEqual([]);
    const terms = (
      index.toJSON() as unknown as { invertedIndex: Array<[string, unknown]> }
    ).invertedIndex.map(([t]) => t);
    expect(terms).toContain('lighthous');
    expect(terms).not.toContain('the');
  });
});
