import { WORKSHOPS_SCHEMA_VERSION } from './schema';

type RawDocument = Record<string, unknown>;

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type WorkshopsMigration = (doc: RawDocument) => RawDocument;

/**
 * Migrations by the version they upgrade from. Version 1 is the first format, so there are none
 * yet; when version 2 arrives, add `1: v1ToV2` here (only add what is missing, never validate: the
 * current schema checks the result) and a test beside the planner's.
 */
export const WORKSHOPS_MIGRATIONS: Readonly<Record<number, WorkshopsMigration>> = {};

/** The outcome of bringing a document up to the current version. */
export type MigrationOutcome =
  | { ok: true; doc: RawDocument; fromVersion: number }
  | { ok: false; reason: 'newer' | 'unversioned'; message: string };

/**
 * Applies migrations in order from the document's `schemaVersion` up to the current one. A
 * document from a newer version of the toolkit is refused: reading it could drop fields this
 * version does not know, and saving would then destroy them.
 */
export function migrateWorkshopsDocument(
  doc: RawDocument,
  migrations: Readonly<Record<number, WorkshopsMigration>> = WORKSHOPS_MIGRATIONS,
  currentVersion: number = WORKSHOPS_SCHEMA_VERSION,
): MigrationOutcome {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      reason: 'unversioned',
      message: `schemaVersion: expected a whole number from 1 to ${currentVersion}, found ${JSON.stringify(version) ?? 'nothing'}`,
    };
  if (version > currentVersion)
    return {
      ok: false,
      reason: 'newer',
      message: `schemaVersion: the file was made by a newer version of OnMuni Toolkit (workshops format ${version}; this version reads formats 1 to ${currentVersion}). Update OnMuni Toolkit, then try again.`,
    };
  let current = doc;
  for (let v = version; v < currentVersion; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No workshops migration from version ${v}`); // a programming error
    current = step(current);
  }
  return { ok: true, doc: current, fromVersion: version };
}
