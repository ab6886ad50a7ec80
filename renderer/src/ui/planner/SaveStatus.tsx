import type { PlannerSaveState } from './plannerSession';

/**
 * The visible save state: "Saving…", "All changes saved", or what went wrong. A polite status
 * region, so a screen reader hears the outcome without losing its place; a failure is an alert.
 */
export function SaveStatus({ state }: { state: PlannerSaveState }) {
  if (state.status === 'failed') {
    return (
      <p className="planner-save planner-save--failed" role="alert">
        Not saved: {state.message}
      </p>
    );
  }
  const text =
    state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : 'No unsaved changes';
  return (
    <p className="planner-save" role="status">
      {text}
    </p>
  );
}
