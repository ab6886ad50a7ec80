import { useTranslation } from 'react-i18next';
import type { Vocabulary } from '../../core/content/vocabulary';
import { ANALYZERS } from '../../core/search/analyzers';
import { matchPositions } from '../../core/search/highlight';
import type { LanguageOutcome } from '../../core/search/languageSearch';
import { routeHref } from '../../core/routing/hashRoutes';
import { pickSnippet } from '../../core/search/pickSnippet';
import type { SnippetPart } from '../../core/search/snippet';
import { typeLabel } from '../content/contentLabels';
import { ContentText, useLangMark } from '../content/ContentText';
import { contentLanguageOf } from '../content/languageOverlay';
import type { SearchTexts } from '../content/searchData';
import { onResultsKeyDown, RESULT_LINK_CLASS } from './resultsKeyboard';
import type { ResultRow } from './useSearchResults';

export interface SearchResultListProps {
  rows: readonly ResultRow[];
  /** Indexed field texts by language; snippets wait for them (they arrive with the documents). */
  texts: SearchTexts | null;
  /** The index terms the search matched in each language: their words are marked in the snippets. */
  terms: LanguageOutcome['terms'];
  vocabulary: Vocabulary;
  /** Called when a result is opened, to remember the search. */
  onOpen: () => void;
}

/**
 * The results: an ordered list labelled "Search results"; each item starts with a link named by
 * the document's title, then its type (and municipality), then a snippet whose matched words are
 * `<mark>` elements built from plain text parts (never HTML). The title is the document's as the
 * library shows it (its French version in French, where it has one); the snippet quotes the text
 * that matched, in its language (English text found from a French query). Either, when not in
 * the interface's language, carries its `lang`, as does English wording quoted in a French
 * snippet (the content's `[text]{lang=en}` spans).
 */
export function SearchResultList({
  rows,
  texts,
  terms,
  vocabulary,
  onOpen,
}: SearchResultListProps) {
  const { t } = useTranslation('search');
  const mark = useLangMark();
  return (
    // Arrow keys move between the result links inside; the list itself is not a widget.
    <ol aria-label={t('results')} className="search-results" onKeyDown={onResultsKeyDown}>
      {rows.map(({ hit, entry }) => {
        const entryLang = contentLanguageOf(entry);
        const indexed = texts?.[hit.lang]?.get(hit.id);
        const parts = indexed
          ? pickSnippet(
              indexed.fields,
              matchPositions(indexed.fields, terms[hit.lang] ?? new Set(), ANALYZERS[hit.lang]),
              indexed.english,
            )
          : null;
        // English wording quoted in a French snippet; a snippet of English text is marked whole.
        const partLang = (part: SnippetPart) =>
          part.english && hit.lang !== 'en' ? mark('en') : undefined;
        return (
          <li key={hit.id} className="search-result">
            <a
              href={routeHref('doc', hit.id)}
              className={RESULT_LINK_CLASS}
              onClick={onOpen}
              lang={mark(entryLang)}
            >
              <ContentText text={entry.title} />
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
            <p className="search-result__snippet" lang={mark(parts ? hit.lang : entryLang)}>
              {parts ? (
                parts.map((part, i) =>
                  part.marked ? (
                    <mark key={i} lang={partLang(part)}>
                      {part.text}
                    </mark>
                  ) : (
                    <span key={i} lang={partLang(part)}>
                      {part.text}
                    </span>
                  ),
                )
              ) : (
                <ContentText text={entry.summary} />
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
