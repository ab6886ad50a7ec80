import { useStoreSession, type StoreSessionState } from '../common/useStoreSession';
import {
  annotationsSessionFor,
  type AnnotationsSession,
  type AnnotationsSnapshot,
} from './annotationsSession';

/** The annotations while they load, once loaded (the session and its snapshot), or failed. */
export type AnnotationsState = StoreSessionState<AnnotationsSession, AnnotationsSnapshot>;

/** The shared annotations session of this window, re-rendering on every change. */
export function useAnnotations(): AnnotationsState {
  return useStoreSession(annotationsSessionFor);
}
