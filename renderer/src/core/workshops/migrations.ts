import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { WORKSHOPS_SCHEMA_VERSION } from './schema';

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type WorkshopsMigration = DocumentMigration;

/**
 * Version 2 adds "Share with team" (issue 16) to every recorded session: `shared` (false: nothing
 * was shared before the team folder existed) and `sharedBy` (null). Only what is missing is added;
 * the current schema checks the result.
 */
function v1ToV2(doc: RawDocument): RawDocument {
  const sessions = Array.isArray(doc.sessions)
    ? doc.sessions.map((session: unknown) =>
        isPlainObject(session)
          ? {
              ...session,
              shared: 'shared' in session ? session.shared : false,
              sharedBy: 'sharedBy' in session ? session.sharedBy : null,
            }
          : session,
      )
    : doc.sessions;
  return { ...doc, schemaVersion: 2, sessions };
}

/**
 * Migrations by the version they upgrade from (only add what is missing, never validate: the
 * current schema checks the result). Add `2: v2ToV3` when version 3 arrives.
 */
export const WORKSHOPS_MIGRATIONS: Readonly<Record<number, WorkshopsMigration>> = { 1: v1ToV2 };

/** Brings a stored workshops document up to the current version (see `migrateDocument`). */
export function migrateWorkshopsDocument(
  doc: RawDocument,
  migrations: Readonly<Record<number, WorkshopsMigration>> = WORKSHOPS_MIGRATIONS,
  currentVersion: number = WORKSHOPS_SCHEMA_VERSION,
): MigrationOutcome {
  return migrateDocument(doc, { name: 'workshops', currentVersion, migrations });
}

export type { MigrationOutcome };
