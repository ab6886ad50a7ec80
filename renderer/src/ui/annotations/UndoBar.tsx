import { useCallback, useState } from 'react';

/** Something just deleted that can be put back. */
export interface UndoOffer {
  /** What happened, e.g. `Deleted the highlight “sharing staff”.` */
  message: string;
  undo: () => void;
}

/** The current undo offer of a screen, and ways to make, take up or clear it. */
export function useUndo() {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [result, setResult] = useState('');
  const offerUndo = useCallback((next: UndoOffer) => {
    setResult('');
    setOffer(next);
  }, []);
  const runUndo = useCallback(() => {
    if (!offer) return;
    offer.undo();
    setOffer(null);
    setResult('Restored.');
  }, [offer]);
  const dismiss = useCallback(() => setOffer(null), []);
  return { offer, result, offerUndo, runUndo, dismiss };
}

export interface UndoBarProps {
  offer: UndoOffer | null;
  result: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/**
 * A status message after a delete with an "Undo" button. It stays until dismissed or replaced (no
 * timer: people who read slowly or use a screen reader need all the time they want).
 */
export function UndoBar({ offer, result, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div className="anno-undo" role="status">
      {offer ? (
        <>
          <span>{offer.message}</span>{' '}
          <span className="anno-undo__actions">
            <button type="button" className="button anno-button" onClick={onUndo}>
              Undo
            </button>
            <button
              type="button"
              className="button button--secondary anno-button"
              onClick={onDismiss}
            >
              Dismiss
            </button>
          </span>
        </>
      ) : (
        result
      )}
    </div>
  );
}
