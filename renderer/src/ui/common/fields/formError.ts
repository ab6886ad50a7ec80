/**
 * A form's one message at a time: about one field (`field`: shown in that field, which is marked
 * invalid) or about the form as a whole (no `field`: shown after the fields), e.g. a refusal of
 * the planner's.
 */
export interface FormError<F extends string> {
  message: string;
  field?: F;
}

/** The message to show in `field`, when the error is about it. */
export function errorOn<F extends string>(
  error: FormError<F> | null,
  field: F,
): string | undefined {
  return error?.field === field ? error.message : undefined;
}

/** The message to show for the whole form, when the error is about no one field. */
export function formErrorOf<F extends string>(error: FormError<F> | null): string {
  return error && error.field === undefined ? error.message : '';
}
