import { useMemo } from 'react';
import type { Vocabulary } from '../../core/content/vocabulary';
import { searchFields, type SearchField } from '../../core/search/searchFields';
import type { LibraryDocuments } from '../content/contentData';
import { useDocuments } from '../content/useContent';

export type FieldTexts = ReadonlyMap<string, Readonly<Record<SearchField, string>>>;

const cache = new WeakMap<LibraryDocuments, FieldTexts>();

/**
 * The indexed text of every document, field by field: snippets quote these exact strings, since
 * the engine's match positions are offsets into them. Null until the documents have loaded.
 */
export function useSearchTexts(vocabulary: Vocabulary | null): FieldTexts | null {
  const documents = useDocuments();
  const store = documents.status === 'ready' ? documents.value : null;
  return useMemo(() => {
    if (!store || !vocabulary) return null;
    let texts = cache.get(store);
    if (!texts) {
      texts = new Map(
        [...store.byId.values()].map((doc) => [doc.id as string, searchFields(doc, vocabulary)]),
      );
      cache.set(store, texts);
    }
    return texts;
  }, [store, vocabulary]);
}
