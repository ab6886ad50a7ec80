import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../../core/content/vocabulary';
import { matchPositions } from '../../core/search/highlight';
import { routeHref } from '../../core/routing/hashRoutes';
import { pickSnippet } from '../../core/search/pickSnippet';
import { typeLabel } from '../content/contentLabels';
import { onResultsKeyDown, RESULT_LINK_CLASS } from './resultsKeyboard';
import type { ResultRow } from './useSearchResults';
import type { FieldTexts } from './useSearchTexts';

export interface SearchResultListProps {
  rows: readonly ResultRow[];
  /** Indexed field texts; snippets wait for them (they arrive with the documents). */
  texts: FieldTexts | null;
  /** The index terms the search matched: their words are marked in the snippets. */
  terms: ReadonlySet<string>;
  vocabulary: Vocabulary;
  /** Called when a result is opened, to remember the search. */
  onOpen: () => void;
}

/**
 * The results: an ordered list labelled "Search results"; each item starts with a link named by
 * the document's title, then its type (and municipality), then a snippet whose matched words are
 * `<mark>` elements built from plain text parts (never HTML).
 */
export function SearchResultList({
  rows,
  texts,
  terms,
  vocabulary,
  onOpen,
}: SearchResultListProps) {
  const { t } = useTranslation('search');
  return (
    // Arrow keys move between the result links inside; the list itself is not a widget.
    <ol aria-label={t('results')} className="search-results" onKeyDown={onResultsKeyDown}>
      {rows.map(({ hit, entry }) => {
        const fieldTexts = texts?.get(hit.id);
        const parts = fieldTexts
          ? pickSnippet(fieldTexts, matchPositions(fieldTexts, terms))
          : null;
        return (
          <li key={hit.id} className="search-result">
            <a href={routeHref('doc', hit.id)} className={RESULT_LINK_CLASS} onClick={onOpen}>
              {entry.title}
            </a>
            <p className="search-result__meta">
              {typeLabel(entry.type, 'one')}
              {entry.municipality && (
                <>
                  {' · '}
                  {entry.municipality.name}
                  {' · '}
                  {vocabulary.regions[entry.municipality.region] ?? entry.municipality.region}
                </>
              )}
            </p>
            <p className="search-result__snippet">
              {parts
                ? parts.map((part, i) =>
                    part.marked ? (
                      <mark key={i}>{part.text}</mark>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )
                : entry.summary}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
