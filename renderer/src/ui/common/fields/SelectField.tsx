import type { ComponentPropsWithRef } from 'react';
import { Field, useField, type FieldProps } from './Field';

/** Its children are the `<option>`s (and `<optgroup>`s). */
export type SelectFieldProps = FieldProps &
  Omit<ComponentPropsWithRef<'select'>, 'id' | 'className' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled drop-down list, with an optional hint and error. */
export function SelectField(props: SelectFieldProps) {
  const { frame, control } = useField(props);
  return (
    <Field {...frame}>
      <select {...control} />
    </Field>
  );
}
