import type { DocumentStorage } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import { parseOwnDocumentsDocument } from './parseOwnDocumentsDocument';
import { emptyOwnDocumentsDatabase, type OwnDocumentsDatabase } from './schema';

/** The name of the own-documents document in host storage. */
export const OWN_DOCUMENTS_KEY = 'own-documents';

/** The store (one lowdb document) holding the documents the user wrote. */
export type OwnDocumentsStore = StoreBackend<OwnDocumentsDatabase>;

/**
 * Creates the own-documents store over a host's storage (on the desktop a file written
 * atomically with backups, in the browser Web Storage). Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return.
 */
export function createOwnDocumentsStore(storage: DocumentStorage): OwnDocumentsStore {
  return createJsonDocumentBackend({
    storage,
    key: OWN_DOCUMENTS_KEY,
    parse: parseOwnDocumentsDocument,
    defaults: emptyOwnDocumentsDatabase,
  });
}
