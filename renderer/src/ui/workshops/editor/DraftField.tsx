import { useId, useState } from 'react';

export interface DraftFieldProps {
  label: string;
  value: string;
  /** Applies a change; returns what is wrong with it, or null when it was taken. */
  onChange: (value: string) => string | null;
  /** Saves a change still waiting for its typing pause (leaving the field). */
  onBlur?: () => void;
  multiline?: boolean;
  type?: 'text' | 'number';
  hint?: string;
  /** Extra class for the wrapper (e.g. a narrow field). */
  className?: string;
  /** The input's id, when another control needs to reach it (to move focus to it). */
  id?: string;
}

/**
 * A text field that keeps what the user typed even when it is not valid yet (a title cleared to
 * retype it), shows why it was not taken, and applies every valid change at once.
 */
export function DraftField({
  label,
  value,
  onChange,
  onBlur,
  multiline = false,
  type = 'text',
  hint,
  className,
  id: givenId,
}: DraftFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState('');
  const change = (next: string) => {
    setDraft(next);
    setError(onChange(next) ?? '');
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim();
  const common = {
    id,
    className: 'ontario-input',
    value: draft,
    onBlur,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className={`ws-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="ws-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          min={type === 'number' ? 1 : undefined}
          inputMode={type === 'number' ? 'numeric' : undefined}
          onChange={(event) => change(event.target.value)}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="ws-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Reads whole minutes typed in a field, or null when it is not a whole number from 1. */
export function parseMinutes(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 ? value : null;
}
