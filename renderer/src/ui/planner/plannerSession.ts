import { PlannerError } from '../../core/planner/operations/common';
import { parsePlannerDocument } from '../../core/planner/parsePlannerDocument';
import { createPlannerStore, type PlannerStore } from '../../core/planner/plannerStore';
import type { PlannerDatabase } from '../../core/planner/schema';
import type { Loaded } from '../../core/store/StoreBackend';
import {
  StoreSession,
  type StoreSessionOptions,
  type StoreSnapshot,
} from '../../core/store/StoreSession';
import { sessionLoader } from '../../core/store/sessionLoader';
import type { RepairNotice } from '../../core/team/plannerRepairs';
import type { Change } from '../../core/team/records';
import { flushOnPageHide } from '../common/flushOnPageHide';
import { offThreadParser } from '../common/importWorker/storedTextParser';

/** What a screen sees: the data, how saving is going and the import generation. */
export type PlannerSnapshot = StoreSnapshot<PlannerDatabase>;

/**
 * The planner database for every screen of one window: the planner pages and the Reader's
 * "Add to plan" share it, so a task added from a case study shows in the plan at once. A
 * PlannerError an operation throws comes back from `apply` for the form to show.
 */
export class PlannerSession extends StoreSession<PlannerDatabase, PlannerError> {
  constructor(
    /** The records behind the data, for the team folder (records, clock, own changes). */
    readonly recordStore: PlannerStore,
    loaded: Loaded<PlannerDatabase>,
    options?: StoreSessionOptions<PlannerError>,
  ) {
    super(recordStore, loaded, options);
  }

  /**
   * What reading the records had to repair (a task whose phase a teammate deleted, a dependency
   * loop two edits made together). The same list until the data next comes from the records
   * (loading, or a merge); every screen is told of a merge, as of any change.
   */
  notices(): readonly RepairNotice[] {
    return this.recordStore.notices();
  }

  /**
   * Takes in teammates' changes: shows the merged plans at once and stores the changes locally.
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

/** Read a large stored plan in the import worker, not on the page (storedTextParser.ts). */
const parseStoredPlanner = offThreadParser('planner', parsePlannerDocument);

/**
 * The session for a host's storage, loaded on first use and shared afterwards. A load that throws
 * is not cached, so the next screen tries again.
 */
export const plannerSessionFor = sessionLoader(
  (storage) => createPlannerStore(storage, parseStoredPlanner),
  (store: PlannerStore, loaded) =>
    new PlannerSession(store, loaded, {
      refusal: (error) => (error instanceof PlannerError ? error : undefined),
    }),
  flushOnPageHide,
);
