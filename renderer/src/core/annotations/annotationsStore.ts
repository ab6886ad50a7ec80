import type { DocumentStorage, StoredTextParser } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import { parseAnnotationsDocument } from './parseAnnotationsDocument';
import { emptyAnnotationsDatabase, type AnnotationsDatabase } from './schema';

/** The name of the annotations document in host storage. */
export const ANNOTATIONS_KEY = 'annotations';

/** The store (one lowdb document) holding the annotations database. */
export type AnnotationsStore = StoreBackend<AnnotationsDatabase>;

/**
 * Creates the annotations store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return.
 */
export function createAnnotationsStore(
  storage: DocumentStorage,
  parseText?: StoredTextParser<AnnotationsDatabase>,
): AnnotationsStore {
  return createJsonDocumentBackend({
    storage,
    parseText,
    key: ANNOTATIONS_KEY,
    parse: parseAnnotationsDocument,
    defaults: emptyAnnotationsDatabase,
  });
}
