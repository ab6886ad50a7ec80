import { isPackId } from '../../../../electron/shared/packRules';
import { packIdOf } from '../content/ids';
import type { CatalogEntry } from '../content/model';
import { currentRegionId } from '../content/regionRenames';
import { DOC_TYPES, POPULATION_BANDS, type DocType, type PopulationBand } from '../content/types';
import { OWN_DOCUMENTS_PACK_ID } from '../packs/packStorage';
import { MAX_QUERY_CHARS } from '../search/parseQuery';

/** The library's filter dimensions. Values within one dimension are alternatives (OR). */
export interface LibraryFilters {
  type: DocType[];
  topic: string[];
  region: string[];
  tier: string[];
  band: PopulationBand[];
  /** Where documents come from: {@link BUNDLED_SOURCE}, a content pack's id, or `own`. */
  source: string[];
}

export type FacetName = keyof LibraryFilters;

/** Dimensions in the order the filter panel shows them. */
export const FACET_NAMES: readonly FacetName[] = [
  'type',
  'topic',
  'region',
  'tier',
  'band',
  'source',
];

/**
 * The source value of the bundled library's documents. Any other source is a collection id (a
 * content pack's id, or `own` for the user's own documents), and pack ids are lowercase words and
 * hyphens only, so the leading underscore keeps this from ever naming a pack.
 */
export const BUNDLED_SOURCE = '_bundled';

/** Where a document comes from, read from its id (`<packId>--<docId>` for a collection's). */
export function sourceOfId(id: string): string {
  return packIdOf(id) ?? BUNDLED_SOURCE;
}

export const SORT_ORDERS = ['relevance', 'title', 'population', 'updated'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Everything the library shows, as it is kept in the URL. */
export interface LibraryState {
  query: string;
  filters: LibraryFilters;
  sort: SortOrder;
}

export function emptyFilters(): LibraryFilters {
  return { type: [], topic: [], region: [], tier: [], band: [], source: [] };
}

/** The values a document has in one dimension (topics can be several; others one or none). */
export function facetValues(entry: CatalogEntry, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'type':
      return [entry.type];
    case 'topic':
      return entry.topics;
    case 'region':
      return entry.municipality ? [entry.municipality.region] : [];
    case 'tier':
      return entry.municipality ? [entry.municipality.tier] : [];
    case 'band':
      return entry.populationBand ? [entry.populationBand] : [];
    case 'source':
      return [sourceOfId(entry.id)];
  }
}

/** True when the entry passes every dimension, optionally ignoring one (for facet counts). */
export function matchesFilters(
  entry: CatalogEntry,
  filters: LibraryFilters,
  ignore?: FacetName,
): boolean {
  return FACET_NAMES.every((facet) => {
    const wanted: readonly string[] = filters[facet];
    if (facet === ignore || wanted.length === 0) return true;
    return facetValues(entry, facet).some((value) => wanted.includes(value));
  });
}

/**
 * Counts per value of every dimension, each computed with the other dimensions applied but not
 * its own, so a count says how many documents the list would show after ticking that value too.
 */
export function facetCounts(
  entries: readonly CatalogEntry[],
  filters: LibraryFilters,
): Record<FacetName, Map<string, number>> {
  const counts = {} as Record<FacetName, Map<string, number>>;
  for (const facet of FACET_NAMES) {
    const map = new Map<string, number>();
    for (const entry of entries) {
      if (!matchesFilters(entry, filters, facet)) continue;
      for (const value of facetValues(entry, facet)) map.set(value, (map.get(value) ?? 0) + 1);
    }
    counts[facet] = map;
  }
  return counts;
}

/**
 * Orders entries. `relevance` keeps the given order (search ranking, or the library's natural
 * order when there is no query); population puts unknown populations last. Titles are compared
 * with `compareText`, which sorts as the interface language does (the UI passes its own).
 */
export function sortEntries(
  entries: readonly CatalogEntry[],
  sort: SortOrder,
  compareText: (a: string, b: string) => number,
): CatalogEntry[] {
  const list = [...entries];
  switch (sort) {
    case 'relevance':
      return list;
    case 'title':
      return list.sort((a, b) => compareText(a.title, b.title));
    case 'population':
      return list.sort(
        (a, b) =>
          (b.municipality?.population ?? -1) - (a.municipality?.population ?? -1) ||
          compareText(a.title, b.title),
      );
    case 'updated':
      return list.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  }
}

/**
 * Reads library state from a URL query string (`type=case-study&region=north&q=permits`). A region
 * id that was renamed since the address was written reads as its new id (`region=gta` is the
 * Golden Horseshoe), so bookmarks and links in old reports keep their filter.
 */
export function parseLibraryState(search: string): LibraryState {
  const params = new URLSearchParams(search);
  const list = (name: string) =>
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .filter((value) => /^[a-z0-9-]{1,40}$/.test(value));
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_CHARS),
    filters: {
      type: list('type').filter((v): v is DocType => (DOC_TYPES as readonly string[]).includes(v)),
      topic: list('topic'),
      region: [...new Set(list('region').map(currentRegionId))],
      tier: list('tier'),
      band: list('band').filter((v): v is PopulationBand =>
        (POPULATION_BANDS as readonly string[]).includes(v),
      ),
      source: sourceList(params.getAll('source')),
    },
    sort: (SORT_ORDERS as readonly string[]).includes(sort ?? '')
      ? (sort as SortOrder)
      : 'relevance',
  };
}

/**
 * Source values from the URL: the bundled library's, own documents', or a pack id (which may be
 * longer than the other dimensions' values). Whether such a pack is installed is for the page to
 * know; an unknown one matches no document.
 */
function sourceList(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(','));
  const known = (id: string) =>
    id === BUNDLED_SOURCE || id === OWN_DOCUMENTS_PACK_ID || isPackId(id);
  return [...new Set(ids.filter(known))];
}

/** Writes library state as a query string; empty parts are left out so URLs stay short. */
export function formatLibraryState(state: LibraryState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set('q', state.query);
  for (const facet of FACET_NAMES) {
    const values = state.filters[facet];
    if (values.length > 0) params.set(facet, [...values].sort().join(','));
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}
