import { SaveStatus as CommonSaveStatus } from '../common/SaveStatus';
import type { WorkshopsSaveState } from './workshopsSession';

/** The workshops' autosave status ("Saving…", "All changes saved", or what went wrong). */
export function SaveStatus({ state }: { state: WorkshopsSaveState }) {
  return (
    <CommonSaveStatus
      state={state}
      className="ws-save"
      failedPrefix="Not saved:"
      idleText="No unsaved changes"
    />
  );
}
