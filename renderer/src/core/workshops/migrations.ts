import {
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { WORKSHOPS_SCHEMA_VERSION } from './schema';

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type WorkshopsMigration = DocumentMigration;

/**
 * Migrations by the version they upgrade from. Version 1 is the first format, so there are none
 * yet; when version 2 arrives, add `1: v1ToV2` here (only add what is missing, never validate: the
 * current schema checks the result) and a test beside the planner's.
 */
export const WORKSHOPS_MIGRATIONS: Readonly<Record<number, WorkshopsMigration>> = {};

/** Brings a stored workshops document up to the current version (see `migrateDocument`). */
export function migrateWorkshopsDocument(
  doc: RawDocument,
  migrations: Readonly<Record<number, WorkshopsMigration>> = WORKSHOPS_MIGRATIONS,
  currentVersion: number = WORKSHOPS_SCHEMA_VERSION,
): MigrationOutcome {
  return migrateDocument(doc, { name: 'workshops', currentVersion, migrations });
}

export type { MigrationOutcome };
