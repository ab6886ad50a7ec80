import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { OWN_DOCUMENTS_SCHEMA_VERSION } from './schema';

/**
 * Version 2 adds "Share with team" (issue 16) to every document: `shared` (false: nothing was
 * shared before the team folder existed) and `sharedBy` (null). Only what is missing is added.
 */
function v1ToV2(doc: RawDocument): RawDocument {
  const documents = Array.isArray(doc.documents)
    ? doc.documents.map((item: unknown) =>
        isPlainObject(item)
          ? {
              ...item,
              shared: 'shared' in item ? item.shared : false,
              sharedBy: 'sharedBy' in item ? item.sharedBy : null,
            }
          : item,
      )
    : doc.documents;
  return { ...doc, schemaVersion: 2, documents };
}

/**
 * Migrations by the version they upgrade from (each only reshapes unchecked JSON; the current
 * schema checks the result). A document of a newer version is refused, never misread. Add
 * `2: v2ToV3` when version 3 arrives.
 */
export const OWN_DOCUMENTS_MIGRATIONS: Readonly<Record<number, DocumentMigration>> = {
  1: v1ToV2,
};

/** Brings a stored own-documents document up to the current version (see `migrateDocument`). */
export function migrateOwnDocumentsDocument(doc: RawDocument): MigrationOutcome {
  return migrateDocument(doc, {
    name: 'own documents',
    currentVersion: OWN_DOCUMENTS_SCHEMA_VERSION,
    migrations: OWN_DOCUMENTS_MIGRATIONS,
    newerLead: 'madeBy',
  });
}

export { isPlainObject, type MigrationOutcome };
