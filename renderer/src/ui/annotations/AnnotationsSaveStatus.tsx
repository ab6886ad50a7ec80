import type { AnnotationsSaveState } from './annotationsSession';

/**
 * The visible save state of the annotations: a polite status region, so a screen reader hears the
 * outcome without losing its place; a failure is an alert.
 */
export function AnnotationsSaveStatus({ state }: { state: AnnotationsSaveState }) {
  if (state.status === 'failed') {
    return (
      <p className="anno-save anno-save--failed" role="alert">
        Annotations not saved: {state.message}
      </p>
    );
  }
  const text =
    state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : 'Annotations are saved automatically';
  return (
    <p className="anno-save" role="status">
      {text}
    </p>
  );
}
