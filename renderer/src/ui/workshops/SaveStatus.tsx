import type { WorkshopsSaveState } from './workshopsSession';

/**
 * The visible autosave state: "Saving…", "All changes saved", or what went wrong. A polite status
 * region, so a screen reader hears the outcome without losing its place; a failure is an alert.
 */
export function SaveStatus({ state }: { state: WorkshopsSaveState }) {
  if (state.status === 'failed')
    return (
      <p className="ws-save ws-save--failed" role="alert">
        Not saved: {state.message}
      </p>
    );
  const text =
    state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : 'No unsaved changes';
  return (
    <p className="ws-save" role="status">
      {text}
    </p>
  );
}
