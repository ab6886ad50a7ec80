import { OwnDocumentError } from '../../core/ownDocuments/errors';
import { createOwnDocumentsStore } from '../../core/ownDocuments/ownDocumentsStore';
import type { OwnDocumentsDatabase } from '../../core/ownDocuments/schema';
import { StoreSession, type StoreSnapshot } from '../../core/store/StoreSession';
import { sessionLoader } from '../../core/store/sessionLoader';
import { flushOnPageHide } from '../common/flushOnPageHide';
import { useStoreSession, type StoreSessionState } from '../common/useStoreSession';

/** What a screen sees: the documents and how saving is going. */
export type OwnDocumentsSnapshot = StoreSnapshot<OwnDocumentsDatabase>;

/** The own-documents session: an OwnDocumentError comes back from `apply` as the refusal. */
export type OwnDocumentsSession = StoreSession<OwnDocumentsDatabase, OwnDocumentError>;

/** The session for a host's storage, loaded on first use and shared by every screen after. */
export const ownDocumentsSessionFor = sessionLoader(
  createOwnDocumentsStore,
  (backend, loaded): OwnDocumentsSession =>
    new StoreSession(backend, loaded, {
      refusal: (error) => (error instanceof OwnDocumentError ? error : undefined),
      skipUnchanged: true,
    }),
  flushOnPageHide,
);

/** The shared own-documents session of this window, re-rendering on every change. */
export function useOwnDocuments(): StoreSessionState<OwnDocumentsSession, OwnDocumentsSnapshot> {
  return useStoreSession(ownDocumentsSessionFor);
}
