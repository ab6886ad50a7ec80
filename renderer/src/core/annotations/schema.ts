import { z } from 'zod';
import { storedDocId } from '../common/storedFields';
import type { DocId } from '../content/ids';
import { AUTHOR_NAME_MAX } from '../settings/settingsSchema';
import { HLC_PATTERN, type Hlc } from '../team/hlc';
import { CONTENT_VERSION_PATTERN } from './contentVersion';
import { ANNOTATION_ID_PATTERN, type AnnotationId } from './ids';
import { MEANINGS } from './meanings';

/**
 * The current format of the annotations database (stored under the `annotations` key) and of the
 * annotation collections we export. Bump it and add a migration in `migrations.ts` to change it.
 */
export const ANNOTATIONS_SCHEMA_VERSION = 5;

/** Field limits: generous for real use, small enough to keep a hostile import harmless. */
export const ANNOTATION_LIMITS = {
  note: 10_000,
  tag: 60,
  tags: 30,
  /** Longest highlighted passage kept. */
  exact: 20_000,
  /** Longest prefix or suffix accepted from a file (we write 32 characters). */
  context: 256,
  author: AUTHOR_NAME_MAX,
  annotations: 50_000,
  tombstones: 100_000,
} as const;

/** W3C motivations we use: a plain highlight, a highlight with a note, one with tags only. */
export const MOTIVATIONS = ['highlighting', 'commenting', 'tagging'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

/** Body purposes: the note, each tag, and the meaning (see `meanings.ts`). */
export const BODY_PURPOSES = ['commenting', 'tagging', 'classifying'] as const;

/** The IRI prefix of a document in our corpus, used as the annotation target's `source`. */
export const DOC_SOURCE_PREFIX = 'onmuni:doc/';

/** The target `source` for a document. */
export function docSource(docId: DocId): string {
  return `${DOC_SOURCE_PREFIX}${docId}`;
}

const annotationId = z
  .string()
  .regex(ANNOTATION_ID_PATTERN, { error: 'problems:field.annotationId' })
  .transform((value) => value as AnnotationId);

/** UTC date-times as `Date.toISOString()` writes them (other precisions of seconds allowed). */
const timestamp = z.iso.datetime({ error: 'problems:field.utcDateTime' });

/**
 * A hybrid logical clock stamp (`core/team/hlc.ts`): what orders changes in merges. Wall times
 * (`created`, `modified`, `deleted`) are for people to read and for other W3C tools; a laptop's
 * clock that is off cannot reorder edits through them.
 */
const clockStamp = z
  .string()
  .regex(HLC_PATTERN, { error: 'problems:field.clockStamp' })
  .transform((value) => value as Hlc);

const offset = z.number().int({ error: 'problems:field.wholeNumber' }).min(0).max(100_000_000);

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .min(1, { error: 'problems:field.empty' })
    .max(ANNOTATION_LIMITS.exact, { error: 'problems:field.tooLong' }),
  prefix: z.string().max(ANNOTATION_LIMITS.context),
  suffix: z.string().max(ANNOTATION_LIMITS.context),
});

export const textPositionSelectorSchema = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((s) => s.end > s.start, { error: 'problems:field.endBeforeStart', path: ['end'] });

export const selectorSchema = z.discriminatedUnion('type', [
  textQuoteSelectorSchema,
  textPositionSelectorSchema,
]);

export const targetSchema = z
  .strictObject({
    source: z.string(),
    /** Extension: the document id, so nothing has to parse `source`. */
    docId: storedDocId,
    /** Extension: `contentVersion()` of the document's text when the selectors were made. */
    contentVersion: z
      .string()
      .regex(CONTENT_VERSION_PATTERN, { error: 'problems:field.contentVersion' }),
    /**
     * Extension: `contentVersion()` of a later text of the document on which the owner reviewed
     * the annotation after an update and kept it as it is (its passage was gone), so it is not
     * listed for review again until the text changes once more (see `review.ts`).
     */
    reviewedVersion: z
      .string()
      .regex(CONTENT_VERSION_PATTERN, { error: 'problems:field.contentVersion' })
      .optional(),
    selector: z.array(selectorSchema).min(1).max(2),
    /**
     * Extension: `fr` when made on the French version of the document (its own text, offsets and
     * content version); absent for the English version (documentVersion.ts).
     */
    lang: z.literal('fr').optional(),
  })
  .superRefine((target, ctx) => {
    if (target.source !== docSource(target.docId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'problems:field.sourceMismatch',
        params: { source: docSource(target.docId) },
      });
    }
    const types = target.selector.map((s) => s.type);
    if (types.filter((t) => t === 'TextQuoteSelector').length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['selector'], message: 'problems:field.quoteSelector' });
    }
    if (types.filter((t) => t === 'TextPositionSelector').length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['selector'],
        message: 'problems:field.positionSelectors',
      });
    }
  });

/** Notes are plain text: `format` is always text/plain, so no consumer renders them as HTML. */
export const textualBodySchema = z.strictObject({
  type: z.literal('TextualBody'),
  purpose: z.enum(BODY_PURPOSES),
  value: z.string(),
  format: z.literal('text/plain'),
});

