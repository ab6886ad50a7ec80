import { UndoStatus } from '../common/UndoStatus';
import { useUndo as useCommonUndo, type UndoOffer } from '../common/useUndo';

export type { UndoOffer };

/** The current undo offer of a planner screen; a successful undo says "Undone.". */
export function useUndo() {
  return useCommonUndo('Undone.');
}

export interface UndoToastProps {
  offer: UndoOffer | null;
  result: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** The planner's undo status after a delete, with "Undo" and "Dismiss". */
export function UndoToast(props: UndoToastProps) {
  return (
    <UndoStatus
      {...props}
      className="planner-toast"
      undoClassName="button button--small"
      dismissClassName="button button--small button--secondary"
    />
  );
}
