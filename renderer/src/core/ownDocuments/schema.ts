import { z } from 'zod';
import { boundedText, hasNoRepeats, requiredText } from '../common/storedFields';
import { DOC_ID_PATTERN } from '../content/ids';
import { PACK_LIMITS } from '../packs/limits';
import { isMemberId } from '../team/hlc';

/**
 * The current format of the own-documents database (stored under the `own-documents` key). Bump
 * it, describe the change in `migrations.ts` and add a migration when the shape changes.
 */
export const OWN_DOCUMENTS_SCHEMA_VERSION = 2;

/**
 * Limits of what is stored. They are wider than the content rules (a title of 120 characters, a
 * summary of 500), which are checked when a document is saved from the editor: the store only
 * keeps a bad import or a hand-edited file harmless. The body may be as large as a pack allows a
 * Markdown file to be, so every stored document can be exported.
 */
export const OWN_LIMITS = {
  documents: 2_000,
  title: 1_000,
  summary: 5_000,
  body: PACK_LIMITS.maxMarkdownBytes,
  topics: 50,
  sources: 100,
  sourceTitle: 300,
  url: 2_000,
  /** Each save keeps a version; the oldest go beyond this many. */
  versions: 50,
  /**
   * The versions of one document together keep at most this many characters (the newest always
   * stays): in the browser edition everything lives in the site's few megabytes of Web Storage.
   */
  historyCharacters: 1_000_000,
} as const;

/** An ISO timestamp such as `2026-11-26T14:05:00.000Z` (as `Date.toISOString()` writes it). */
const timestamp = z.iso.datetime({ error: 'problems:field.dateTime' });

/** The id of an own document: kebab-case, so `own--<id>` is a library document id. */
const ownId = z
  .string()
  .max(64, { error: 'problems:field.recordId' })
  .regex(DOC_ID_PATTERN, { error: 'problems:field.recordId' });

/** A source the writer cites: a title and a web address (checked by the content rules on save). */
export const ownSourceSchema = z.strictObject({
  title: requiredText(OWN_LIMITS.sourceTitle),
  url: requiredText(OWN_LIMITS.url),
});
export type OwnSource = z.infer<typeof ownSourceSchema>;

/** What the writer writes: the same fields in the document and in each of its versions. */
const contentFields = {
  title: requiredText(OWN_LIMITS.title),
  summary: requiredText(OWN_LIMITS.summary),
  /** Topic ids of the controlled vocabulary (content/vocabulary.yml). */
  topics: z
    .array(z.string().regex(DOC_ID_PATTERN))
    .max(OWN_LIMITS.topics)
    .refine(hasNoRepeats, { error: 'problems:field.listedTwice' }),
  /** Markdown. */
  body: boundedText(OWN_LIMITS.body),
  sources: z.array(ownSourceSchema).max(OWN_LIMITS.sources),
};

export const ownContentSchema = z.strictObject(contentFields);
/** The part of a document the writer edits. */
export type OwnContent = z.infer<typeof ownContentSchema>;

export const ownVersionSchema = z.strictObject({ ...contentFields, saved: timestamp });
/** One saved state of a document. */
export type OwnVersion = z.infer<typeof ownVersionSchema>;

export const ownDocumentSchema = z.strictObject({
  id: ownId,
  ...contentFields,
  created: timestamp,
  updated: timestamp,
  /** Oldest first; the last is the content as it is now (saved at `updated`). */
  versions: z.array(ownVersionSchema).min(1).max(OWN_LIMITS.versions),
  /** "Share with team" (issue 16): the document goes to the team folder (not its versions). */
  shared: z.boolean(),
  /**
   * The member who last shared the document (null: never shared): kept when sharing stops, so
   * the withdrawal travels too; teammates see the document as written by this member.
   */
  sharedBy: z.string().refine(isMemberId, { error: 'problems:field.memberId' }).nullable(),
});
/** A document the user wrote in the app. */
export type OwnDocument = z.infer<typeof ownDocumentSchema>;

const uniqueIds = (list: readonly { id: string }[]) =>
  new Set(list.map((item) => item.id)).size === list.length;

export const ownDocumentsDatabaseSchema = z.strictObject({
  schemaVersion: z.literal(OWN_DOCUMENTS_SCHEMA_VERSION),
  documents: z
    .array(ownDocumentSchema)
    .max(OWN_LIMITS.documents)
    .refine(uniqueIds, { error: 'problems:field.listedTwice' }),
});
export type OwnDocumentsDatabase = z.infer<typeof ownDocumentsDatabaseSchema>;

/** No documents yet. */
export function emptyOwnDocumentsDatabase(): OwnDocumentsDatabase {
  return { schemaVersion: OWN_DOCUMENTS_SCHEMA_VERSION, documents: [] };
}
