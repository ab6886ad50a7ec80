import { loadSearchTexts, type SearchTexts } from '../content/searchData';
import { useLoadable } from '../content/useContent';

/**
 * The indexed text of every document, field by field, in each language search quotes (the
 * interface's, and English in French): snippets quote these exact strings, since the engine's
 * match positions are offsets into them. Null until the documents have loaded.
 */
export function useSearchTexts(): SearchTexts | null {
  const texts = useLoadable(loadSearchTexts);
  return texts.status === 'ready' ? texts.value : null;
}
