import type { SaveState } from './storeSession';

/** How one feature words and styles its save status. */
export interface SaveStatusProps {
  state: SaveState;
  /** The feature's class; `--failed` is added to it on a failure. */
  className: string;
  /** Before the error message, e.g. "Not saved:". */
  failedPrefix: string;
  /** What shows before any change, e.g. "No unsaved changes". */
  idleText: string;
}

/**
 * The visible save state: "Saving…", "All changes saved", or what went wrong. A polite status
 * region, so a screen reader hears the outcome without losing its place; a failure is an alert.
 */
export function SaveStatus({ state, className, failedPrefix, idleText }: SaveStatusProps) {
  if (state.status === 'failed') {
    return (
      <p className={`${className} ${className}--failed`} role="alert">
        {failedPrefix} {state.message}
      </p>
    );
  }
  const text =
    state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : idleText;
  return (
    <p className={className} role="status">
      {text}
    </p>
  );
}
