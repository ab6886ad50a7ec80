import { OwnDocumentError } from '../../core/ownDocuments/errors';
import { createOwnDocumentsStore } from '../../core/ownDocuments/ownDocumentsStore';
import type { OwnDocumentsDatabase } from '../../core/ownDocuments/schema';
import { RecordStoreSession } from '../../core/store/RecordStoreSession';
import type { StoreSnapshot } from '../../core/store/StoreSession';
import type { ItemRecordNotice } from '../../core/team/itemRecords';
import { sessionLoader } from '../../core/store/sessionLoader';
import { flushOnPageHide } from '../common/flushOnPageHide';

/** What a screen sees: the documents and how saving is going. */
export type OwnDocumentsSnapshot = StoreSnapshot<OwnDocumentsDatabase>;

/**
 * The own-documents session: an OwnDocumentError comes back from `apply` as the refusal. Its data
 * are records (ownDocumentRecords.ts): the team folder merges teammates' shared documents in.
 */
export type OwnDocumentsSession = RecordStoreSession<
  OwnDocumentsDatabase,
  OwnDocumentError,
  ItemRecordNotice
>;

/** The session for a host's storage, loaded on first use and shared by every screen after. */
export const ownDocumentsSessionFor = sessionLoader(
  (storage) => createOwnDocumentsStore(storage),
  (backend, loaded): OwnDocumentsSession =>
    new RecordStoreSession(backend, loaded, {
      refusal: (error) => (error instanceof OwnDocumentError ? error : undefined),
      skipUnchanged: true,
    }),
  flushOnPageHide,
);
