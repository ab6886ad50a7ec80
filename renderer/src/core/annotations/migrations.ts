import { ANNOTATIONS_SCHEMA_VERSION } from './schema';

type RawDocument = Record<string, unknown>;

/** One migration: takes a document of version N (unchecked JSON) and returns version N + 1. */
export type AnnotationsMigration = (doc: RawDocument) => RawDocument;

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
        const body = Array.isArray(rest.body) ? rest.body : [];
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

/** Migrations by the version they upgrade from. Add `2: v2ToV3` when version 3 arrives. */
export const ANNOTATIONS_MIGRATIONS: Readonly<Record<number, AnnotationsMigration>> = {
  1: v1ToV2,
};

/** The outcome of bringing a document up to the current version. */
export type MigrationOutcome =
  | { ok: true; doc: RawDocument; fromVersion: number }
  | { ok: false; reason: 'newer' | 'unversioned'; message: string };

/**
 * Applies migrations in order from the document's `schemaVersion` up to the current one. A
 * document from a newer version of the toolkit is refused: reading it could silently drop fields
 * this version does not know, and saving would then destroy them.
 */
export function migrateAnnotationsDocument(doc: RawDocument): MigrationOutcome {
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason: 'unversioned',
      message: `schemaVersion: expected a whole number from 1 to ${ANNOTATIONS_SCHEMA_VERSION}, found ${JSON.stringify(version) ?? 'nothing'}`,
    };
  }
  if (version > ANNOTATIONS_SCHEMA_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      message: `schemaVersion: made by a newer version of OnMuni Toolkit (annotations format ${version}; this version reads formats 1 to ${ANNOTATIONS_SCHEMA_VERSION}). Update OnMuni Toolkit, then try again.`,
    };
  }
  let current = doc;
  for (let v = version; v < ANNOTATIONS_SCHEMA_VERSION; v++) {
    const step = ANNOTATIONS_MIGRATIONS[v];
    if (!step) throw new Error(`No annotations migration from version ${v}`); // a programming error
    current = step(current);
  }
  return { ok: true, doc: current, fromVersion: version };
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
