import type { ChangeEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { parseLibraryState } from '../../core/library/filters';
import { MAX_QUERY_CHARS } from '../../core/search/parseQuery';
import { goToHash, searchHash } from '../library/libraryUrl';
import { useHost } from '../common/HostContext';
import { useHashRoute } from '../common/routing/useHashRoute';
import { focusFirstResult } from './resultsKeyboard';
import { keepSearchFieldFocusOnArrival, SEARCH_FIELD_ID } from './searchFieldFocus';
import { recentSearchStore } from './useRecentSearches';
import './globalSearch.css';

/** Typing pauses this long before the URL (and so the results) follow. */
const URL_DEBOUNCE_MS = 120;

/**
 * The one search field, in the header of every page. The field's own state updates at once on
 * each keystroke; the URL follows after a short pause, and the Search page renders results from
 * the URL at low priority, so typing never waits for a search.
 *
 * Keys: Ctrl/Cmd+K focuses it from anywhere, Escape clears it, Down arrow moves into the results,
 * Enter shows the results at once.
 */
export function GlobalSearchField() {
  const { t } = useTranslation('search');
  const storage = useHost().storage;
  const route = useHashRoute();
  const onSearchPage = route.kind === 'page' && route.id === 'search';
  const urlQuery = onSearchPage ? parseLibraryState(route.query).query : '';

  const [value, setValue] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  const [written, setWritten] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  // The URL changed: follow it, unless it only caught up with what was typed here (back/forward,
  // a suggestion or a recent search link set a new query; leaving the Search page clears it).
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== written) setValue(urlQuery);
    // Caught up: from now on any change of the URL comes from elsewhere.
    setWritten(null);
  }

  const commit = (query: string) => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setWritten(query);
    const current = parseLibraryState(window.location.hash.split('?')[1] ?? '');
    if (window.location.hash.startsWith('#/search')) {
      goToHash(searchHash({ ...current, query }), 'replace');
    } else if (query.trim() !== '') {
      // The first keystroke elsewhere opens Search as a new page, so Back returns to it.
      keepSearchFieldFocusOnArrival();
      goToHash(searchHash({ query, filters: current.filters, sort: 'relevance' }), 'push');
    }
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Ctrl+K (Cmd+K on a Mac) from anywhere in the app.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      const field = document.getElementById(SEARCH_FIELD_ID);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setValue(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => commit(next), URL_DEBOUNCE_MS);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (value === '') return;
      setValue('');
      commit('');
    } else if (event.key === 'Enter') {
      event.preventDefault();
      commit(value);
      void recentSearchStore(storage).add(value);
    } else if (event.key === 'ArrowDown') {
      if (timer.current !== undefined) commit(value);
      if (focusFirstResult()) event.preventDefault();
    }
  };

  return (
    <div role="search" className="global-search">
      <label htmlFor={SEARCH_FIELD_ID} className="ontario-show-for-sr">
        {t('field.label')}
      </label>
      <input
        id={SEARCH_FIELD_ID}
        type="search"
        className="global-search__input"
        value={value}
        onChange={onChange}
        onKeyDown={onKeyDown}
        placeholder={t('field.placeholder')}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="Control+K Meta+K"
        aria-describedby="global-search-hint"
        maxLength={MAX_QUERY_CHARS}
      />
      <span id="global-search-hint" className="global-search__hint">
        <Trans
          t={t}
          i18nKey="field.hint"
          components={{ kbd: <kbd />, sr: <span className="ontario-show-for-sr" /> }}
        />
      </span>
    </div>
  );
}
