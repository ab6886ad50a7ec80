import { useId, type ReactNode } from 'react';
import './fields.css';

/** What every labelled field has besides its control. */
export interface FieldProps {
  label: ReactNode;
  /** Shown under the label and read with the control (aria-describedby). */
  hint?: ReactNode;
  /**
   * What is wrong with this field: shown under the label (and hint), announced as an alert, read
   * with the control, which is marked invalid.
   */
  error?: string;
  /** Marks the control invalid when the message about it is shown elsewhere (a form's summary). */
  invalid?: boolean;
  /** Classes added to the wrapper's "field", e.g. "field--wide". */
  className?: string;
  /** Classes added to the control's "ontario-input", e.g. "field__short". */
  controlClassName?: string;
  /** Further ids that describe the control, e.g. a live count under it. */
  'aria-describedby'?: string;
}

/** The ids that tie a field's label, hint and error to its control. */
interface FieldIds {
  control: string;
  hint: string;
  error: string;
}

/**
 * Splits a field component's props into the frame's (label, hint, error) and the control's, and
 * wires them: the control gets an id for the label, `aria-describedby` for the hint, the error
 * and any ids of the caller's own, and `aria-invalid` when something is wrong.
 */
export function useField<P extends FieldProps>(props: P) {
  const {
    label,
    hint,
    error,
    invalid,
    className,
    controlClassName,
    'aria-describedby': describedBy,
    ...rest
  } = props;
  const base = useId();
  const ids: FieldIds = {
    control: `${base}-control`,
    hint: `${base}-hint`,
    error: `${base}-error`,
  };
  const describers = [hint ? ids.hint : null, error ? ids.error : null, describedBy ?? null];
  return {
    frame: { label, hint, error, className, ids },
    control: {
      ...rest,
      id: ids.control,
      className: controlClassName ? `ontario-input ${controlClassName}` : 'ontario-input',
      'aria-describedby': describers.filter(Boolean).join(' ') || undefined,
      'aria-invalid': error || invalid ? true : undefined,
    },
  };
}

/** The frame around one control: its label, then its hint and error, then the control. */
export function Field({
  label,
  hint,
  error,
  className,
  ids,
  children,
}: Pick<FieldProps, 'label' | 'hint' | 'error' | 'className'> & {
  ids: FieldIds;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={ids.control}>{label}</label>
      {hint ? (
        <p className="hint" id={ids.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={ids.error} role="alert">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}
