import { UndoStatus } from '../common/UndoStatus';
import { useUndo as useCommonUndo, type UndoOffer } from '../common/useUndo';

export type { UndoOffer };

/** The current undo offer of an annotations screen; a successful undo says "Restored.". */
export function useUndo() {
  return useCommonUndo('Restored.');
}

export interface UndoBarProps {
  offer: UndoOffer | null;
  result: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** The annotations' undo status after a delete, with "Undo" and "Dismiss". */
export function UndoBar(props: UndoBarProps) {
  return (
    <UndoStatus
      {...props}
      className="anno-undo"
      undoClassName="button anno-button"
      dismissClassName="button button--secondary anno-button"
      actionsClassName="anno-undo__actions"
    />
  );
}
