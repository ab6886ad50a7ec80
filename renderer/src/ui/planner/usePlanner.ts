import { useStoreSession, type StoreSessionState } from '../common/useStoreSession';
import { plannerSessionFor, type PlannerSession, type PlannerSnapshot } from './plannerSession';

/** The planner while it loads, once loaded (the session and its current snapshot), or failed. */
export type PlannerState = StoreSessionState<PlannerSession, PlannerSnapshot>;

/** The shared planner session of this window, re-rendering on every change. */
export function usePlanner(): PlannerState {
  return useStoreSession(plannerSessionFor);
}
