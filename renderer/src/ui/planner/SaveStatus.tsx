import { SaveStatus as CommonSaveStatus } from '../common/SaveStatus';
import type { PlannerSaveState } from './plannerSession';

/** The planner's save status ("Saving…", "All changes saved", or what went wrong). */
export function SaveStatus({ state }: { state: PlannerSaveState }) {
  return (
    <CommonSaveStatus
      state={state}
      className="planner-save"
      failedPrefix="Not saved:"
      idleText="No unsaved changes"
    />
  );
}
