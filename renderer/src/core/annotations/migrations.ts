import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { ANNOTATIONS_SCHEMA_VERSION } from './schema';

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type AnnotationsMigration = DocumentMigration;

/**
 * Version 1 kept the meaning in a non-standard top-level field (`"meaning": "question"`), which
 * other W3C tools drop, and named the tombstone's time `deletedAt`. Version 2 moves the meaning
 * into a TextualBody with purpose `classifying` (first in the body) and renames `deletedAt` to
 * `deleted`. Migrations only reshape and never validate: the current schema checks the result.
 */
function v1ToV2(doc: RawDocument): RawDocument {
  const annotations = Array.isArray(doc.annotations)
    ? doc.annotations.map((item: unknown) => {
        if (!isPlainObject(item) || !('meaning' in item)) return item;
        const { meaning, ...rest } = item;
        const body: unknown[] = Array.isArray(rest.body) ? rest.body : [];
        const classifying = {
          type: 'TextualBody',
          purpose: 'classifying',
          value: meaning,
          format: 'text/plain',
        };
        return { ...rest, body: [classifying, ...body] };
      })
    : doc.annotations;
  const tombstones = Array.isArray(doc.tombstones)
    ? doc.tombstones.map((item: unknown) => {
        if (!isPlainObject(item) || !('deletedAt' in item)) return item;
        const { deletedAt, ...rest } = item;
        return { ...rest, deleted: deletedAt };
      })
    : doc.tombstones;
  return { ...doc, schemaVersion: 2, annotations, tombstones };
}

/**
 * Version 3 adds the optional `target.reviewedVersion` (an annotation kept as it is after its
 * document changed, see `review.ts`). Nothing to reshape: a version 2 document is a valid version
 * 3 one. The version still goes up, so an older app refuses data it would not keep whole.
 */
function v2ToV3(doc: RawDocument): RawDocument {
  return { ...doc, schemaVersion: 3 };
}

/** Migrations by the version they upgrade from. Add `3: v3ToV4` when version 4 arrives. */
export const ANNOTATIONS_MIGRATIONS: Readonly<Record<number, AnnotationsMigration>> = {
  1: v1ToV2,
  2: v2ToV3,
};

/** Brings a stored annotations document up to the current version (see `migrateDocument`). */
export function migrateAnnotationsDocument(doc: RawDocument): MigrationOutcome {
  return migrateDocument(doc, {
    name: 'annotations',
    currentVersion: ANNOTATIONS_SCHEMA_VERSION,
    migrations: ANNOTATIONS_MIGRATIONS,
    newerLead: 'madeBy',
  });
}

export { isPlainObject, type MigrationOutcome };
