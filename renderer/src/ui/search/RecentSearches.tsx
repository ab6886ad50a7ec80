import { useTranslation } from 'react-i18next';
import { emptyFilters } from '../../core/library/filters';
import { searchHash } from '../library/libraryUrl';
import { useRecentSearches } from './useRecentSearches';

/** The user's recent searches as links, with a button to forget them. Hidden when empty. */
export function RecentSearches() {
  const { t } = useTranslation('search');
  const { searches, store } = useRecentSearches();
  if (searches.length === 0) return null;
  return (
    <section aria-labelledby="recent-searches-heading" className="recent-searches">
      <h2 id="recent-searches-heading" className="search-empty__heading">
        {t('recent.heading')}
      </h2>
      <ul className="recent-searches__list">
        {searches.map((query) => (
          <li key={query}>
            <a href={searchHash({ query, filters: emptyFilters(), sort: 'relevance' })}>{query}</a>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--secondary recent-searches__clear"
        onClick={() => void store.clear()}
      >
        {t('recent.clear')}
      </button>
    </section>
  );
}
