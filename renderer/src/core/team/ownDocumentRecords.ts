/**
 * The own-documents database as team records (itemRecords.ts): one `document` record per
 * document. Its `value` is the document without its versions; `versions` (the last 50 saves) is
 * a local field, kept in this device's records and never published, so the history of a draft
 * stays with its writer.
 *
 * A document shared with the team can be edited by any teammate: the latest save wins, whole
 * (last writer wins per document, as the `value` register decides). That is simpler than a
 * read-only copy and loses nothing that was shared: every member keeps the versions they saved
 * or saw, and an edit made over a teammate's newer one is still a save of the whole document.
 * A document read from a teammate has no local versions yet: its history starts with what it
 * is now, and a later teammate's edit seen here is added as a version.
 */
import {
  OWN_DOCUMENTS_SCHEMA_VERSION,
  OWN_LIMITS,
  ownDocumentSchema,
  ownVersionSchema,
  type OwnDocument,
  type OwnDocumentsDatabase,
  type OwnVersion,
} from '../ownDocuments/schema';
import { sameOwnContent, ownContentOf, withVersion } from '../ownDocuments/operations';
import type { Materialized } from '../store/recordLogBackend';
import {
  itemWrites,
  materializeItems,
  type ItemRecordNotice,
  type ItemRecordSpec,
} from './itemRecords';
import type { FieldValue, RecordSet, Write } from './records';

/** The local field of a document record: its versions, never published. */
export const DOCUMENT_LOCAL_FIELDS = ['versions'] as const;

/** A document as its `value` register holds it: all but its versions. */
const documentValueSchema = ownDocumentSchema.omit({ versions: true });

const documentSpec: ItemRecordSpec<OwnDocument> = {
  kind: 'document',
  valueOf: (doc) => {
    const value: Record<string, unknown> = { ...doc };
    delete value.versions;
    return value as FieldValue;
  },
  localOf: (doc) => ({ versions: doc.versions }),
  read: (register, local) => {
    const content = documentValueSchema.safeParse(register.value);
    if (!content.success) return null;
    const versions = versionsFor(content.data, local.versions);
    return ownDocumentSchema.safeParse({ ...content.data, versions }).data ?? null;
  },
  order: (doc) => doc.created,
};

/**
 * The versions shown with a document: the local ones when they end with its content as it is
 * (its latest save was made or seen here), else those and its content now as the newest.
 */
function versionsFor(
  doc: Omit<OwnDocument, 'versions'>,
  stored: FieldValue | undefined,
): OwnVersion[] {
  const local = Array.isArray(stored)
    ? stored.flatMap((version) => {
        const parsed = ownVersionSchema.safeParse(version);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  const newest = local[local.length - 1];
  if (newest && sameOwnContent(newest, doc)) return local.slice(-OWN_LIMITS.versions);
  return withVersion(local, { ...ownContentOf(doc), saved: doc.updated });
}

/** The writes that turn `prev` into `next`: one per document that changed. */
export function ownDocumentWrites(prev: OwnDocumentsDatabase, next: OwnDocumentsDatabase): Write[] {
  return itemWrites(documentSpec, prev.documents, next.documents);
}

/** The own-documents database the records stand for, by creation; invalid ones left out. */
export function materializeOwnDocuments(
  records: RecordSet,
  previous?: Materialized<OwnDocumentsDatabase, ItemRecordNotice>,
): Materialized<OwnDocumentsDatabase, ItemRecordNotice> {
  const { items, notices } = materializeItems(
    documentSpec,
    records,
    DOCUMENT_LOCAL_FIELDS,
    previous?.db.documents,
  );
  const db: OwnDocumentsDatabase =
    previous && items === previous.db.documents
      ? previous.db
      : { schemaVersion: OWN_DOCUMENTS_SCHEMA_VERSION, documents: [...items] };
  return { db, notices };
}
