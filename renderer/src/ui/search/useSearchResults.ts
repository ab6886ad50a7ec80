import { useMemo } from 'react';
import type { CatalogEntry } from '../../core/content/model';
import {
  facetCounts,
  matchesFilters,
  type FacetName,
  type LibraryFilters,
} from '../../core/library/filters';
import type { SearchEngine, SearchHit } from '../../core/search/searchEngine';

/** A search hit with its catalog entry. */
export interface ResultRow {
  hit: SearchHit;
  entry: CatalogEntry;
}

/** What the Search page shows for one query and set of filters. */
export interface SearchResults {
  /** Every hit of the query, before filters. */
  total: number;
  /** The hits that pass the filters, in ranking order. */
  rows: ResultRow[];
  /** Facet counts over the query's hits (each dimension ignoring its own filter). */
  counts: Record<FacetName, Map<string, number>>;
  /** True when every hit came from typo tolerance. */
  allViaTypo: boolean;
  /** Why the search could not run (then there are no rows); null when it ran. */
  failure: string | null;
}

/** Runs the query and applies the filters; memoized, so re-renders cost nothing. */
export function useSearchResults(
  engine: SearchEngine | null,
  catalogById: ReadonlyMap<string, CatalogEntry>,
  query: string,
  filters: LibraryFilters,
): SearchResults | null {
  return useMemo(() => {
    if (!engine || query.trim() === '') return null;
    const outcome = engine.search(query);
    const rows = outcome.hits.flatMap((hit) => {
      const entry = catalogById.get(hit.id);
      return entry ? [{ hit, entry }] : [];
    });
    const entries = rows.map((row) => row.entry);
    return {
      total: rows.length,
      rows: rows.filter((row) => matchesFilters(row.entry, filters)),
      counts: facetCounts(entries, filters),
      allViaTypo: rows.length > 0 && rows.every((row) => row.hit.viaTypo),
      failure: outcome.failure?.message ?? null,
    };
  }, [engine, catalogById, query, filters]);
}
