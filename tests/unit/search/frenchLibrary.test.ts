import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from '../../../build/content/commands';
import { runContentPipeline } from '../../../build/content/pipeline';
import type { ContentDocument } from '../../../renderer/src/core/content/model';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { LanguageSearch } from '../../../renderer/src/core/search/languageSearch';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';

/**
 * French search over the real library: content/fr and content/ read by the content pipeline in
 * memory (as realLibrary.ts does for English), each indexed by the code under test, and searched
 * as the French interface searches (French engine first, then English).
 */
let search: LanguageSearch;
let frenchDocs: readonly ContentDocument[];

function open(fragments: SegmentFragments): Promise<SearchEngine> {
  return SearchEngine.open([(kind) => Promise.resolve(fragments[kind].slice())]);
}

beforeAll(async () => {
  const result = await runContentPipeline({ contentDir: DEFAULT_CONTENT_DIR, outDir: null });
  const french = result.french;
  if (!result.vocabulary || !french?.vocabulary || french.documents.length === 0)
    throw new Error('content/ and content/fr could not be read');
  frenchDocs = french.documents;
  const [fr, en] = await Promise.all([
    open(buildSegment(french.documents, french.vocabulary, 'fr')),
    open(buildSegment(result.documents, result.vocabulary)),
  ]);
  search = new LanguageSearch([
    { lang: 'fr', engine: fr },
    { lang: 'en', engine: en },
  ]);
}, 120_000);

async function hits(query: string) {
  const outcome = await search.searchWhenReady(query, { complete: true });
  expect(outcome.failure).toBeNull();
  return outcome.hits;
}

const BROADBAND = 'recommendation-5-broadband-and-cellular';

describe('French search over the real library', () => {
  it('finds the broadband recommendation first for "large bande" and "haut débit", in French', async () => {
    for (const query of ['large bande', 'haut débit', 'haut debit', 'broadband']) {
      const found = await hits(query);
      expect(
        found.slice(0, 3).map((hit) => hit.id),
        query,
      ).toContain(BROADBAND);
      expect(found.find((hit) => hit.id === BROADBAND)?.lang, query).toBe('fr');
    }
  });

  it('finds every French document containing "équipement" for "equipement", typed without accent', async () => {
    const holding = frenchDocs
      .filter((doc) => /[ée]quipement/i.test(`${doc.title} ${doc.summary} ${doc.plainText}`))
      .map((doc) => doc.id as string);
    expect(holding.length).toBeGreaterThan(0);
    const found = (await hits('equipement'))
      .filter((hit) => hit.lang === 'fr')
      .map((hit) => hit.id);
    expect(found).toEqual(expect.arrayContaining(holding));
  });

  it('finds "municipaux" in texts that say "municipales" or "municipal"', async () => {
    const found = new Set((await hits('municipaux')).map((hit) => hit.id));
    const saying = frenchDocs.filter((doc) => /\bmunicipales\b/i.test(doc.plainText));
    expect(saying.length).toBeGreaterThan(0);
    for (const doc of saying) expect(found.has(doc.id), doc.id).toBe(true);
  });

  it('gives each document once, French hits before what only English matched', async () => {
    const found = await hits('services partagés');
    const ids = found.map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Exact hits: the French ones first, then the English ones; typo-only hits after them all.
    const exact = found.filter((hit) => !hit.viaTypo).map((hit) => hit.lang);
    expect(exact[0]).toBe('fr');
    expect(exact.join(' ')).toMatch(/^(fr ?)+(en ?)*$/);
  });
});
