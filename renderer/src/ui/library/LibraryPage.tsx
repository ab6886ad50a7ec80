import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { DOC_TYPES, type DocType } from '../../core/content/types';
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
import { routeHref } from '../../core/routing/hashRoutes';
import type { CollectionInfo, LibraryCatalog } from '../content/contentData';
import { typeLabel } from '../content/contentLabels';
import { useCatalog } from '../content/useContent';
import { compareText, formatNumber } from '../common/i18n/format';
import { Page } from '../common/Page';
import { useHashRoute } from '../common/routing/useHashRoute';
import { DocCard } from './DocCard';
import { isOwnDocument, packOf } from './documentSource';
import { FacetFilters } from './FacetFilters';
import { collectionsIn } from './facetOptions';
import { goToHash, libraryHash } from './libraryUrl';
import { SortSelect } from './SortSelect';
import { YourDocuments } from '../ownDocuments/YourDocuments';
import './library.css';

/**
 * The library: every document, grouped by type, with filters and a sort order. Everything shown
 * is in the URL (`#/library?topic=broadband&band=under-5k&sort=title`), so Back, Forward, reload
 * and shared links all restore it. Needs only the small catalog, never the search index.
 *
 * Installed content packs' documents are listed with the bundled ones, each card naming its pack;
 * the user's own documents have their own section, "Your documents", above the library.
 */
export function LibraryPage() {
  const route = useHashRoute();
  const query = route.kind === 'page' ? route.query : '';
  const state = useMemo(() => parseLibraryState(query), [query]);
  const catalog = useCatalog();
  const { t } = useTranslation('library');

  return (
    <Page title={t('title')}>
      <p className="library__intro">{t('intro')}</p>
      <p className="library__links">
        <a href={routeHref('packs')}>{t('packsLink')}</a>
      </p>
      {catalog.status === 'loading' && <p role="status">{t('loading')}</p>}
      {catalog.status === 'error' && (
        <p role="alert" className="callout callout--warning">
          {t('loadFailed', { reason: catalog.message })}
        </p>
      )}
      {catalog.status === 'ready' && <LibraryContents catalog={catalog.value} state={state} />}
    </Page>
  );
}

/**
 * The user's own documents in their section (listed, written and exported there, from their
 * store); the bundled library and packs browsed below.
 */
function LibraryContents({ catalog, state }: { catalog: LibraryCatalog; state: LibraryState }) {
  const library = useMemo(
    () => catalog.entries.filter((entry) => !isOwnDocument(entry.id)),
    [catalog.entries],
  );
  return (
    <>
      <YourDocuments />
      <LibraryBody
        entries={library}
        vocabulary={catalog.vocabulary}
        collections={catalog.collections}
        state={state}
      />
    </>
  );
}

interface LibraryBodyProps {
  entries: readonly CatalogEntry[];
  vocabulary: Vocabulary;
  collections: readonly CollectionInfo[];
  state: LibraryState;
}

function LibraryBody({ entries, vocabulary, collections, state }: LibraryBodyProps) {
  const { t } = useTranslation('library');
  const counts = useMemo(() => facetCounts(entries, state.filters), [entries, state.filters]);
  const sources = useMemo(() => collectionsIn(entries, collections), [entries, collections]);
  const groups = useMemo(() => {
    const shown = sortEntries(
      entries.filter((entry) => matchesFilters(entry, state.filters)),
      state.sort,
      compareText,
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
        collections={sources}
        onChange={setFilters}
      />
      <div className="browse__results">
        <div className="browse__toolbar">
          <p role="status" className="browse__count">
            {shownCount === entries.length
              ? t('count.all', { count: shownCount, shown: formatNumber(shownCount) })
              : t('count.filtered', {
                  count: entries.length,
                  shown: formatNumber(shownCount),
                  total: formatNumber(entries.length),
                })}
          </p>
          <SortSelect value={state.sort} onChange={setSort} />
        </div>
        {shownCount === 0 && (
          <p>
            <Trans
              t={t}
              i18nKey="noMatch"
              components={{
                a: <a href={libraryHash({ filters: emptyFilters(), sort: state.sort })} />,
              }}
            />
          </p>
        )}
        {groups.map((group) => (
          <TypeSection
            key={group.type}
            type={group.type}
            items={group.items}
            vocabulary={vocabulary}
            collections={collections}
          />
        ))}
      </div>
    </div>
  );
}

interface TypeSectionProps {
  type: DocType;
  items: readonly CatalogEntry[];
  vocabulary: Vocabulary;
  collections: readonly CollectionInfo[];
}

/** One type's documents under its heading; the how-to guide is an ordered, numbered path. */
function TypeSection({ type, items, vocabulary, collections }: TypeSectionProps) {
  const { t } = useTranslation('library');
  const headingId = `library-${type}`;
  const isGuide = type === 'guide-step';
  // The guide is a path: its steps keep their order whatever the chosen sort.
  const list = isGuide ? [...items].sort((a, b) => (a.step ?? 0) - (b.step ?? 0)) : items;
  const cards = list.map((entry) => (
    <li key={entry.id} value={isGuide ? entry.step : undefined} className="library-list__item">
      <DocCard entry={entry} vocabulary={vocabulary} pack={packOf(entry.id, collections)} />
    </li>
  ));
  return (
    <section aria-labelledby={headingId} className="library-section">
      <h2 id={headingId} className="library-section__title">
        {typeLabel(type, 'many')}{' '}
        <span className="library-section__count">({formatNumber(items.length)})</span>
      </h2>
      {isGuide ? (
        <ol className="library-list guide-path" aria-label={t('guideSteps')}>
          {cards}
        </ol>
      ) : (
        <ul className="library-list">{cards}</ul>
      )}
    </section>
  );
}
