import type { DocumentStore } from '../../core/store/createDocumentStore';
import type { LoadReport } from '../../core/store/DocumentStorage';
import type { HostStorage } from '../../host/Host';

/** Where the latest change stands, for the visible save status. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What a screen sees: the data and how saving is going. Replaced (never mutated) on change. */
export interface StoreSnapshot<T> {
  db: T;
  saveState: SaveState;
  loadReport: LoadReport;
  /**
   * Bumped when the data is replaced from outside the forms (an import, or its Undo), so forms
   * holding drafts of what they show can start again from the new data (used as a React key).
   */
  generation: number;
}

/** How long typing may go on before the change is written (one write per pause, not per key). */
export const TYPING_SAVE_DELAY_MS = 600;

/** Why `applyStored` gave up when the data changed under it. */
export const CHANGED_WHILE_STORING =
  'the data changed while this was being stored, so nothing was imported; import the file again';

/** What differs from one feature's session to another's. */
export interface StoreSessionOptions<E> {
  /**
   * Turns an error an operation threw into what `apply` returns (the feature's refusal, for the
   * form to show), or `undefined` for any other error, which is a bug and is thrown again.
   */
  refusal(error: unknown): E | undefined;
  /** When an operation returns the very same database, show and save nothing. */
  skipUnchanged?: boolean;
}

/**
 * One feature's database for every screen of one window, over its lowdb store. Operations are
 * pure: `apply` runs one on the current database, shows the result at once and saves it.
 */
export class StoreSession<T, E> {
  private snapshot: StoreSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Saves still running: "saved" only once the last one has finished. */
  private pending = 0;

  constructor(
    private readonly store: DocumentStore<T>,
    loadReport: LoadReport,
    private readonly options: StoreSessionOptions<E>,
  ) {
    this.snapshot = { db: store.db.data, saveState: { status: 'idle' }, loadReport, generation: 0 };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): StoreSnapshot<T> => this.snapshot;

  /**
   * Runs an operation on the current database. On success the result is shown at once and saved
   * (after `delayMs` when the user is typing); the feature's refusal is returned, not thrown, so
   * the form can show it in an alert while the data stays as it was. `replacesAll` marks an
   * import (it bumps `generation`).
   */
  apply(operation: (db: T) => T, delayMs = 0, replacesAll = false): E | null {
    let next: T;
    try {
      next = operation(this.snapshot.db);
    } catch (error) {
      const refusal = this.options.refusal(error);
      if (refusal !== undefined) return refusal;
      throw error;
    }
    if (this.options.skipUnchanged && next === this.snapshot.db) return null;
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

  /**
   * Runs an operation that replaces much of the data (an import, a merge) and shows its result
   * only once it is stored. When storage refuses it (in a browser, data too large for the site's
   * storage), nothing changes, on screen or in storage, and the reason comes back as
   * `{ notSaved }`; a refusal of the operation itself comes back as `{ refused }`.
   */
  async applyStored(
    operation: (db: T) => T,
    replacesAll = true,
  ): Promise<{ refused: E } | { notSaved: string } | null> {
    let next: T;
    try {
      next = operation(this.snapshot.db);
    } catch (error) {
      const refusal = this.options.refusal(error);
      if (refusal !== undefined) return { refused: refusal };
      throw error;
    }
    const previous = this.snapshot.db;
    const previousSaveState = this.snapshot.saveState;
    // A typed change still waiting for its pause is part of `previous`: it is written either way.
    const typingPending = this.timer !== undefined;
    if (typingPending) clearTimeout(this.timer);
    this.timer = undefined;
    this.store.replace(next);
    this.pending += 1;
    this.set({ saveState: { status: 'saving' } });
    try {
      await this.store.save();
    } catch (error) {
      this.pending -= 1;
      // An edit made meanwhile (on the data as shown) is in the store now: keep it.
      if (this.store.db.data === next) this.store.replace(previous);
      // Nothing changed, so the save status says what it said before (never "saved" for this).
      if (typingPending) void this.save();
      else if (this.pending === 0) this.set({ saveState: previousSaveState });
      return { notSaved: error instanceof Error ? error.message : String(error) };
    }
    this.pending -= 1;
    if (this.snapshot.db !== previous) {
      // Someone changed the data while it was being stored; their change was made on the data as
      // shown and is saved after this one, so it stands and the import does not.
      if (this.pending === 0 && this.timer === undefined) {
        this.set({ saveState: { status: 'saved' } });
      }
      return { notSaved: CHANGED_WHILE_STORING };
    }
    this.set(replacesAll ? { db: next, generation: this.snapshot.generation + 1 } : { db: next });
    if (this.pending === 0) this.set({ saveState: { status: 'saved' } });
    return null;
  }

  /** Writes a change still waiting for its typing pause now (leaving a field, closing the page). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.save();
  }

  /** Shows data that is already saved elsewhere, without writing it (it goes with the next save). */
  protected show(next: T): void {
    this.store.replace(next);
    this.set({ db: next });
  }

  private async save(): Promise<void> {
    this.pending += 1;
    this.set({ saveState: { status: 'saving' } });
    try {
      await this.store.save();
      this.pending -= 1;
      // A later change may still be waiting or writing; its own save will report.
      if (this.timer === undefined && this.pending === 0)
        this.set({ saveState: { status: 'saved' } });
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

  private set(patch: Partial<StoreSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/**
 * Makes a feature's `sessionFor(storage)`: the session for a host's storage, loaded on first use
 * and shared by every screen afterwards. A load that throws is not cached, so the next screen
 * tries again. A change still waiting for its typing pause is written when the window closes.
 */
export function sessionLoader<T, S extends StoreSession<T, unknown>>(
  createStore: (storage: HostStorage) => DocumentStore<T>,
  createSession: (store: DocumentStore<T>, report: LoadReport) => S,
): (storage: HostStorage) => Promise<S> {
  const sessions = new WeakMap<HostStorage, Promise<S>>();
  const open = async (storage: HostStorage): Promise<S> => {
    const store = createStore(storage);
    const report = await store.load();
    const session = createSession(store, report);
    window.addEventListener('pagehide', () => session.flush());
    return session;
  };
  return (storage) => {
    let session = sessions.get(storage);
    if (!session) {
      session = open(storage);
      sessions.set(storage, session);
      session.catch(() => sessions.delete(storage));
    }
    return session;
  };
}
