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

/** A list's items passed through `upgrade` (items that are not objects, and non-lists, kept). */
function mapObjects(list: unknown, upgrade: (item: Record<string, unknown>) => unknown): unknown {
  return Array.isArray(list)
    ? list.map((item: unknown) => (isPlainObject(item) ? upgrade(item) : item))
    : list;
}

/**
 * A user workshop of version 2 or older as version 3 has it: every block gets `questions` (none:
 * questions for the room arrived with version 3). Also used on workshop records, which carry no
 * version of their own (a record written before version 3, or by a teammate's older app).
 */
export function upgradeWorkshopValue(workshop: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(workshop.blocks)) return workshop;
  const blocks = mapObjects(workshop.blocks, (block) =>
    'questions' in block ? block : { ...block, questions: [] },
  );
  return { ...workshop, blocks };
}

/**
 * A recorded session of version 2 or older as version 3 has it: every sticky note gets `author`
 * and `upvotes`, both null ("not known"): before the room every note was the trainer's, and
 * nobody upvoted, so 0 upvotes would claim a count nobody made. Also used on capture records.
 */
export function upgradeSessionValue(session: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(session.notes)) return session;
  const notes = mapObjects(session.notes, (note) => ({
    ...note,
    author: 'author' in note ? note.author : null,
    upvotes: 'upvotes' in note ? note.upvotes : null,
  }));
  return { ...session, notes };
}

/**
 * Version 3 adds the room (issue 17): questions on every block (`upgradeWorkshopValue`) and the
 * author and upvotes of every sticky note (`upgradeSessionValue`).
 */
function v2ToV3(doc: RawDocument): RawDocument {
  return {
    ...doc,
    schemaVersion: 3,
    workshops: mapObjects(doc.workshops, upgradeWorkshopValue),
    sessions: mapObjects(doc.sessions, upgradeSessionValue),
  };
}

/**
 * Migrations by the version they upgrade from (only add what is missing, never validate: the
 * current schema checks the result). Add `3: v3ToV4` when version 4 arrives, and upgrade records
 * too (`upgradeWorkshopValue`, `upgradeSessionValue`): records carry no version.
 */
export const WORKSHOPS_MIGRATIONS: Readonly<Record<number, WorkshopsMigration>> = {
  1: v1ToV2,
  2: v2ToV3,
};

/** Brings a stored workshops document up to the current version (see `migrateDocument`). */
export function migrateWorkshopsDocument(
  doc: RawDocument,
  migrations: Readonly<Record<number, WorkshopsMigration>> = WORKSHOPS_MIGRATIONS,
  currentVersion: number = WORKSHOPS_SCHEMA_VERSION,
): MigrationOutcome {
  return migrateDocument(doc, { name: 'workshops', currentVersion, migrations });
}

export type { MigrationOutcome };
