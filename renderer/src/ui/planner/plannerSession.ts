import { PlannerError } from '../../core/planner/operations/common';
import { parsePlannerDocument } from '../../core/planner/parsePlannerDocument';
import { createPlannerStore, type PlannerStore } from '../../core/planner/plannerStore';
import type { PlannerDatabase } from '../../core/planner/schema';
import { RecordStoreSession } from '../../core/store/RecordStoreSession';
import type { StoreSnapshot } from '../../core/store/StoreSession';
import { sessionLoader } from '../../core/store/sessionLoader';
import type { RepairNotice } from '../../core/team/plannerRepairs';
import { flushOnPageHide } from '../common/flushOnPageHide';
import { offThreadParser } from '../common/importWorker/storedTextParser';

/** What a screen sees: the data, how saving is going and the import generation. */
export type PlannerSnapshot = StoreSnapshot<PlannerDatabase>;

/**
 * The planner database for every screen of one window: the planner pages and the Reader's
 * "Add to plan" share it, so a task added from a case study shows in the plan at once. A
 * PlannerError an operation throws comes back from `apply` for the form to show. Its notices are
 * the repairs reading the records made (a task whose phase a teammate deleted, a dependency loop
 * two edits made together).
 */
export class PlannerSession extends RecordStoreSession<
  PlannerDatabase,
  PlannerError,
  RepairNotice
> {}

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
