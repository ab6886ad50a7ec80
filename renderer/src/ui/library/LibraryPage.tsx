import { useMemo } from 'react';
import type { CatalogEntry } from '../../core/content/model';
import { DOC_TYPES, TYPE_LABELS, type DocType } from '../../core/content/types';
import {
  emptyFilters,
  facetCounts,
  matchesFilters,
  parseLibraryState,
  sortEntries,
  type LibraryFilters,
  type LibraryState,
  type SortOrder,
} from '../../core/library/filters';
import { useCatalog } from '../content/useContent';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { DocCard } from './DocCard';
import { FacetFilters } from './FacetFilters';
import { goToHash, libraryHash } from './libraryUrl';
import { SortSelect } from './SortSelect';
import './library.css';

/**
 * The library: every document, grouped by type, with filters and a sort order. Everything shown
 * is in the URL (`#/library?topic=broadband&band=under-5k&sort=title`), so Back, Forward, reload
 * and shared links all restore it. Needs only the small catalog, never the search index.
 */
export function LibraryPage() {
  const route = useHashRoute();
  const query = route.kind === 'page' ? route.query : '';
  const state = useMemo(() => parseLibraryState(query), [query]);
  const catalog = useCatalog();

  return (
    <Page title="Library">
      <p className="library__intro">
        The #OnMuni Online report, its recommendations, key issues and opportunities, a how-to
        guide, Ontario case studies and a glossary. Filter by topic, region or town size.
      </p>
      {catalog.status === 'loading' && <p role="status">Loading the library…</p>}
      {catalog.status === 'error' && (
        <p role="alert" className="callout callout--warning">
          The library could not be loaded: {catalog.message}
        </p>
      )}
      {catalog.status === 'ready' && (
        <LibraryBody
          entries={catalog.value.entries}
          vocabulary={catalog.value.vocabulary}
          state={state}
        />
      )}
    </Page>
  );
}

interface LibraryBodyProps {
  entries: readonly CatalogEntry[];
  vocabulary: Parameters<typeof DocCard>[0]['vocabulary'];
  state: LibraryState;
}

function LibraryBody({ entries, vocabulary, state }: LibraryBodyProps) {
  const counts = useMemo(() => facetCounts(entries, state.filters), [entries, state.filters]);
  const groups = useMemo(() => {
    const shown = sortEntries(
      entries.filter((entry) => matchesFilters(entry, state.filters)),
      state.sort,
    );
    return DOC_TYPES.map((type) => ({ type, items: shown.filter((e) => e.type === type) })).filter(
      (group) => group.items.length > 0,
    );
  }, [entries, state.filters, state.sort]);
  const shownCount = groups.reduce((sum, group) => sum + group.items.length, 0);

  const setFilters = (filters: LibraryFilters) =>
    goToHash(libraryHash({ filters, sort: state.sort }), 'push');
  const setSort = (sort: SortOrder) =>
    goToHash(libraryHash({ filters: state.filters, sort }), 'push');

  return (
    <div className="browse">
      <FacetFilters
        counts={counts}
        filters={state.filters}
        vocabulary={vocabulary}
        onChange={setFilters}
      />
      <div className="browse__results">
        <div className="browse__toolbar">
          <p role="status" className="browse__count">
            {shownCount === entries.length
              ? `${shownCount} documents`
              : `${shownCount} of ${entries.length} documents match the filters`}
          </p>
          <SortSelect value={state.sort} onChange={setSort} />
        </div>
        {shownCount === 0 && (
          <p>
            No documents match all of these filters. Untick one, or{' '}
            <a href={libraryHash({ filters: emptyFilters(), sort: state.sort })}>
              show the whole library
            </a>
            .
          </p>
        )}
        {groups.map((group) => (
          <TypeSection
            key={group.type}
            type={group.type}
            items={group.items}
            vocabulary={vocabulary}
          />
        ))}
      </div>
    </div>
  );
}

interface TypeSectionProps {
  type: DocType;
  items: readonly CatalogEntry[];
  vocabulary: LibraryBodyProps['vocabulary'];
}

/** One type's documents under its heading; the how-to guide is an ordered, numbered path. */
function TypeSection({ type, items, vocabulary }: TypeSectionProps) {
  const headingId = `library-${type}`;
  const isGuide = type === 'guide-step';
  // The guide is a path: its steps keep their order whatever the chosen sort.
  const list = isGuide ? [...items].sort((a, b) => (a.step ?? 0) - (b.step ?? 0)) : items;
  const cards = list.map((entry) => (
    <li key={entry.id} value={isGuide ? entry.step : undefined} className="library-list__item">
      <DocCard entry={entry} vocabulary={vocabulary} />
    </li>
  ));
  return (
    <section aria-labelledby={headingId} className="library-section">
      <h2 id={headingId} className="library-section__title">
        {TYPE_LABELS[type].many} <span className="library-section__count">({items.length})</span>
      </h2>
      {isGuide ? (
        <ol className="library-list guide-path" aria-label="How-to guide steps, in order">
          {cards}
        </ol>
      ) : (
        <ul className="library-list">{cards}</ul>
      )}
    </section>
  );
}
