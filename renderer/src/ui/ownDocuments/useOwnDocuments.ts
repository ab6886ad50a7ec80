import { useStoreSession, type StoreSessionState } from '../common/useStoreSession';
import {
  ownDocumentsSessionFor,
  type OwnDocumentsSession,
  type OwnDocumentsSnapshot,
} from './ownDocumentsSession';

/**
 * The shared own-documents session of this window, re-rendering on every change. Apart from the
 * session itself, so that code without React (the team session) can open the session.
 */
export function useOwnDocuments(): StoreSessionState<OwnDocumentsSession, OwnDocumentsSnapshot> {
  return useStoreSession(ownDocumentsSessionFor);
}
