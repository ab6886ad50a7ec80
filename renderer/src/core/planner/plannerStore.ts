import type { DocumentStorage, StoredTextParser } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import type { StoreBackend } from '../store/StoreBackend';
import { parsePlannerDocument } from './parsePlannerDocument';
import { emptyPlannerDatabase, type PlannerDatabase } from './schema';

/** The name of the planner document in host storage. */
export const PLANNER_KEY = 'planner';

/** The store (one lowdb document) holding the planner database. */
export type PlannerStore = StoreBackend<PlannerDatabase>;

/**
 * Creates the planner store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return.
 */
export function createPlannerStore(
  storage: DocumentStorage,
  parseText?: StoredTextParser<PlannerDatabase>,
): PlannerStore {
  return createJsonDocumentBackend({
    storage,
    parseText,
    key: PLANNER_KEY,
    parse: parsePlannerDocument,
    defaults: emptyPlannerDatabase,
  });
}
