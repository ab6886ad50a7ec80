import { useDeferredValue, useEffect, useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../core/content/model';
import {
  emptyFilters,
  FACET_NAMES,
  parseLibraryState,
  type LibraryFilters,
} from '../../core/library/filters';
import type { CollectionInfo } from '../content/contentData';
import { useCatalog, useSearchEngine } from '../content/useContent';
import { FacetFilters } from '../library/FacetFilters';
import { collectionsIn } from '../library/facetOptions';
import { goToHash, searchHash } from '../library/libraryUrl';
import { formatNumber } from '../common/i18n/format';
import { t as translate } from '../common/i18n/i18n';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { RecentSearches } from './RecentSearches';
import { restoreSearchFieldFocus } from './searchFieldFocus';
import { SearchResultList } from './SearchResultList';
import { NoResults, PopularTopics } from './SearchSuggestions';
import { useRecentSearches } from './useRecentSearches';
import { useSearchResults, type SearchResults } from './useSearchResults';
import { useSearchTexts } from './useSearchTexts';
import '../library/library.css';
import './search.css';

const NO_ENTRIES: readonly CatalogEntry[] = [];
const NO_COLLECTIONS: readonly CollectionInfo[] = [];

/**
 * Search results for the query in the URL (`#/search?q=permits&type=case-study`). The query is
 * typed in the header's field (the only search field); this page renders at low priority
 * (`useDeferredValue`) so a long result list never delays a keystroke.
 */
export function SearchPage() {
  const { t } = useTranslation('search');
  const route = useHashRoute();
  const urlQuery = route.kind === 'page' ? route.query : '';
  const state = useMemo(() => parseLibraryState(urlQuery), [urlQuery]);
  const query = useDeferredValue(state.query);
  const filters = useDeferredValue(state.filters);

  const catalog = useCatalog();
  const engine = useSearchEngine();
  const { store: recent } = useRecentSearches();
  const ready = catalog.status === 'ready' ? catalog.value : null;
  const entries = ready?.entries ?? NO_ENTRIES;
  const collections = ready?.collections ?? NO_COLLECTIONS;
  const sources = useMemo(() => collectionsIn(entries, collections), [entries, collections]);
  const texts = useSearchTexts();
  const catalogById = useMemo(
    () => new Map(entries.map((entry) => [entry.id as string, entry])),
    [entries],
  );
  const results = useSearchResults(
    engine.status === 'ready' ? engine.value : null,
    catalogById,
    query,
    filters,
  );

  // Runs after <Page> has focused the h1 on arrival; gives focus back to someone typing.
  useEffect(restoreSearchFieldFocus, []);

  const setFilters = (next: LibraryFilters) =>
    goToHash(searchHash({ query: state.query, filters: next, sort: 'relevance' }), 'push');
  const hasQuery = query.trim() !== '';

  return (
    <Page title={t('title')}>
      <p role="status" className="search-status">
        {statusText(query, engine.status, results, filters)}
      </p>
      {engine.status === 'error' && (
        <p role="alert" className="callout callout--warning">
          {t('prepareFailed', { reason: engine.message })}
        </p>
      )}
      {!hasQuery && ready && (
        <div className="search-intro">
          <p>
            <Trans t={t} i18nKey="intro" components={{ kbd: <kbd />, code: <code /> }} />
          </p>
          <RecentSearches />
          <PopularTopics entries={entries} vocabulary={ready.vocabulary} />
        </div>
      )}
      {results?.failure && (
        <p role="alert" className="callout callout--warning">
          {t('runFailed', { reason: results.failure })}
        </p>
      )}
      {hasQuery &&
        ready &&
        results &&
        results.total === 0 &&
        !results.failure &&
        !results.preparing &&
        engine.status === 'ready' && (
          <NoResults
            query={query}
            engine={engine.value}
            entries={entries}
            vocabulary={ready.vocabulary}
          />
        )}
      {hasQuery && ready && results && results.total > 0 && (
        <div className="browse">
          <FacetFilters
            counts={results.counts}
            filters={state.filters}
            vocabulary={ready.vocabulary}
            collections={sources}
            onChange={setFilters}
          />
          <div className="browse__results">
            {results.allViaTypo && <p className="search-typo-note">{t('typoNote', { query })}</p>}
            {results.rows.length === 0 ? (
              <p>
                <Trans
                  t={t}
                  i18nKey="noneMatchFilters"
                  values={{ total: formatNumber(results.total) }}
                  components={{
                    a: (
                      <a href={searchHash({ query, filters: emptyFilters(), sort: 'relevance' })} />
                    ),
                  }}
                />
              </p>
            ) : (
              <SearchResultList
                rows={results.rows}
                texts={texts}
                terms={results.terms}
                vocabulary={ready.vocabulary}
                onOpen={() => void recent.add(query)}
              />
            )}
          </div>
        </div>
      )}
    </Page>
  );
}

/** The live region's text: announced to screen readers each time the results change. */
function statusText(
  query: string,
  engineStatus: 'loading' | 'ready' | 'error',
  results: SearchResults | null,
  filters: LibraryFilters,
): string {
  if (query.trim() === '') return '';
  if (engineStatus === 'loading') return translate('search:status.preparing');
  if (!results) return '';
  const trimmed = query.trim();
  if (results.failure) return translate('search:status.failed', { query: trimmed });
  if (results.preparing) return translate('search:status.preparing');
  if (results.total === 0) return translate('search:status.none', { query: trimmed });
  const filtered = FACET_NAMES.some((facet) => filters[facet].length > 0);
  const counts = {
    count: results.total,
    total: formatNumber(results.total),
    query: trimmed,
  };
  return filtered
    ? translate('search:status.foundFiltered', {
        ...counts,
        shown: formatNumber(results.rows.length),
      })
    : translate('search:status.found', counts);
}
