import { useEffect, useState } from 'react';
import type { LanguageSearch } from '../../core/search/languageSearch';
import type { Language } from '../../../../electron/shared/language';
import { useInterfaceLanguage } from '../common/i18n/useInterfaceLanguage';
import { wordError } from '../common/i18n/wordMessage';
import {
  loadCatalog,
  loadDocuments,
  onLibraryChange,
  type LibraryCatalog,
  type LibraryDocuments,
} from './contentData';
import { loadLanguageSearch } from './searchData';

/** A value that loads asynchronously: still loading, ready, or failed with a message. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Loads with `load`, and again whenever the library changes (a pack installed or removed, an own
 * document saved) or the interface changes language (the library is read in the interface's
 * language). The value shown stays until the new one is ready, so a page does not flash back to
 * "loading" when a pack is installed, here or in another tab or window of the app (contentData.ts
 * tells them over a BroadcastChannel), nor when the language changes.
 */
export function useLoadable<T>(load: (language: Language) => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [revision, setRevision] = useState(0);
  const language = useInterfaceLanguage();
  useEffect(() => onLibraryChange(() => setRevision((value) => value + 1)), []);
  useEffect(() => {
    let live = true;
    load(language).then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', message: wordError(error) }),
    );
    return () => {
      live = false;
    };
  }, [load, language, revision]);
  return state;
}

/** The library catalog (titles, summaries, facets, vocabulary). */
export function useCatalog(): Loadable<LibraryCatalog> {
  return useLoadable(loadCatalog);
}

/** Every document with its body, and the glossary matcher. */
export function useDocuments(): Loadable<LibraryDocuments> {
  return useLoadable(loadDocuments);
}

/**
 * Search in the interface's language (loads the index on first use if the idle warm-up has not
 * yet): in French, the French library's engine first, then the English one (searchData.ts).
 */
export function useSearchEngine(): Loadable<LanguageSearch> {
  return useLoadable(loadLanguageSearch);
}
