import type { DocumentStorage } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import { parseWorkshopsDocument } from './parseWorkshopsDocument';
import { emptyWorkshopsDatabase, type WorkshopsDatabase } from './schema';

/** The name of the workshops document in host storage. */
export const WORKSHOPS_KEY = 'workshops';

/** The store (one lowdb document) holding user workshops and recorded sessions. */
export type WorkshopsStore = StoreBackend<WorkshopsDatabase>;

/**
 * Creates the workshops store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return.
 */
export function createWorkshopsStore(storage: DocumentStorage): WorkshopsStore {
  return createJsonDocumentBackend({
    storage,
    key: WORKSHOPS_KEY,
    parse: parseWorkshopsDocument,
    defaults: emptyWorkshopsDatabase,
  });
}
