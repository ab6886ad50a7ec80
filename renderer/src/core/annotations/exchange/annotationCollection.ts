import { z } from 'zod';
import { newAnnotationId } from '../ids';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  annotationSchema,
  refineUniqueIds,
  tombstoneSchema,
  ANNOTATION_LIMITS,
  type Annotation,
  type AnnotationSet,
  type Tombstone,
} from '../schema';
import { ANNOTATION_CONTEXT } from './formats';

/**
 * A W3C AnnotationCollection holding every annotation in one embedded page. Two extension
 * properties make it ours: `schemaVersion` (the format of the items, migrated on import) and
 * `tombstones` (deletions, so that a deleted note does not come back when the file is merged).
 */
export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  schemaVersion: number;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
  tombstones: Tombstone[];
}

/** The collection's label, shown by other annotation tools. */
export const COLLECTION_LABEL = 'OnMuni Toolkit annotations';

/** The format before `target.lang` (issue 18), which the apps released before it read. */
const VERSION_BEFORE_LANGUAGES = 4;

/**
 * The format an exported set is stamped with: the lowest that holds it whole (the lead's rule,
 * so a file is refused by no app that could read it). Version 5 only adds `target.lang`, so a set
 * with no annotation on a French version is written as version 4 (its items are the same), which
 * older apps import; one with any is version 5, which they refuse rather than show French
 * highlights on English text. The team folder and local records carry no format number (each
 * record is checked against the annotation schema as it is read), so exports are the only writer.
 */
export function exportSchemaVersion(set: AnnotationSet): number {
  // A new format must decide here what it needs (this fails to compile once the version moves).
  const current: 5 = ANNOTATIONS_SCHEMA_VERSION;
  return set.annotations.some((annotation) => annotation.target.lang !== undefined)
    ? current
    : VERSION_BEFORE_LANGUAGES;
}

/** Builds the collection for a set (all, one document's, or a filtered selection). */
export function toAnnotationCollection(
  set: AnnotationSet,
  options: { now?: Date; id?: string } = {},
): AnnotationCollection {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id ?? newAnnotationId(),
    type: 'AnnotationCollection',
    label: COLLECTION_LABEL,
    generated: (options.now ?? new Date()).toISOString(),
    schemaVersion: exportSchemaVersion(set),
    total: set.annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: [...set.annotations] },
    tombstones: [...set.tombstones],
  };
}

/** The collection as the text of a `.jsonld` file. */
export function serializeAnnotationCollection(
  set: AnnotationSet,
  options: { now?: Date; id?: string } = {},
): string {
  return `${JSON.stringify(toAnnotationCollection(set, options), null, 2)}\n`;
}

/** The shape an imported collection must have once its items are migrated to this version. */
export const annotationCollectionSchema = z
  .strictObject({
    '@context': z.literal(ANNOTATION_CONTEXT, { error: 'problems:annotationsImport.context' }),
    id: z.string().max(1_000).optional(),
    type: z.literal('AnnotationCollection', { error: 'problems:annotationsImport.type' }),
    label: z.string().max(1_000).optional(),
    generated: z.iso.datetime().optional(),
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    total: z.number().int().min(0),
    first: z.strictObject({
      type: z.literal('AnnotationPage'),
      id: z.string().max(1_000).optional(),
      startIndex: z.literal(0).optional(),
      items: z.array(annotationSchema).max(ANNOTATION_LIMITS.annotations),
    }),
    tombstones: z.array(tombstoneSchema).max(ANNOTATION_LIMITS.tombstones).optional(),
  })
  .superRefine((collection, ctx) => {
    if (collection.total !== collection.first.items.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['total'],
        message: 'problems:annotationsImport.totalMismatch',
        params: { total: collection.total, held: collection.first.items.length },
      });
    }
    refineUniqueIds(collection.first.items, ['first', 'items'], ctx);
    refineUniqueIds(collection.tombstones ?? [], ['tombstones'], ctx);
  });
