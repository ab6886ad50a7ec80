import { formatLibraryState, type LibraryState } from '../../core/library/filters';

// URLSearchParams escapes the commas between values; a fragment may hold them as they are, and
// `type=case-study,glossary` reads better in a shared link than `type=case-study%2Cglossary`.
const readable = (query: string) => query.replace(/%2C/gi, ',');

/** The hash of the library showing `state`, e.g. `#/library?topic=broadband&sort=title`. */
export function libraryHash(state: Omit<LibraryState, 'query'>): string {
  const query = readable(formatLibraryState({ ...state, query: '' }));
  return query === '' ? '#/library' : `#/library?${query}`;
}

/** The hash of the search page for `state`, e.g. `#/search?q=permits&type=case-study`. */
export function searchHash(state: LibraryState): string {
  // Search results keep the engine's ranking, so the sort order is not part of a search URL.
  const query = readable(formatLibraryState({ ...state, sort: 'relevance' }));
  return query === '' ? '#/search' : `#/search?${query}`;
}

/**
 * Moves to a hash. `push` adds a history entry (a filter ticked, a page opened), so Back undoes
 * it; `replace` rewrites the current one (each keystroke of a search), so Back does not replay
 * every letter typed.
 */
export function goToHash(hash: string, mode: 'push' | 'replace'): void {
  if (window.location.hash === hash) return;
  if (mode === 'push') {
    window.location.hash = hash;
    return;
  }
  const url = new URL(window.location.href);
  url.hash = hash;
  window.location.replace(url.href);
}
