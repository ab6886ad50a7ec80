import { useTranslation } from 'react-i18next';
import type { Undo } from './useUndo';

/** A screen's undo state, and how the feature styles its status. */
export interface UndoStatusProps {
  /** From `useUndo`. */
  undo: Pick<Undo, 'offer' | 'result' | 'runUndo' | 'dismiss'>;
  className: string;
  /** Added to both buttons' classes (after "button", and "button--secondary" for Dismiss). */
  buttonClassName: string;
  /** When given, the two buttons are wrapped in a span of this class. */
  actionsClassName?: string;
}

/**
 * A status message after a delete with an "Undo" button. It stays until dismissed or replaced
 * (no timer: people who read slowly or use a screen reader need all the time they want).
 */
export function UndoStatus({
  undo,
  className,
  buttonClassName,
  actionsClassName,
}: UndoStatusProps) {
  const { t } = useTranslation('common');
  const undoButton = (
    <button type="button" className={`button ${buttonClassName}`} onClick={undo.runUndo}>
      {t('undo.undo')}
    </button>
  );
  const dismissButton = (
    <button
      type="button"
      className={`button button--secondary ${buttonClassName}`}
      onClick={undo.dismiss}
    >
      {t('undo.dismiss')}
    </button>
  );
  return (
    <div className={className} role="status">
      {undo.offer ? (
        <>
          <span>{undo.offer.message}</span>{' '}
          {actionsClassName ? (
            <span className={actionsClassName}>
              {undoButton}
              {dismissButton}
            </span>
          ) : (
            <>
              {undoButton} {dismissButton}
            </>
          )}
        </>
      ) : (
        undo.result
      )}
    </div>
  );
}
