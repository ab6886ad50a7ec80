import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../core/content/model';
import type { Vocabulary } from '../../core/content/vocabulary';
import { emptyFilters } from '../../core/library/filters';
import { ANALYZERS } from '../../core/search/analyzers';
import type { LanguageSearch } from '../../core/search/languageSearch';
import { suggestQueries } from '../../core/search/suggest';
import { formatNumber } from '../common/i18n/format';
import { useInterfaceLanguage } from '../common/i18n/useInterfaceLanguage';
import { popularTopics } from '../library/facetOptions';
import { libraryHash, searchHash } from '../library/libraryUrl';
import { libraryLexicon } from './libraryLexicon';

export interface NoResultsProps {
  query: string;
  /** Used to offer only suggestions that find something. */
  engine: LanguageSearch;
  entries: readonly CatalogEntry[];
  vocabulary: Vocabulary;
}

/** Shown when a search finds nothing: spelling fixes, then the most covered topics. */
export function NoResults({ query, engine, entries, vocabulary }: NoResultsProps) {
  const { t } = useTranslation('search');
  const analyzer = ANALYZERS[useInterfaceLanguage()];
  const suggestions = useMemo(
    () =>
      suggestQueries(query, libraryLexicon(entries, vocabulary, analyzer), 6, analyzer)
        .filter((suggestion) => engine.search(suggestion).hits.length > 0)
        .slice(0, 3),
    [query, engine, entries, vocabulary, analyzer],
  );
  return (
    <div className="search-empty">
      <p>
        <Trans
          t={t}
          i18nKey={suggestions.length === 0 ? 'noResults.nothingTryOther' : 'noResults.nothing'}
          values={{ query }}
          components={{ strong: <strong /> }}
        />
      </p>
      {suggestions.length > 0 && (
        <>
          <h2 className="search-empty__heading">{t('noResults.didYouMean')}</h2>
          <ul className="search-empty__list">
            {suggestions.map((suggestion) => (
              <li key={suggestion}>
                <a
                  href={searchHash({
                    query: suggestion,
                    filters: emptyFilters(),
                    sort: 'relevance',
                  })}
                >
                  {suggestion}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <PopularTopics entries={entries} vocabulary={vocabulary} />
    </div>
  );
}

/** Links to the library filtered by each of the most covered topics. */
export function PopularTopics({
  entries,
  vocabulary,
}: {
  entries: readonly CatalogEntry[];
  vocabulary: Vocabulary;
}) {
  const { t } = useTranslation('search');
  const topics = useMemo(() => popularTopics(entries, vocabulary, 8), [entries, vocabulary]);
  return (
    <>
      <h2 className="search-empty__heading">{t('noResults.popularTopics')}</h2>
      <ul className="topic-links">
        {topics.map((topic) => (
          <li key={topic.value}>
            <a
              href={libraryHash({
                filters: { ...emptyFilters(), topic: [topic.value] },
                sort: 'relevance',
              })}
            >
              {topic.label}{' '}
              <span className="topic-links__count">({formatNumber(topic.count)})</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
