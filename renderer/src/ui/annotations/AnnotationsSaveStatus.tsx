import { SaveStatus } from '../common/SaveStatus';
import type { AnnotationsSaveState } from './annotationsSession';

/** The visible save state of the annotations. */
export function AnnotationsSaveStatus({ state }: { state: AnnotationsSaveState }) {
  return (
    <SaveStatus
      state={state}
      className="anno-save"
      failedPrefix="Annotations not saved:"
      idleText="Annotations are saved automatically"
    />
  );
}
