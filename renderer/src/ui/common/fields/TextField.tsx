import type { ComponentPropsWithRef } from 'react';
import { Field, useField, type FieldProps } from './Field';

export type TextFieldProps = FieldProps &
  Omit<ComponentPropsWithRef<'input'>, 'id' | 'className' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled one-line input (text, search, number…), with an optional hint and error. */
export function TextField(props: TextFieldProps) {
  const { frame, control } = useField(props);
  return (
    <Field {...frame}>
      <input {...control} />
    </Field>
  );
}
