import type { DocumentStorage } from '../store/DocumentStorage';
import { createJsonDocumentBackend } from '../store/jsonDocumentBackend';
import { createRecordLogBackend, type RecordLogBackend } from '../store/recordLogBackend';
import type { MemberId } from '../team/hlc';
import { localMemberId } from '../team/identity';
import type { ItemRecordNotice } from '../team/itemRecords';
import { materializeOwnDocuments, ownDocumentWrites } from '../team/ownDocumentRecords';
import { parseOwnDocumentsDocument } from './parseOwnDocumentsDocument';
import { emptyOwnDocumentsDatabase, type OwnDocumentsDatabase } from './schema';

/**
 * The own documents' name in host storage: their records are `own-documents-records` and
 * `own-documents-log-<n>` (recordLogBackend.ts). `own-documents` itself is the whole-document
 * store of format 2 and older, read once to move its data into records and then left as it was,
 * as the backup.
 */
export const OWN_DOCUMENTS_KEY = 'own-documents';

/** The store holding the documents the user wrote, as records (ownDocumentRecords.ts). */
export type OwnDocumentsStore = RecordLogBackend<OwnDocumentsDatabase, ItemRecordNotice>;

/**
 * Creates the own-documents store over a host's storage. Operations are pure (they return a new
 * database); a `StoreSession` loads the store and saves each database they return: only the
 * documents that changed are written. `me` is this machine's member id (by default the one kept
 * in `storage`), whose clock stamps every change.
 */
export function createOwnDocumentsStore(
  storage: DocumentStorage,
  me: MemberId | (() => Promise<MemberId>) = () => localMemberId(storage),
): OwnDocumentsStore {
  const legacy = createJsonDocumentBackend({
    storage,
    key: OWN_DOCUMENTS_KEY,
    parse: parseOwnDocumentsDocument,
    defaults: emptyOwnDocumentsDatabase,
  });
  return createRecordLogBackend({
    storage,
    key: OWN_DOCUMENTS_KEY,
    me,
    writes: ownDocumentWrites,
    materialize: materializeOwnDocuments,
    legacy: { key: OWN_DOCUMENTS_KEY, load: () => legacy.load() },
  });
}
