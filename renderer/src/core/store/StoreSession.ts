import type { LoadReport } from './DocumentStorage';
import { timerScheduler, type Scheduler } from './Scheduler';
import type { Loaded, StoreBackend } from './StoreBackend';
import { messageOf } from '../common/errorMessage';

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
  /** What loading found; shown once when stored data could not be used as it was. */
  loadReport: LoadReport;
  /**
   * Bumped when the data is replaced from outside the forms (an import, or its Undo), so forms
   * holding drafts of what they show can start again from the new data (used as a React key).
   */
  generation: number;
}

/** Why `applyStored` gave up when the data changed under it. */
export const CHANGED_WHILE_STORING =
  'the data changed while this was being stored, so nothing was imported; import the file again';

/**
 * An operation's result that carries the new data (`db`) along with something for the caller,
 * such as the record it created or removed (the shape the core operations already return).
 */
export interface Change<T> {
  readonly db: T;
}

/**
 * What a session can hold: an object with no `db` field of its own, so that `apply` can tell an
 * operation that returns the new data from one that returns a `Change`.
 */
export type SessionData = object & { readonly db?: never };

/** What `apply` gives back: the operation's own result, or the feature's refusal of it. */
export type Applied<R, E> = { ok: true; result: R } | { ok: false; refusal: E };

/** What differs from one store to another. */
export interface StoreSessionOptions<E> {
  /**
   * Turns an error an operation threw into the feature's refusal (for the form to show), or
   * `undefined` for any other error, which is a bug and is thrown again. Without it every error
   * is thrown again.
   */
  refusal?(error: unknown): E | undefined;
  /** When an operation returns the very same data, show and save nothing. */
  skipUnchanged?: boolean;
  /** When delayed saves run; the real timers unless a test moves time by hand. */
  scheduler?: Scheduler;
}

/**
 * One store's data for every screen of one window, over a `StoreBackend`. Operations are pure:
 * `apply` runs one on the current data, shows the result at once and saves it, at once or once
 * typing pauses. The snapshot says how saving is going; a save the backend refuses keeps the data
 * on screen and says why, so nothing the user typed is lost while they can still copy it.
 */
export class StoreSession<T extends SessionData, E = never> {
  private snapshot: StoreSnapshot<T>;
  private readonly listeners = new Set<() => void>();
  private readonly scheduler: Scheduler;
  /** Cancels the save waiting for the typing pause, when there is one. */
  private cancelDelayed: (() => void) | undefined;
  /** Saves still running: "saved" only once the last one has finished. */
  private pending = 0;
  /** Settles once every save started so far has finished, whether or not it succeeded. */
  private settled: Promise<void> = Promise.resolve();
  /** Counts data set by `apply` and `applyStored` (not by `show`): see `store`. */
  private edits = 0;

  constructor(
    private readonly backend: StoreBackend<T>,
    loaded: Loaded<T>,
    private readonly options: StoreSessionOptions<E> = {},
  ) {
    this.scheduler = options.scheduler ?? timerScheduler;
    this.snapshot = {
      db: loaded.data,
      saveState: { status: 'idle' },
      loadReport: loaded.report,
      generation: 0,
    };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For useSyncExternalStore. */
  readonly getSnapshot = (): StoreSnapshot<T> => this.snapshot;

  /**
   * Runs an operation on the current data. On success its result comes back, the new data is
   * shown at once and saved (after `delayMs` when the user is typing; a later change restarts
   * the wait). The feature's refusal comes back instead of being thrown, so the form can show it
   * while the data stays as it was. `replacesAll` marks an import (it bumps `generation`).
   */
  apply<R extends T | Change<T>>(
    operation: (db: T) => R,
    delayMs = 0,
    replacesAll = false,
  ): Applied<R, E> {
    let result: R;
    try {
      result = operation(this.snapshot.db);
    } catch (error) {
      return { ok: false, refusal: this.refusalOf(error) };
    }
    const next = dataOf<T>(result);
    if (this.options.skipUnchanged && next === this.snapshot.db) return { ok: true, result };
    this.edits += 1;
    this.set(replacesAll ? { db: next, generation: this.snapshot.generation + 1 } : { db: next });
    this.cancelDelayedSave();
    if (delayMs > 0) {
      this.set({ saveState: { status: 'saving' } });
      this.cancelDelayed = this.scheduler.after(delayMs, () => {
        this.cancelDelayed = undefined;
        this.save();
      });
    } else {
      this.save();
    }
    return { ok: true, result };
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
      return { refused: this.refusalOf(error) };
    }
    const storing = this.store(next, replacesAll);
    this.track(storing);
    return storing;
  }