/** One meaning, at most one note, distinct non-blank tags, each within its limits. */
const bodySchema = z
  .array(textualBodySchema)
  .min(1, { error: 'problems:field.noBody' })
  .max(ANNOTATION_LIMITS.tags + 2)
  .superRefine((bodies, ctx) => {
    const count = (purpose: string) => bodies.filter((b) => b.purpose === purpose).length;
    if (count('classifying') !== 1) {
      ctx.addIssue({ code: 'custom', message: 'problems:field.meaningBodies' });
    }
    if (count('commenting') > 1) {
      ctx.addIssue({ code: 'custom', message: 'problems:field.noteBodies' });
    }
    if (count('tagging') > ANNOTATION_LIMITS.tags) {
      ctx.addIssue({
        code: 'custom',
        message: 'problems:field.tooManyTags',
        params: { limit: ANNOTATION_LIMITS.tags },
      });
    }
    const tags = new Set<string>();
    bodies.forEach((body, index) => {
      const problem = bodyValueProblem(body.purpose, body.value, tags);
      if (problem) ctx.addIssue({ code: 'custom', path: [index, 'value'], ...problem });
    });
  });

/** What is wrong with a body's value: a `problems:field.*` key and its values, or null. */
function bodyValueProblem(
  purpose: string,
  value: string,
  tags: Set<string>,
): { message: string; params?: Record<string, string | number> } | null {
  const tooLong = (maximum: number) => ({ message: 'problems:field.tooLong', params: { maximum } });
  if (purpose === 'classifying') {
    return (MEANINGS as readonly string[]).includes(value)
      ? null
      : { message: 'problems:field.meaning', params: { meanings: MEANINGS.join(', ') } };
  }
  if (value.trim() === '') return { message: 'problems:field.blank' };
  if (purpose === 'commenting') {
    return value.length > ANNOTATION_LIMITS.note ? tooLong(ANNOTATION_LIMITS.note) : null;
  }
  if (value.length > ANNOTATION_LIMITS.tag) return tooLong(ANNOTATION_LIMITS.tag);
  const key = tagKey(value);
  if (tags.has(key)) return { message: 'problems:field.tagTwice' };
  tags.add(key);
  return null;
}

/** Tags are compared without regard to case or surrounding space. */
export function tagKey(tag: string): string {
  return tag.trim().toLocaleLowerCase('en-CA');
}

export const creatorSchema = z.strictObject({
  type: z.literal('Person'),
  name: z
    .string()
    .min(1, { error: 'problems:field.empty' })
    .max(ANNOTATION_LIMITS.author, { error: 'problems:field.tooLong' }),
});

export const annotationSchema = z
  .strictObject({
    id: annotationId,
    type: z.literal('Annotation'),
    created: timestamp,
    modified: timestamp,
    /** Extension: the clock stamp of its latest change; the later stamp wins merges. */
    rev: clockStamp,
    /** Extension: private annotations never leave this machine through a team folder. */
    private: z.boolean(),
    creator: creatorSchema,
    motivation: z.enum(MOTIVATIONS),
    body: bodySchema,
    target: targetSchema,
  })
  .refine((a) => Date.parse(a.modified) >= Date.parse(a.created), {
    error: 'problems:field.beforeCreated',
    path: ['modified'],
  });

/** A deleted annotation: kept so that the deletion travels with exports and wins merges. */
export const tombstoneSchema = z.strictObject({
  id: annotationId,
  /** When it was deleted (a wall time, for people to read). */
  deleted: timestamp,
  /** The clock stamp of the deletion: an annotation whose `rev` is not later stays deleted. */
  rev: clockStamp,
  /** The document it was on, so that one document's export can carry its deletions. */
  docId: storedDocId.optional(),
});

/** Reports any id listed twice in `list` at `<path>.<index>.id`. */
export function refineUniqueIds(
  list: readonly { id: string }[],
  path: readonly (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'id'],
        message: 'problems:field.listedTwice',
      });
    }
    seen.add(item.id);
  });
}

/** The fields shared by the stored database and an imported collection once unpacked. */
const annotationSetShape = {
  annotations: z.array(annotationSchema).max(ANNOTATION_LIMITS.annotations),
  tombstones: z.array(tombstoneSchema).max(ANNOTATION_LIMITS.tombstones),
};

/** The stored annotations database, current version. */
export const annotationsDatabaseSchema = z
  .strictObject({
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    ...annotationSetShape,
  })
  .superRefine((db, ctx) => {
    refineUniqueIds(db.annotations, ['annotations'], ctx);
    refineUniqueIds(db.tombstones, ['tombstones'], ctx);
  });

export type TextQuoteSelector = z.output<typeof textQuoteSelectorSchema>;
export type TextPositionSelector = z.output<typeof textPositionSelectorSchema>;
export type Selector = z.output<typeof selectorSchema>;
export type AnnotationTarget = z.output<typeof targetSchema>;
export type TextualBody = z.output<typeof textualBodySchema>;
export type Annotation = z.output<typeof annotationSchema>;
export type Tombstone = z.output<typeof tombstoneSchema>;
export type AnnotationsDatabase = z.output<typeof annotationsDatabaseSchema>;

/** Annotations and the deletions that travel with them: a database without its version. */
export interface AnnotationSet {
  annotations: readonly Annotation[];
  tombstones: readonly Tombstone[];
}

/** An empty database, for a first start. */
export function emptyAnnotationsDatabase(): AnnotationsDatabase {
  return { schemaVersion: ANNOTATIONS_SCHEMA_VERSION, annotations: [], tombstones: [] };
}
