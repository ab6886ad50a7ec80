import type { Change } from '../team/records';
import type { RecordLogBackend } from './recordLogBackend';
import type { Loaded } from './StoreBackend';
import { StoreSession, type SessionData, type StoreSessionOptions } from './StoreSession';

/**
 * A session over a record-log store (recordLogBackend.ts): every screen's data, plus what the team
 * folder needs, teammates' changes taken in and what reading the records had to repair. What the
 * app's other windows store is shown here too, as soon as the store catches up with it.
 */
export class RecordStoreSession<T extends SessionData, E, N> extends StoreSession<T, E> {
  constructor(
    /** The records behind the data, for the team folder (records, clock, own changes). */
    readonly recordStore: RecordLogBackend<T, N>,
    loaded: Loaded<T>,
    options?: StoreSessionOptions<E>,
  ) {
    super(recordStore, loaded, options);
    // The session lives as long as the window, like the store: nothing to unsubscribe.
    recordStore.onStoredElsewhere(() => this.showStoredElsewhere());
  }

  /**
   * Shows what another window of the app stored (the store folded it in before a write of this
   * window, or when told of it), as a teammate's merge shows: a change still waiting for its
   * typing pause is written first, since the data shown next comes from the records.
   */
  private showStoredElsewhere(): void {
    this.flush();
    const data = this.recordStore.refresh();
    if (data !== null) this.show(data);
  }

  /**
   * What reading the records had to repair or leave out (the feature's notices). The same list
   * until the data next comes from the records (loading, or a merge); every screen is told of a
   * merge, as of any change.
   */
  notices(): readonly N[] {
    return this.recordStore.notices();
  }

  /**
   * Takes in teammates' changes: shows the merged data at once and stores the changes locally.
   * A change still waiting for its typing pause is written first, so it is kept as it was typed.
   * Resolves once the changes are stored (true when anything changed); if storage refuses them,
   * the save status says so, as for a save, and the next save writes them.
   */
  mergeRemote(changes: readonly Change[]): Promise<boolean> {
    this.flush();
    const { data, saved } = this.recordStore.mergeRemote(changes);
    if (data === null) return Promise.resolve(false);
    this.show(data);
    return this.trackWrite(() => saved).then(() => true);
  }
}
