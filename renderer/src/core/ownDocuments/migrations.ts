import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { OWN_DOCUMENTS_SCHEMA_VERSION } from './schema';

/**
 * Migrations by the version they upgrade from. Version 1 is the first format, so there are none
 * yet: add `1: v1ToV2` (which only reshapes unchecked JSON; the current schema checks the
 * result) when version 2 arrives. A document of a newer version is refused, never misread.
 */
export const OWN_DOCUMENTS_MIGRATIONS: Readonly<Record<number, DocumentMigration>> = {};

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
