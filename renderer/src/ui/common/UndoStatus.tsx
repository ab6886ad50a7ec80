import type { UndoOffer } from './useUndo';

/** What a screen's undo status shows and does, and how the feature styles it. */
export interface UndoStatusProps {
  offer: UndoOffer | null;
  result: string;
  onUndo: () => void;
  onDismiss: () => void;
  className: string;
  undoClassName: string;
  dismissClassName: string;
  /** When given, the two buttons are wrapped in a span of this class. */
  actionsClassName?: string;
}

/**
 * A status message after a delete with an "Undo" button. It stays until dismissed or replaced
 * (no timer: people who read slowly or use a screen reader need all the time they want).
 */
export function UndoStatus(props: UndoStatusProps) {
  const { offer, result, className, actionsClassName } = props;
  const undo = (
    <button type="button" className={props.undoClassName} onClick={props.onUndo}>
      Undo
    </button>
  );
  const dismiss = (
    <button type="button" className={props.dismissClassName} onClick={props.onDismiss}>
      Dismiss
    </button>
  );
  return (
    <div className={className} role="status">
      {offer ? (
        <>
          <span>{offer.message}</span>{' '}
          {actionsClassName ? (
            <span className={actionsClassName}>
              {undo}
              {dismiss}
            </span>
          ) : (
            <>
              {undo} {dismiss}
            </>
          )}
        </>
      ) : (
        result
      )}
    </div>
  );
}
