import type { Language } from '../../../../electron/shared/language';
import type { ContentDocument } from './model';

/**
 * Which language a document's text is in. Core needs it as much as the screens do: a workshop
 * deck reads a document's key points under headings in its body's language.
 */

/** The language of a catalog entry or document: `fr` for a French version, else English. */
export function contentLanguageOf(item: { lang?: 'fr' | undefined }): Language {
  return item.lang ?? 'en';
}

/**
 * The language of a document's body: a French version made with `bodyFrom: en` carries its
 * English version's body (`bodyLang: 'en'`); otherwise the document's own.
 */
export function bodyLanguageOf(doc: Pick<ContentDocument, 'lang' | 'bodyLang'>): Language {
  return doc.bodyLang ?? contentLanguageOf(doc);
}
