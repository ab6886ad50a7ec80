import { WorkshopError } from '../../core/workshops/errors';
import type { WorkshopSession, WorkshopsDatabase } from '../../core/workshops/schema';
import { createWorkshopsStore } from '../../core/workshops/workshopsStore';
import { RecordStoreSession } from '../../core/store/RecordStoreSession';
import type { StoreSnapshot } from '../../core/store/StoreSession';
import type { ItemRecordNotice } from '../../core/team/itemRecords';
import { sessionLoader } from '../../core/store/sessionLoader';
import { flushOnPageHide } from '../common/flushOnPageHide';

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export type WorkshopsSnapshot = StoreSnapshot<WorkshopsDatabase>;

/**
 * The workshops database for every screen of one window. A WorkshopError an operation throws
 * comes back from `apply`; an operation that changes nothing saves nothing. `adoptSession` takes
 * a session another window of the same presentation has already saved, without writing it again.
 * Its data are records (workshopRecords.ts): the team folder merges teammates' shared sessions in.
 */
export class WorkshopsSession extends RecordStoreSession<
  WorkshopsDatabase,
  WorkshopError,
  ItemRecordNotice
> {
  /** Shows a session another window recorded and saved (it is written with our next change). */
  adoptSession(session: WorkshopSession): void {
    const db = this.getSnapshot().db;
    const exists = db.sessions.some((s) => s.id === session.id);
    this.show({
      ...db,
      sessions: exists
        ? db.sessions.map((s) => (s.id === session.id ? session : s))
        : [...db.sessions, session],
    });
  }
}

/** The session for a host's storage, loaded on first use and shared by every screen after. */
export const workshopsSessionFor = sessionLoader(
  (storage) => createWorkshopsStore(storage),
  (backend, loaded) =>
    new WorkshopsSession(backend, loaded, {
      refusal: (error) => (error instanceof WorkshopError ? error : undefined),
      skipUnchanged: true,
    }),
  flushOnPageHide,
);
