import { describe, expect, it } from 'vitest';
import { isLibraryDocId, type DocId } from '../../../renderer/src/core/content/ids';
import type { CatalogEntry } from '../../../renderer/src/core/content/model';
import {
  BUNDLED_SOURCE,
  emptyFilters,
  facetCounts,
  formatLibraryState,
  matchesFilters,
  parseLibraryState,
  sortEntries,
} from '../../../renderer/src/core/library/filters';

type EntryInput = Omit<Partial<CatalogEntry>, 'id'> & { id: string; type: CatalogEntry['type'] };
const libraryDocId = (id: string): DocId => {
  if (!isLibraryDocId(id)) throw new Error(`not a library document id: ${id}`);
  return id;
};
const entry = (partial: EntryInput): CatalogEntry => ({
  title: partial.id,
  summary: '',
  topics: [],
  updated: '2026-01-01',
  ...partial,
  id: libraryDocId(partial.id),
});

const entries: CatalogEntry[] = [
  entry({
    id: 'case-a',
    type: 'case-study',
    topics: ['e-permitting', 'shared-services'],
    municipality: {
      name: 'A',
      tier: 'lower-tier',
      region: 'south-west',
      population: 17262,
      smallRuralNorthern: true,
    },
    populationBand: '5k-25k',
  }),
  entry({
    id: 'case-b',
    type: 'case-study',
    topics: ['broadband'],
    municipality: { name: 'B', tier: 'partnership', region: 'north', smallRuralNorthern: true },
    populationBand: 'unknown',
    updated: '2026-05-01',
  }),
  entry({
    id: 'case-c',
    type: 'case-study',
    topics: ['e-permitting'],
    municipality: {
      name: 'C',
      tier: 'single-tier',
      region: 'golden-horseshoe',
      population: 2_800_000,
      smallRuralNorthern: false,
    },
    populationBand: 'over-100k',
  }),
  entry({ id: 'opportunity-x', type: 'opportunity', topics: ['e-permitting'] }),
];

describe('library filters', () => {
  it('combine across dimensions (AND) and within one (OR)', () => {
    const filters = {
      ...emptyFilters(),
      topic: ['e-permitting'],
      region: ['south-west', 'golden-horseshoe'],
    };
    expect(entries.filter((e) => matchesFilters(e, filters)).map((e) => e.id)).toEqual([
      'case-a',
      'case-c',
    ]);
  });

  it('count each dimension with the others applied', () => {
    const counts = facetCounts(entries, { ...emptyFilters(), topic: ['e-permitting'] });
    expect(Object.fromEntries(counts.type)).toEqual({ 'case-study': 2, opportunity: 1 });
    // The topic counts ignore the topic filter itself, so other topics still show what they add.
    expect(counts.topic.get('broadband')).toBe(1);
    expect(Object.fromEntries(counts.band)).toEqual({ '5k-25k': 1, 'over-100k': 1 });
  });

  it('read a document’s source from its id: the bundled library, a pack, or own documents', () => {
    const mixed = [
      ...entries,
      entry({ id: 'testville-notes--case-t', type: 'case-study', topics: ['e-permitting'] }),
      entry({ id: 'own--minutes', type: 'local-document', topics: ['e-permitting'] }),
    ];
    const counts = facetCounts(mixed, { ...emptyFilters(), type: ['case-study'] });
    expect(Object.fromEntries(counts.source)).toEqual({
      [BUNDLED_SOURCE]: 3,
      'testville-notes': 1,
    });
    const filters = {
      ...emptyFilters(),
      topic: ['e-permitting'],
      source: ['testville-notes', 'own'],
    };
    expect(mixed.filter((e) => matchesFilters(e, filters)).map((e) => e.id)).toEqual([
      'testville-notes--case-t',
      'own--minutes',
    ]);
    expect(
      mixed.filter((e) => matchesFilters(e, { ...emptyFilters(), source: [BUNDLED_SOURCE] })),
    ).toEqual(entries);
  });

  it.each([
    ['title', ['case-a', 'case-b', 'case-c', 'opportunity-x']],
    ['population', ['case-c', 'case-a', 'case-b', 'opportunity-x']],
    ['updated', ['case-b', 'case-a', 'case-c', 'opportunity-x']],
    ['relevance', ['case-a', 'case-b', 'case-c', 'opportunity-x']],
  ] as const)('sort by %s', (sort, expected) => {
    const compareText = (a: string, b: string) => a.localeCompare(b, 'en-CA');
    expect(sortEntries(entries, sort, compareText).map((e) => e.id)).toEqual(expected);
  });
});

describe('library state in the URL', () => {
  it('round-trips', () => {
    const state = {
      query: 'permits middlesex',
      filters: { ...emptyFilters(), type: ['case-study' as const], region: ['north', 'east'] },
      sort: 'population' as const,
    };
    const text = formatLibraryState(state);
    expect(text).toBe('q=permits+middlesex&type=case-study&region=east%2Cnorth&sort=population');
    expect(parseLibraryState(text)).toEqual({
      ...state,
      filters: { ...state.filters, region: ['east', 'north'] },
    });
  });

  it('reads an address written before a region was renamed as the region it is now', () => {
    // `gta` became `golden-horseshoe`; a bookmark or a link in an old report still filters.
    const old = parseLibraryState('type=case-study&region=gta,north');
    expect(old.filters.region).toEqual(['golden-horseshoe', 'north']);
    expect(entries.filter((e) => matchesFilters(e, old.filters)).map((e) => e.id)).toEqual([
      'case-b',
      'case-c',
    ]);
    // Old and new id together are one filter, and the address is written back with the new id.
    const both = parseLibraryState('region=gta&region=golden-horseshoe');
    expect(both.filters.region).toEqual(['golden-horseshoe']);
    expect(formatLibraryState(both)).toBe('region=golden-horseshoe');
  });

  it('keeps the source: the bundled library, own documents and pack ids of any allowed length', () => {
    const longId = `pack-${'a'.repeat(59)}`;
    const text = formatLibraryState({
      query: '',
      filters: { ...emptyFilters(), source: ['testville-notes', BUNDLED_SOURCE, 'own', longId] },
      sort: 'relevance',
    });
    expect(text).toBe(
      `source=${encodeURIComponent(['_bundled', 'own', longId, 'testville-notes'].join(','))}`,
    );
    expect(parseLibraryState(text).filters.source).toEqual([
      BUNDLED_SOURCE,
      'own',
      longId,
      'testville-notes',
    ]);
    // Not pack ids: too long, a double hyphen (that is a document id), another shape.
    expect(
      parseLibraryState(`source=${longId}a,a--b,Pack,_other,own&source=own`).filters.source,
    ).toEqual(['own']);
  });

  it('drops unknown or hostile values', () => {
    const state = parseLibraryState('type=case-study,nope&band=huge&region=<script>&sort=evil');
    expect(state.filters.type).toEqual(['case-study']);
    expect(state.filters.band).toEqual([]);
    expect(state.filters.region).toEqual([]);
    expect(state.sort).toBe('relevance');
  });
});
