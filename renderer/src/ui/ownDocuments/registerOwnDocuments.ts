import type { Host } from '../../host/Host';
import { OWN_DOCUMENTS_PACK_ID } from '../../core/packs/packStorage';
import type { BuiltOwnCollection } from '../../core/ownDocuments/buildCollection';
import type { OwnDocument } from '../../core/ownDocuments/schema';
import { t } from '../common/i18n/i18n';
import { wordError } from '../common/i18n/wordMessage';
import { addCollectionSource, reloadLibrary, type LibraryCollection } from '../content/contentData';
import { buildInWorker } from './ownCollectionClient';
import { loadOwnContext } from './useBundledContext';
import { ownDocumentsSessionFor } from './ownDocumentsSession';

const registered = new WeakSet<Host>();

/**
 * Adds the user's own documents to the library (the collection `own`, ids `own--<id>`), and
 * reloads the library whenever they change (a save, a delete, an undo, in any screen), so the
 * Library, search and the reader show them at once; the bundled library is not reloaded.
 * Registered once per host at start-up.
 */
export function registerOwnDocuments(host: Host): void {
  if (registered.has(host)) return;
  registered.add(host);
  let built: {
    documents: readonly OwnDocument[];
    collection: Promise<LibraryCollection | null>;
  } | null = null;

  addCollectionSource(async () => {
    try {
      const session = await ownDocumentsSessionFor(host.storage);
      const { documents } = session.getSnapshot().db;
      // A pack installed elsewhere reloads the library too: own documents that did not change
      // are not built again.
      if (built?.documents !== documents)
        built = { documents, collection: collectionOf(documents) };
      const collection = await built.collection;
      return collection ? [collection] : [];
    } catch (error) {
      // The library goes on without them; "Your documents" says why they are missing from it
      // (`useOwnLibraryProblem`), while still listing them from the store.
      built = null;
      return {
        collections: [],
        problems: [
          {
            kind: 'own',
            id: OWN_DOCUMENTS_PACK_ID,
            message: t('own:list.notInLibrary', { reason: wordError(error) }),
          },
        ],
      };
    }
  }, 'own');

  void ownDocumentsSessionFor(host.storage).then(
    (session) => {
      let documents = session.getSnapshot().db.documents;
      session.subscribe(() => {
        const next = session.getSnapshot().db.documents;
        if (next === documents) return;
        documents = next;
        reloadLibrary({ source: 'own' });
      });
    },
    () => undefined,
  );
}

async function collectionOf(documents: readonly OwnDocument[]): Promise<LibraryCollection | null> {
  if (documents.length === 0) return null;
  const result: BuiltOwnCollection = await buildInWorker(documents, await loadOwnContext());
  const fragments = result.fragments;
  if (fragments === null) return null;
  return {
    kind: 'own',
    id: OWN_DOCUMENTS_PACK_ID,
    title: t('own:collectionTitle'),
    catalog: result.catalog,
    documents: result.documents,
    index: (kind) => Promise.resolve(fragments[kind]),
  };
}
