import { LANGUAGE_CODES, type Language } from '../../../../../electron/shared/language';
import type { VersionTitleOf } from '../../../core/annotations';
import type { DocId } from '../../../core/content/ids';
import { loadCatalog } from '../../content/contentData';
import { useLoadable } from '../../content/useContent';

type TitlesByLanguage = ReadonlyMap<Language, ReadonlyMap<string, string>>;

/**
 * Every language's library titles, by document id (the French library has English titles for
 * the documents it has no version of, as it shows them).
 */
async function loadVersionTitles(): Promise<TitlesByLanguage> {
  const catalogs = await Promise.all(LANGUAGE_CODES.map((language) => loadCatalog(language)));
  return new Map(
    LANGUAGE_CODES.map((language, index) => [
      language,
      new Map((catalogs[index]?.entries ?? []).map((entry) => [entry.id as string, entry.title])),
    ]),
  );
}

/**
 * The title of each language's version of a document, for exports: an annotation belongs to the
 * version it was made on, so an export names the document as that version does (an annotation
 * made on the English version, exported in French, is under its English title). Until both
 * libraries have loaded, or for a document one of them lacks, `fallback` (the interface
 * language's title) answers.
 */
export function useVersionTitles(fallback: (docId: DocId) => string | null): VersionTitleOf {
  const titles = useLoadable(loadVersionTitles);
  return (docId, language) =>
    (titles.status === 'ready' ? titles.value.get(language)?.get(docId) : undefined) ??
    fallback(docId);
}