  /** The part of `applyStored` after the operation ran: store `next`, then show it. */
  private async store(next: T, replacesAll: boolean): Promise<{ notSaved: string } | null> {
    const previous = this.snapshot.db;
    const edits = this.edits;
    const previousSaveState = this.snapshot.saveState;
    // A typed change still waiting for its pause is part of `previous`: it is written either way.
    const typingPending = this.cancelDelayedSave();
    this.pending += 1;
    this.set({ saveState: { status: 'saving' } });
    try {
      await this.backend.save(next);
    } catch (error) {
      this.pending -= 1;
      // Nothing changed, so the save status says what it said before (never "saved" for this).
      // An edit made meanwhile was made on the data as shown, and is saved on its own.
      if (typingPending) this.save();
      else if (this.pending === 0) this.set({ saveState: previousSaveState });
      return { notSaved: messageOf(error) };
    }
    this.pending -= 1;
    if (this.snapshot.db !== previous && this.edits === edits) {
      // Only `show` changed the data meanwhile (teammates' changes merged into a record store),
      // and what it showed holds this save, which was folded in before: the import stands.
      this.edits += 1;
      if (replacesAll) this.set({ generation: this.snapshot.generation + 1 });
      if (this.pending === 0 && this.cancelDelayed === undefined) {
        this.set({ saveState: { status: 'saved' } });
      }
      return null;
    }
    if (this.snapshot.db !== previous) {
      // Someone changed the data while it was being stored; their change was made on the data as
      // shown and is saved after this one, so it stands and the import does not.
      if (this.pending === 0 && this.cancelDelayed === undefined) {
        this.set({ saveState: { status: 'saved' } });
      }
      return { notSaved: CHANGED_WHILE_STORING };
    }
    this.edits += 1;
    this.set(replacesAll ? { db: next, generation: this.snapshot.generation + 1 } : { db: next });
    if (this.pending === 0) this.set({ saveState: { status: 'saved' } });
    return null;
  }

  /** Writes a change still waiting for its typing pause now (leaving a field, closing the page). */
  flush(): void {
    if (this.cancelDelayedSave()) this.save();
  }

  /** Writes the data as it is now, changed or not (e.g. to replace a repaired stored copy). */
  saveNow(): void {
    this.cancelDelayedSave();
    this.save();
  }

  /** Settles once every save started so far has finished (it never rejects: see `saveState`). */
  whenSaved(): Promise<void> {
    return this.settled;
  }

  /**
   * Shows data that is already saved elsewhere, without writing it (it goes with the next save).
   * It must hold every save already started (a record store's merge does: a save is folded into
   * its records when it starts), so an import being stored meanwhile still stands.
   */
  protected show(next: T): void {
    this.set({ db: next });
  }

  private save(): void {
    void this.trackWrite(() => this.backend.save(this.snapshot.db));
  }

  /**
   * Runs a write the save status follows, like a save: "saving" until it and every other write
   * has finished, then "saved", or "failed" with its reason (a merge of teammates' changes being
   * stored, for a session whose backend takes them). Settles, never rejecting, once it has.
   */
  protected trackWrite(write: () => Promise<void>): Promise<void> {
    this.pending += 1;
    this.set({ saveState: { status: 'saving' } });
    const saving = write().then(
      () => {
        this.pending -= 1;
        // A later change may still be waiting or writing; its own save will report.
        if (this.cancelDelayed === undefined && this.pending === 0) {
          this.set({ saveState: { status: 'saved' } });
        }
      },
      (error: unknown) => {
        this.pending -= 1;
        this.set({ saveState: { status: 'failed', message: messageOf(error) } });
      },
    );
    this.track(saving);
    return saving;
  }

  /** Cancels the save waiting for the typing pause; true if there was one. */
  private cancelDelayedSave(): boolean {
    const cancel = this.cancelDelayed;
    this.cancelDelayed = undefined;
    cancel?.();
    return cancel !== undefined;
  }

  /** Adds a save (already handled: it never rejects) to what `whenSaved` waits for. */
  private track(saving: Promise<unknown>): void {
    this.settled = Promise.all([this.settled, saving]).then(() => undefined);
  }

  private refusalOf(error: unknown): E {
    const refusal = this.options.refusal?.(error);
    if (refusal === undefined) throw error;
    return refusal;
  }

  private set(patch: Partial<StoreSnapshot<T>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The new data an operation returned, bare or in a `Change` (`SessionData` has no `db`). */
function dataOf<T extends SessionData>(value: T | Change<T>): T {
  return 'db' in value ? (value as Change<T>).db : value;
}

/** Loads what a backend holds and opens a session over it. */
export async function openStoreSession<T extends SessionData, E = never>(
  backend: StoreBackend<T>,
  options?: StoreSessionOptions<E>,
): Promise<StoreSession<T, E>> {
  return new StoreSession(backend, await backend.load(), options);
}
