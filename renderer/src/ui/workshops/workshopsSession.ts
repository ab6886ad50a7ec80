import type { HostStorage } from '../../host/Host';
import { WorkshopError } from '../../core/workshops/errors';
import type { WorkshopSession, WorkshopsDatabase } from '../../core/workshops/schema';
import { createWorkshopsStore, type WorkshopsStore } from '../../core/workshops/workshopsStore';
import type { LoadReport } from '../../core/store/DocumentStorage';

/** Where the latest change stands, for the visible save status. */
export type WorkshopsSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export interface WorkshopsSnapshot {
  db: WorkshopsDatabase;
  saveState: WorkshopsSaveState;
  loadReport: LoadReport;
}

/** How long typing may go on before the change is written (one write per pause, not per key). */
export const TYPING_SAVE_DELAY_MS = 600;

/**
 * The workshops database for every screen of one window. Operations are pure: `apply` runs one on
 * the current database, shows the result and saves it. `adoptSession` takes a session another
 * window of the same presentation has already saved, without writing it again.
 */
export class WorkshopsSession {
  private snapshot: WorkshopsSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: WorkshopsStore,
    loadReport: LoadReport,
  ) {
    this.snapshot = { db: store.db.data, saveState: { status: 'idle' }, loadReport };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): WorkshopsSnapshot => this.snapshot;

  /**
   * Runs an operation on the current database. On success the result is shown at once and saved
   * (after `delayMs` while the user types); a WorkshopError is returned, not thrown, so the form
   * can show it while the data stays as it was.
   */
  apply(
    operation: (db: WorkshopsDatabase) => WorkshopsDatabase,
    delayMs = 0,
  ): WorkshopError | null {
    let next: WorkshopsDatabase;
    try {
      next = operation(this.snapshot.db);
    } catch (error) {
      if (error instanceof WorkshopError) return error;
      throw error;
    }
    if (next === this.snapshot.db) return null;
    this.store.replace(next);
    this.set({ db: next });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (delayMs > 0) {
      this.set({ saveState: { status: 'saving' } });
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.save();
      }, delayMs);
    } else void this.save();
    return null;
  }

  /** Shows a session another window recorded and saved (it is written with our next change). */
  adoptSession(session: WorkshopSession): void {
    const db = this.snapshot.db;
    const exists = db.sessions.some((s) => s.id === session.id);
    const next: WorkshopsDatabase = {
      ...db,
      sessions: exists
        ? db.sessions.map((s) => (s.id === session.id ? session : s))
        : [...db.sessions, session],
    };
    this.store.replace(next);
    this.set({ db: next });
  }

  /** Writes a change still waiting for its typing pause now. */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.save();
  }

  private async save(): Promise<void> {
    this.set({ saveState: { status: 'saving' } });
    try {
      await this.store.save();
      if (this.timer === undefined) this.set({ saveState: { status: 'saved' } });
    } catch (error) {
      this.set({
        saveState: {
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        },
      });
    }
  }

  private set(patch: Partial<WorkshopsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<HostStorage, Promise<WorkshopsSession>>();

/** The session for a host's storage, loaded on first use and shared by every screen after. */
export function workshopsSessionFor(storage: HostStorage): Promise<WorkshopsSession> {
  let session = sessions.get(storage);
  if (!session) {
    session = openSession(storage);
    sessions.set(storage, session);
    session.catch(() => sessions.delete(storage));
  }
  return session;
}

async function openSession(storage: HostStorage): Promise<WorkshopsSession> {
  const store = createWorkshopsStore(storage);
  const report = await store.load();
  const session = new WorkshopsSession(store, report);
  // A change still waiting for its typing pause must not be lost when the window closes.
  window.addEventListener('pagehide', () => session.flush());
  return session;
}
