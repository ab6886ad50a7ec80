import {
  isPlainObject,
  migrateDocument,
  type DocumentMigration,
  type MigrationOutcome,
  type RawDocument,
} from '../store/migrateDocument';
import { legacyStamp } from '../team/legacyStamp';
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

/**
 * Version 4 orders changes by hybrid logical clocks (`core/team/hlc.ts`), as team folders do,
 * instead of by wall times: each annotation gains `rev` (the stamp of its latest change) and
 * `private` (false: nothing was private before), each tombstone gains `rev`. An old record's stamp
 * is derived from its time (`modified`, or the tombstone's `deleted`) with the fixed
 * `LEGACY_MEMBER`, so every machine derives the same stamp and old records keep the order their
 * times gave them. A record whose time is not a time keeps no stamp, and the schema drops it as
 * before. Files exported by older versions are migrated the same way when imported.
 */
function v3ToV4(doc: RawDocument): RawDocument {
  const stamped = (timeField: string, extra: Record<string, unknown>) => (item: unknown) => {
    if (!isPlainObject(item)) return item;
    const rev = legacyStamp(item[timeField]);
    return rev === undefined ? { ...item, ...extra } : { ...item, ...extra, rev };
  };
  return {
    ...doc,
    schemaVersion: 4,
    annotations: Array.isArray(doc.annotations)
      ? doc.annotations.map(stamped('modified', { private: false }))
      : doc.annotations,
    tombstones: Array.isArray(doc.tombstones)
      ? doc.tombstones.map(stamped('deleted', {}))
      : doc.tombstones,
  };
}

/**
 * Version 5 adds the optional `target.lang` (`fr`: made on a document's French version, issue
 * 18). Nothing to reshape: every annotation before it was made on the English version, which an
 * absent `lang` means. The version still goes up, so an older app refuses data it would not keep
 * whole (its schema has no `lang`, and it would show French highlights on English text).
 */
function v4ToV5(doc: RawDocument): RawDocument {
  return { ...doc, schemaVersion: 5 };
}

/** Migrations by the version they upgrade from. Add `5: v5ToV6` when version 6 arrives. */
export const ANNOTATIONS_MIGRATIONS: Readonly<Record<number, AnnotationsMigration>> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
  4: v4ToV5,
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
