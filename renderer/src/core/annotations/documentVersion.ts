import { isLanguage, type Language } from '../../../../electron/shared/language';
import type { DocId } from '../content/ids';
import type { Annotation } from './schema';

/**
 * Annotations belong to one language's version of a document (issue 18): offsets, quotes and
 * the content version refer to the text they were made on, and the French version of a document
 * is another text. `target.lang` says which (`fr`); absent, English, as every annotation made
 * before there were French versions.
 */
export function annotationLanguageOf(annotation: Annotation): Language {
  return annotation.target.lang ?? 'en';
}

const SEPARATOR = '|';

/**
 * One string for a document's version in a language, for maps and for the import worker's
 * messages: the id itself for English (so English keys read as before), `<id>|fr` for French.
 * `|` never appears in a document id.
 */
export function documentVersionKey(docId: DocId, language: Language): string {
  return language === 'en' ? docId : `${docId}${SEPARATOR}${language}`;
}

/** The document and language a {@link documentVersionKey} names. */
export function parseDocumentVersionKey(key: string): { docId: DocId; language: Language } {
  const at = key.lastIndexOf(SEPARATOR);
  const language = at === -1 ? 'en' : key.slice(at + 1);
  return at !== -1 && isLanguage(language)
    ? { docId: key.slice(0, at) as DocId, language }
    : { docId: key as DocId, language: 'en' };
}

/** The text an annotation was made on is read by: a document's current text in a language. */
export type DocumentTextOf = (docId: DocId, language: Language) => string | null;
