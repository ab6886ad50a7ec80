import type { HostStorage } from '../../host/Host';
import { PlannerError } from '../../core/planner/operations/common';
import { createPlannerStore, type PlannerStore } from '../../core/planner/plannerStore';
import type { PlannerDatabase } from '../../core/planner/schema';
import type { LoadReport } from '../../core/store/DocumentStorage';

/** Where the latest change stands, for the visible save status. */
export type PlannerSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export interface PlannerSnapshot {
  db: PlannerDatabase;
  saveState: PlannerSaveState;
  loadReport: LoadReport;
  /**
   * Bumped when the data is replaced from outside the forms (an import, or its Undo), so forms
   * holding drafts of what they show can start again from the new data (used as a React key).
   */
  generation: number;
}

/** How long typing may go on before the change is written (one write per pause, not per key). */
export const TYPING_SAVE_DELAY_MS = 600;

/**
 * The planner database for every screen of one window: the planner pages and the Reader's
 * "Add to plan" share it, so a task added from a case study shows in the plan at once. Operations
 * are pure: `apply` runs one on the current database, shows the result and saves it.
 */
export class PlannerSession {
  private snapshot: PlannerSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: PlannerStore,
    loadReport: LoadReport,
  ) {
    this.snapshot = { db: store.db.data, saveState: { status: 'idle' }, loadReport, generation: 0 };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): PlannerSnapshot => this.snapshot;

  /**
   * Runs an operation on the current database. On success the result is shown at once and saved
   * (after `delayMs` when the user is typing); a PlannerError is returned, not thrown, so the
   * form can show it in an alert while the data stays as it was. `replacesAll` marks an import.
   */
  apply(
    operation: (db: PlannerDatabase) => PlannerDatabase,
    delayMs = 0,
    replacesAll = false,
  ): PlannerError | null {
    let next: PlannerDatabase;
    try {
      next = operation(this.snapshot.db);
    } catch (error) {
      if (error instanceof PlannerError) return error;
      throw error;
    }
    this.store.replace(next);
    this.set(replacesAll ? { db: next, generation: this.snapshot.generation + 1 } : { db: next });
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (delayMs > 0) {
      this.set({ saveState: { status: 'saving' } });
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.save();
      }, delayMs);
    } else {
      void this.save();
    }
    return null;
  }

  /** Writes a change still waiting for its typing pause now (leaving a field, closing the page). */
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
      // A later change may already be waiting; its own save will report.
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

  private set(patch: Partial<PlannerSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<HostStorage, Promise<PlannerSession>>();

/**
 * The session for a host's storage, loaded on first use and shared afterwards. A load that throws
 * is not cached, so the next screen tries again.
 */
export function plannerSessionFor(storage: HostStorage): Promise<PlannerSession> {
  let session = sessions.get(storage);
  if (!session) {
    session = openSession(storage);
    sessions.set(storage, session);
    session.catch(() => sessions.delete(storage));
  }
  return session;
}

async function openSession(storage: HostStorage): Promise<PlannerSession> {
  const store = createPlannerStore(storage);
  const report = await store.load();
  const session = new PlannerSession(store, report);
  // A change still waiting for its typing pause must not be lost when the window closes.
  window.addEventListener('pagehide', () => session.flush());
  return session;
}
