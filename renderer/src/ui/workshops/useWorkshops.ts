import { useStoreSession, type StoreSessionState } from '../common/useStoreSession';
import {
  workshopsSessionFor,
  type WorkshopsSession,
  type WorkshopsSnapshot,
} from './workshopsSession';

/** The workshops store while it loads, once loaded, or failed. */
export type WorkshopsState = StoreSessionState<WorkshopsSession, WorkshopsSnapshot>;

/** The shared workshops session of this window, re-rendering on every change. */
export function useWorkshops(): WorkshopsState {
  return useStoreSession(workshopsSessionFor);
}
