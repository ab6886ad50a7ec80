import { useEffect, useState } from 'react';
import type { CatalogFile } from '../../core/content/model';
import type { SearchEngine } from '../../core/search/searchEngine';
import { wordError } from '../common/i18n/wordMessage';
import { loadCatalog, loadDocuments, loadSearchEngine, type LibraryDocuments } from './contentData';

/** A value that loads asynchronously: still loading, ready, or failed with a message. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

function useLoadable<T>(load: () => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', message: wordError(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

/** The library catalog (titles, summaries, facets, vocabulary). */
export function useCatalog(): Loadable<CatalogFile> {
  return useLoadable(loadCatalog);
}

/** Every document with its body, and the glossary matcher. */
export function useDocuments(): Loadable<LibraryDocuments> {
  return useLoadable(loadDocuments);
}

/** The search engine (loads the index on first use if the idle warm-up has not yet). */
export function useSearchEngine(): Loadable<SearchEngine> {
  return useLoadable(loadSearchEngine);
}
