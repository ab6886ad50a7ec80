import type { DocumentStorage, StoredTextParser } from '../store/DocumentStorage';
import { createDocumentStore, type DocumentStore } from '../store/createDocumentStore';
import { parseAnnotationsDocument } from './parseAnnotationsDocument';
import { emptyAnnotationsDatabase, type AnnotationsDatabase } from './schema';

/** The name of the annotations document in host storage. */
export const ANNOTATIONS_KEY = 'annotations';

/** The lowdb store holding the annotations database. */
export type AnnotationsStore = DocumentStore<AnnotationsDatabase>;

/**
 * Creates the annotations store over a host's storage; call `load()` first. Operations are pure
 * (they return a new database), so the UI does `store.replace(next)` then `store.save()`.
 */
export function createAnnotationsStore(
  storage: DocumentStorage,
  parseText?: StoredTextParser<AnnotationsDatabase>,
): AnnotationsStore {
  return createDocumentStore({
    storage,
    parseText,
    key: ANNOTATIONS_KEY,
    parse: parseAnnotationsDocument,
    defaults: emptyAnnotationsDatabase,
  });
}
