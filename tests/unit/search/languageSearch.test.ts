import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/shared/language';
import type { Vocabulary } from '../../../renderer/src/core/content/vocabulary';
import { ANALYZERS } from '../../../renderer/src/core/search/analyzers';
import { matchPositions } from '../../../renderer/src/core/search/highlight';
import { buildSegment } from '../../../renderer/src/core/search/layout/buildSegment';
import type { SegmentFragments } from '../../../renderer/src/core/search/layout/format';
import { Segment } from '../../../renderer/src/core/search/layout/segment';
import { LanguageSearch } from '../../../renderer/src/core/search/languageSearch';
import { SearchEngine } from '../../../renderer/src/core/search/searchEngine';
import {
  searchFields,
  type SearchableDocument,
} from '../../../renderer/src/core/search/searchFields';

/**
 * A small bilingual library, in the toolkit's own words (titles, summaries and sentences of
 * content/ and content/fr): each bundled document in English and in French under the same id,
 * and a content pack's document in English only.
 */
const vocabulary = {
  topics: { broadband: 'Broadband', cybersecurity: 'Cybersecurity' },
  regions: {},
  tiers: {},
} as unknown as Vocabulary;
const frenchVocabulary = {
  topics: { broadband: 'Large bande', cybersecurity: 'Cybersécurité' },
  regions: {},
  tiers: {},
} as unknown as Vocabulary;

function doc(
  id: string,
  type: SearchableDocument['type'],
  title: string,
  summary: string,
  body: string,
  extra: Partial<SearchableDocument> = {},
): SearchableDocument {
  return {
    id,
    type,
    title,
    summary,
    topics: [],
    headings: [],
    plainText: body,
    ...extra,
  } as SearchableDocument;
}

const BROADBAND = 'recommendation-5-broadband-and-cellular';
const CYBER = 'opportunity-cybersecurity-readiness';
const SHARED = 'opportunity-shared-services';
const PACK = 'county-pack--rural-internet-survey';

const english = [
  doc(
    BROADBAND,
    'recommendation',
    'Recommendation 5: Make broadband and cellular service a priority',
    'AMO’s fifth recommendation to the Province is “Prioritizing improvements to broadband and cellular service so that all municipal governments and their communities have access to reliable, high-speed internet”.',
    'This page quotes it in full, shows the evidence and later programs.',
    { topics: ['broadband'] },
  ),
  doc(
    CYBER,
    'opportunity',
    'Opportunity: Cybersecurity readiness',
    'Every new online service, cloud system and remote meeting adds something that must be protected.',
    'Updates. Keep computers, servers and network equipment on supported, updated software.',
    { topics: ['cybersecurity'] },
  ),
  doc(
    SHARED,
    'opportunity',
    'Opportunity: Shared digital services and partnerships',
    'Small municipalities can get services they could never afford alone by sharing systems, staff and offices with neighbours or their county.',
    'Charlton and Dack and Chamberlain share an office, equipment and a server.',
  ),
];
const pack = [
  doc(
    PACK,
    'case-study',
    'Rural internet survey',
    'A county asked residents about their broadband and cellular coverage.',
    'Most households said their internet was too slow for video calls.',
  ),
];
const french = [
  doc(
    BROADBAND,
    'recommendation',
    'Recommandation 5 : faire de la large bande et du service cellulaire une priorité',
    "Dans sa cinquième recommandation à la Province, l'AMO demande d'améliorer en priorité la large bande et le service cellulaire, pour que tous les gouvernements municipaux et leurs collectivités aient accès à un Internet haut débit fiable.",
    'Cette page cite la recommandation en entier (en anglais, avec une traduction non officielle).',
    { topics: ['broadband'] },
  ),
  doc(
    CYBER,
    'opportunity',
    'Possibilité : se préparer en cybersécurité',
    'Chaque nouveau service en ligne, système infonuagique ou réunion à distance ajoute quelque chose à protéger.',
    "Mises à jour. Gardez les ordinateurs, les serveurs et l'équipement réseau sur des logiciels pris en charge et à jour.",
    { topics: ['cybersecurity'] },
  ),
  // A French version whose body is the English one (`bodyFrom: en`): its body is not French.
  doc(
    SHARED,
    'opportunity',
    'Possibilité : services numériques partagés et partenariats',
    "Les petites municipalités peuvent obtenir des services qu'elles n'auraient jamais les moyens d'offrir seules en partageant des systèmes, du personnel et des bureaux avec leurs voisines ou leur comté.",
    'Charlton and Dack and Chamberlain share an office, equipment and a server.',
    { bodyLang: 'en' },
  ),
];

function source(fragments: SegmentFragments) {
  return (kind: keyof SegmentFragments) => Promise.resolve(fragments[kind].slice());
}

async function openSearch(): Promise<{ fr: LanguageSearch; en: LanguageSearch }> {
  const frenchEngine = await SearchEngine.open([
    source(buildSegment(french, frenchVocabulary, 'fr')),
  ]);
  const englishEngine = await SearchEngine.open([
    source(buildSegment(english, vocabulary)),
    source(buildSegment(pack, vocabulary)),
  ]);
  return {
    fr: new LanguageSearch([
      { lang: 'fr', engine: frenchEngine },
      { lang: 'en', engine: englishEngine },
    ]),
    en: new LanguageSearch([{ lang: 'en', engine: englishEngine }]),
  };
}

async function found(search: LanguageSearch, query: string): Promise<Array<[string, Language]>> {
  const outcome = await search.searchWhenReady(query, { complete: true });
  expect(outcome.failure).toBeNull();
  return outcome.hits.map((hit) => [hit.id, hit.lang]);
}

