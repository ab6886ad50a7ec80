import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../common/useModalDialog';
import './team.css';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmText: string;
  cancelText: string;
  onConfirm: () => void;
  /** Called once the dialog closed without confirming (Cancel, Escape). */
  onCancel: () => void;
}

/**
 * A modal question with a confirm and a cancel button, mounted for one question and unmounted
 * to close (focus goes back to what opened it).
 */
export function ConfirmDialog({
  title,
  children,
  confirmText,
  cancelText,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { dialogRef, dismiss } = useModalDialog({ initiallyOpen: true });
  const titleId = `${useId()}-title`;
  return (
    <dialog
      ref={dialogRef}
      className="team-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        dismiss();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="team-dialog__actions">
        <button type="button" className="button" onClick={onConfirm}>
          {confirmText}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {cancelText}
        </button>
      </div>
    </dialog>
  );
}
