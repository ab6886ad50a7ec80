import { beforeAll, describe, expect, it } from 'vitest';
import { englishAnalyzer } from '../../../renderer/src/core/search/analyzer';
import { buildCorpus } from '../../../renderer/src/core/content/corpus';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { matchPositions } from '../../../renderer/src/core/search/highlight';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import { SEARCH_FIELDS, searchFields } from '../../../renderer/src/core/search/searchFields';
import { fixtureVocabulary, validFiles } from '../content/helpers';

let documents: ContentDocument[];
let segment: Segment;
let engine: SearchEngine;

beforeAll(async () => {
  const corpus = buildCorpus(await validFiles(), fixtureVocabulary());
  expect(corpus.issues).toEqual([]);
  documents = corpus.documents;
  const fragments = buildSegment(documents, fixtureVocabulary());
  segment = new Segment(fragments.core);
  engine = new SearchEngine([segment], [(kind) => Promise.resolve(fragments[kind])]);
});

/** A finished query (no prefix matching), loading whatever it needs. */
const search = (text: string) => engine.searchWhenReady(text, { complete: true });
const refs = async (text: string) => (await search(text)).hits.map((hit) => hit.id);

/** The text a hit's matched terms cover in one field. */
async function marked(query: string, id: string, field: 'body' | 'title' | 'keywords') {
  const outcome = await search(query);
  const doc = documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  const texts = searchFields(doc, fixtureVocabulary());
  return (matchPositions(texts, outcome.terms, englishAnalyzer)[field] ?? []).map(
    ([start, length]) => texts[field].slice(start, start + length),
  );
}

describe('search index built with the shared analyzer', () => {
  it.each([
    ['reseau', ['key-issue-fixture-connectivity']],
    ['réseau', ['key-issue-fixture-connectivity']],
    ['RÉSEAU', ['key-issue-fixture-connectivity']],
    ['rancongiciel', ['glossary-fixture-ransomware', 'case-fixture-northtown']],
    ['rançongiciel', ['glossary-fixture-ransomware', 'case-fixture-northtown']],
  ])('accent folding both ways: %s', async (query, expected) => {
    expect(await refs(query)).toEqual(expected);
  });

  it('stems: permits, permitting and permitted find the same documents', async () => {
    const permits = await refs('permits');
    expect(permits).toContain('opportunity-fixture-permits');
    expect(permits).toContain('case-fixture-northtown');
    expect((await refs('permitting')).sort()).toEqual([...permits].sort());
    expect((await refs('permitted')).sort()).toEqual([...permits].sort());
  });

  it('ranks by field boost: title, then summary, then headings, then body', async () => {
    expect(await refs('lighthouse')).toEqual([
      'opportunity-fixture-permits', // title
      'key-issue-fixture-connectivity', // summary
      'guide-2-fixture-plan', // heading
      'about-fixture-toolkit', // body
    ]);
  });

  it('boosts are ordered as documented, and stored in the index', () => {
    const boost = Object.fromEntries(SEARCH_FIELDS.map((f) => [f.name, f.boost]));
    expect(boost.title).toBeGreaterThan(boost.summary ?? 0);
    expect(boost.summary).toBeGreaterThan(boost.headings ?? 0);
    expect(boost.headings).toBeGreaterThan(boost.body ?? 0);
    expect([...segment.fieldBoosts]).toEqual(SEARCH_FIELDS.map((f) => f.boost));
  });

  it('finds a case study by municipality name and region, and a glossary entry by alias', async () => {
    expect((await refs('Northtown'))[0]).toBe('case-fixture-northtown');
    expect(await refs('northern ontario')).toContain('case-fixture-northtown');
    expect(await marked('rançongiciel', 'glossary-fixture-ransomware', 'keywords')).toEqual([
      'Rançongiciel',
    ]);
  });

  it('finds topic labels', async () => {
    expect(await refs('cybersecurity')).toEqual(
      expect.arrayContaining(['case-fixture-northtown', 'glossary-fixture-ransomware']),
    );
  });

  it('marks the matched words in the original field text', async () => {
    const [hit] = (await search('réseau')).hits;
    expect(await marked('réseau', hit?.id ?? '', 'body')).toEqual(['réseau']);
    expect(await marked('lighthouse', 'opportunity-fixture-permits', 'title')).toEqual([
      'Lighthouse',
    ]);
  });

  it('does not index stop words', async () => {
    expect(await refs('the')).toEqual([]);
    expect(segment.terms).toContain('lighthous');
    expect(segment.terms).not.toContain('the');
  });
});
