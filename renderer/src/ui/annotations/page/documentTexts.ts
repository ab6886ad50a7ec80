import type { Language } from '../../../../../electron/shared/language';
import type { DocumentTextOf } from '../../../core/annotations';
import { loadDocuments, type LibraryDocuments } from '../../content/contentData';
import { bodyLanguageOf } from '../../content/languageOverlay';
import { renderDocumentBody } from '../../reader/renderDocument';

type TextOf = (docId: string) => string | null;

/**
 * One reader per load of the documents: a load stays the same until the library reloads, so the
 * Annotations page re-checking its review list after every edit, or an import preview, does not
 * render the same documents again.
 */
const readers = new WeakMap<LibraryDocuments, TextOf>();

/**
 * The text each document shows in the reader, in each language's version (an annotation belongs
 * to the version it was made on), for previewing an import away from the reader (which
 * annotations will anchor, which will be orphaned) and for reviewing annotations after an update.
 * It is the reader's own rendering, parsed into a detached element of an inert document (no
 * scripts, no image loads), so its `textContent` is the same string the reader's article has. A
 * document has no text in a language whose version shows another language's body (a French
 * version made with `bodyFrom: en` has the English text, which is the English version's).
 *
 * Only `languages` are loaded (the ones the annotations or keys at hand name): an English user
 * reviewing pack annotations never fetches the French library, and a damaged French file cannot
 * break what only needs English. Any other language has no text.
 */
export async function documentTextReader(languages: readonly Language[]): Promise<DocumentTextOf> {
  const stores = await Promise.all(
    [...new Set(languages)].map((language) => loadDocuments(language)),
  );
  const byLanguage = new Map<Language, TextOf>();
  for (const store of stores) {
    let reader = readers.get(store);
    if (!reader) {
      reader = textReader(store);
      readers.set(store, reader);
    }
    byLanguage.set(store.language, reader);
  }
  return (docId, language) => byLanguage.get(language)?.(docId) ?? null;
}

function textReader(store: LibraryDocuments): TextOf {
  const inert = document.implementation.createHTMLDocument('');
  const cache = new Map<string, string | null>();
  return (docId) => {
    if (cache.has(docId)) return cache.get(docId) ?? null;
    const doc = store.byId.get(docId);
    let text: string | null = null;
    if (doc && bodyLanguageOf(doc) === store.language) {
      const outcome = renderDocumentBody(doc, store.glossaryFor(doc.id));
      if (outcome.ok) {
        const container = inert.createElement('div');
        container.innerHTML = outcome.rendered.html;
        text = container.textContent;
      }
    }
    cache.set(docId, text);
    return text;
  };
}
