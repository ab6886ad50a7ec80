import { useCallback, useState } from 'react';

/** Something that was just deleted (or replaced) and can be put back. */
export interface UndoOffer {
  /** What happened, e.g. `Deleted the task “Name a lead”.` */
  message: string;
  /** Puts it back; returns an error message when that is no longer possible. */
  undo: () => string | null;
}

/** The current undo offer of a screen, and a way to make or clear one. */
export function useUndo() {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [result, setResult] = useState('');
  const offerUndo = useCallback((next: UndoOffer) => {
    setResult('');
    setOffer(next);
  }, []);
  const runUndo = useCallback(() => {
    if (!offer) return;
    const problem = offer.undo();
    setOffer(null);
    setResult(problem ?? 'Undone.');
  }, [offer]);
  const dismiss = useCallback(() => setOffer(null), []);
  return { offer, result, offerUndo, runUndo, dismiss };
}

export interface UndoToastProps {
  offer: UndoOffer | null;
  result: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * A status message after a delete with an "Undo" button. It stays until dismissed or replaced
 * (no timer: people who read slowly or use a screen reader need all the time they want).
 */
export function UndoToast({ offer, result, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div className="planner-toast" role="status">
      {offer ? (
        <>
          <span>{offer.message}</span>{' '}
          <button type="button" className="button button--small" onClick={onUndo}>
            Undo
          </button>{' '}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={onDismiss}
          >
            Dismiss
          </button>
        </>
      ) : (
        result
      )}
    </div>
  );
}
