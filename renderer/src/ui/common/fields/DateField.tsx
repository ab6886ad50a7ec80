import type { ComponentPropsWithRef } from 'react';
import { isIsoDate, type IsoDate } from '../../../core/planner/dates';
import { Field, useField, type FieldProps } from './Field';

export type DateFieldProps = FieldProps &
  Omit<
    ComponentPropsWithRef<'input'>,
    'id' | 'className' | 'type' | 'aria-describedby' | 'aria-invalid'
  > & {
    /**
     * Called with the date once the field holds a whole one, or null once it is emptied; not
     * while a date is half typed. For forms that save each change as it is made.
     */
    onDateChange?: (date: IsoDate | null) => void;
  };

/** A labelled date input (the browser's date picker), with an optional hint and error. */
export function DateField(props: DateFieldProps) {
  const { onDateChange, onChange, ...rest } = props;
  const { frame, control } = useField(rest);
  return (
    <Field {...frame}>
      <input
        {...control}
        type="date"
        onChange={(event) => {
          onChange?.(event);
          const value = event.target.value;
          if (value === '') onDateChange?.(null);
          else if (isIsoDate(value)) onDateChange?.(value as IsoDate);
        }}
      />
    </Field>
  );
}
