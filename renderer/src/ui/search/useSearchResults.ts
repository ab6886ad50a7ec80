import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CatalogEntry } from '../../core/content/model';
import {
  facetCounts,
  matchesFilters,
  type FacetName,
  type LibraryFilters,
} from '../../core/library/filters';
import type {
  LanguageHit,
  LanguageOutcome,
  LanguageSearch,
} from '../../core/search/languageSearch';
import { wordError } from '../common/i18n/wordMessage';

/** A search hit (with the language of the text that matched) and its catalog entry. */
export interface ResultRow {
  hit: LanguageHit;
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
  /** The index terms the hits matched in each language's text, for marking them in snippets. */
  terms: LanguageOutcome['terms'];
  /** True while a part of the index this query needs is still loading. */
  preparing: boolean;
  /** Why the search could not run (then there are no rows); null when it ran. */
  failure: string | null;
}

const noSubscription = () => () => undefined;

/**
 * Runs the query and applies the filters; memoized, so re-renders cost nothing. When the query
 * needs a part of the index not loaded yet (positions for a phrase, the word list for typos),
 * loads it and runs again when it arrives.
 */
export function useSearchResults(
  engine: LanguageSearch | null,
  catalogById: ReadonlyMap<string, CatalogEntry>,
  query: string,
  filters: LibraryFilters,
): SearchResults | null {
  const subscribe = useCallback(
    (listener: () => void) => engine?.subscribe(listener) ?? noSubscription(),
    [engine],
  );
  const version = useSyncExternalStore(subscribe, () => engine?.version ?? 0);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const outcome: LanguageOutcome | null = useMemo(
    () => (engine && query.trim() !== '' && version >= 0 ? engine.search(query) : null),
    [engine, query, version],
  );

  useEffect(() => {
    if (!engine || !outcome || outcome.pending.length === 0) return;
    let live = true;
    engine.load(outcome.pending).then(
      () => live && setLoadFailure(null),
      (error: unknown) => live && setLoadFailure(wordError(error)),
    );
    return () => {
      live = false;
    };
  }, [engine, outcome]);

  return useMemo(() => {
    if (!outcome) return null;
    const rows = outcome.hits.flatMap((hit) => {
      const entry = catalogById.get(hit.id);
      return entry ? [{ hit, entry }] : [];
    });
    const entries = rows.map((row) => row.entry);
    const pending = outcome.pending.length > 0;
    return {
      total: rows.length,
      rows: rows.filter((row) => matchesFilters(row.entry, filters)),
      counts: facetCounts(entries, filters),
      allViaTypo: rows.length > 0 && rows.every((row) => row.hit.viaTypo),
      terms: outcome.terms,
      preparing: pending && loadFailure === null,
      failure: outcome.failure?.message ?? (pending ? loadFailure : null),
    };
  }, [outcome, catalogById, filters, loadFailure]);
}
