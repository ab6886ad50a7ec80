import { loadDocuments, type LibraryDocuments } from '../../content/contentData';
import { renderDocumentBody } from '../../reader/renderDocument';

type TextOf = (docId: string) => string | null;

/**
 * One reader per load of the documents: a load stays the same until the library reloads, so the
 * Annotations page re-checking its review list after every edit, or an import preview, does not
 * render the same documents again.
 */
const readers = new WeakMap<LibraryDocuments, TextOf>();

/**
 * The text each document shows in the reader, for previewing an import away from the reader
 * (which annotations will anchor, which will be orphaned). It is the reader's own rendering,
 * parsed into a detached element of an inert document (no scripts, no image loads), so its
 * `textContent` is the same string the reader's article has.
 */
export async function documentTextReader(): Promise<TextOf> {
  const store = await loadDocuments();
  let reader = readers.get(store);
  if (!reader) {
    reader = textReader(store);
    readers.set(store, reader);
  }
  return reader;
}

function textReader(store: LibraryDocuments): TextOf {
  const inert = document.implementation.createHTMLDocument('');
  const cache = new Map<string, string | null>();
  return (docId) => {
    if (cache.has(docId)) return cache.get(docId) ?? null;
    const doc = store.byId.get(docId);
    let text: string | null = null;
    if (doc) {
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
