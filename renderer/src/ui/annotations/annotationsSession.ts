import {
  AnnotationInputError,
  createAnnotationsStore,
  type AnnotationsDatabase,
  type AnnotationsStore,
} from '../../core/annotations';
import type { LoadReport } from '../../core/store/DocumentStorage';
import type { HostStorage } from '../../host/Host';

/** Where the latest change stands, for the visible save status. */
export type AnnotationsSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export interface AnnotationsSnapshot {
  db: AnnotationsDatabase;
  saveState: AnnotationsSaveState;
  loadReport: LoadReport;
}

/**
 * The annotations database shared by every screen of one window (the reader's margin list and
 * the Annotations page), so a highlight made while reading is on the Annotations page at once.
 * Operations are pure: `apply` runs one on the current database, shows the result and saves it.
 */
export class AnnotationsSession {
  private snapshot: AnnotationsSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Saves still running: "All changes saved" only once the last one has finished. */
  private pending = 0;

  constructor(
    private readonly store: AnnotationsStore,
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
  readonly getSnapshot = (): AnnotationsSnapshot => this.snapshot;

  /**
   * Runs an operation on the current database, shows the result at once and saves it. Input the
   * annotation limits refuse comes back as its list of problems (for an alert), and nothing
   * changes; any other error is a bug and is thrown.
   */
  apply(operation: (db: AnnotationsDatabase) => AnnotationsDatabase): string[] | null {
    let next: AnnotationsDatabase;
    try {
      next = operation(this.snapshot.db);
    } catch (error) {
      if (error instanceof AnnotationInputError) return error.issues;
      throw error;
    }
    this.store.replace(next);
    this.set({ db: next });
    void this.save();
    return null;
  }

  private async save(): Promise<void> {
    this.pending += 1;
    this.set({ saveState: { status: 'saving' } });
    try {
      await this.store.save();
      this.pending -= 1;
      if (this.pending === 0) this.set({ saveState: { status: 'saved' } });
    } catch (error) {
      this.pending -= 1;
      this.set({
        saveState: {
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        },
      });
    }
  }

  private set(patch: Partial<AnnotationsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<HostStorage, Promise<AnnotationsSession>>();

/**
 * The session for a host's storage, loaded on first use and shared afterwards. A load that throws
 * is not cached, so the next screen tries again.
 */
export function annotationsSessionFor(storage: HostStorage): Promise<AnnotationsSession> {
  let session = sessions.get(storage);
  if (!session) {
    session = openSession(storage);
    sessions.set(storage, session);
    session.catch(() => sessions.delete(storage));
  }
  return session;
}

async function openSession(storage: HostStorage): Promise<AnnotationsSession> {
  const store = createAnnotationsStore(storage);
  const report = await store.load();
  return new AnnotationsSession(store, report);
}