describe('search in French over a French and an English segment', () => {
  it('records the French analyzer in the French segment, and refuses to mix it with English', () => {
    const frenchSegment = new Segment(buildSegment(french, frenchVocabulary, 'fr').core);
    const englishSegment = new Segment(buildSegment(english, vocabulary).core);
    expect(frenchSegment.analyzer).toBe('fr');
    expect(englishSegment.analyzer).toBe('en');
    expect(() => new SearchEngine([frenchSegment, englishSegment])).toThrow(/different analyzers/);
    expect(new SearchEngine([frenchSegment]).analyzer.id).toBe('fr');
  });

  it('finds the broadband recommendation for "large bande" and "haut débit", in French', async () => {
    const { fr } = await openSearch();
    expect((await found(fr, 'large bande'))[0]).toEqual([BROADBAND, 'fr']);
    expect((await found(fr, 'haut débit'))[0]).toEqual([BROADBAND, 'fr']);
    expect((await found(fr, 'haut debit'))[0]).toEqual([BROADBAND, 'fr']);
    expect((await found(fr, '"large bande"'))[0]).toEqual([BROADBAND, 'fr']);
  });

  it('finds "équipement" for "equipement" typed without the accent, and "municipaux" for "municipales"', async () => {
    const { fr } = await openSearch();
    expect(await found(fr, 'equipement')).toContainEqual([CYBER, 'fr']);
    expect(await found(fr, "l'équipement")).toContainEqual([CYBER, 'fr']);
    expect(await found(fr, 'municipales')).toContainEqual([BROADBAND, 'fr']);
    // Stemmed without its accent, "municipalites" is not "municipalités" ("municipalit" against
    // "municipal"): the word as written finds it, as an exact match.
    const outcome = await fr.searchWhenReady('municipalites', { complete: true });
    expect(outcome.hits).toContainEqual({
      id: SHARED,
      lang: 'fr',
      score: expect.any(Number) as number,
      viaTypo: false,
    });
  });

  it('prefers French documents, then adds what only the English text matched, each id once', async () => {
    const { fr } = await openSearch();
    // "broadband": the French texts never say it; the English library and the pack do.
    const broadband = await found(fr, 'broadband');
    expect(broadband).toEqual(
      expect.arrayContaining([
        [BROADBAND, 'en'],
        [PACK, 'en'],
      ]),
    );
    // "cellulaire" / "cellular": French first, then the pack that only English matched.
    expect(await found(fr, 'service cellulaire')).toEqual([[BROADBAND, 'fr']]);
    // "equipment": the shared-services body is English only (bodyLang: en), so its hit is English.
    const equipment = await found(fr, 'equipment');
    expect(equipment).toContainEqual([SHARED, 'en']);
    expect(equipment).toContainEqual([CYBER, 'en']);
    // A document found in both languages comes once, as its French hit, before English-only ones.
    const server = await found(fr, 'serveurs');
    expect(server[0]).toEqual([CYBER, 'fr']);
    const servers = await found(fr, 'servers');
    const ids = servers.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the French hits first, then the documents only the English text matched', async () => {
    const { fr } = await openSearch();
    // "internet" is written so in both languages: the recommendation is found in French and in
    // English (once, as French), the pack, which has no French version, in English.
    expect(await found(fr, 'internet')).toEqual([
      [BROADBAND, 'fr'],
      [PACK, 'en'],
    ]);
    // "service" is in every French text: all three French, none repeated from English.
    const hits = await found(fr, 'service');
    expect(hits.every(([, lang]) => lang === 'fr')).toBe(true);
    expect(hits.map(([id]) => id).sort()).toEqual([SHARED, BROADBAND, CYBER].sort());
  });

  it('marks matches in the text that matched, with that text’s analyzer', async () => {
    const { fr } = await openSearch();
    const outcome = await fr.searchWhenReady("l'equipement", { complete: true });
    const analyzer = ANALYZERS.fr;
    const texts = searchFields(french[1] as SearchableDocument, frenchVocabulary);
    const positions = matchPositions(texts, outcome.terms.fr ?? new Set(), analyzer);
    const [start, length] = positions.body?.[0] ?? [0, 0];
    expect(texts.body.slice(start, start + length)).toBe('équipement');
  });

  it('corrects typos in French and finds a word being typed from how it is written', async () => {
    const { fr } = await openSearch();
    expect((await found(fr, 'cybersécurté'))[0]).toEqual([CYBER, 'fr']);
    // "infonuag" (being typed) stems nowhere near "infonuagique"'s stem: the written word finds it.
    const typing = await fr.searchWhenReady('infonuag');
    expect(typing.hits.map((hit) => [hit.id, hit.lang])).toEqual([[CYBER, 'fr']]);
  });

  it('leaves English search as it was: English documents and packs only', async () => {
    const { en } = await openSearch();
    expect(await found(en, 'broadband')).toEqual(
      expect.arrayContaining([
        [BROADBAND, 'en'],
        [PACK, 'en'],
      ]),
    );
    expect(await found(en, 'large bande')).toEqual([]);
  });

  it("gives one engine's hits in its own order (exact, then typo-only), each tagged, its terms as they are", async () => {
    const { en } = await openSearch();
    const engine = en.engines[0]?.engine;
    for (const query of ['broadband', 'brodband', 'internet survey', 'cellular -pack']) {
      const expected = engine?.search(query, { complete: true });
      const outcome = en.search(query, { complete: true });
      expect(outcome.hits).toEqual(expected?.hits.map((hit) => ({ ...hit, lang: 'en' })));
      expect(outcome.terms).toEqual({ en: expected?.terms });
      expect(outcome.query).toEqual(expected?.query);
    }
  });
});
