import type { ComponentPropsWithRef } from 'react';
import { Field, useField, type FieldProps } from './Field';

export type TextAreaFieldProps = FieldProps &
  Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'className' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled multi-line input, with an optional hint and error. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { frame, control } = useField(props);
  return (
    <Field {...frame}>
      <textarea {...control} />
    </Field>
  );
}
