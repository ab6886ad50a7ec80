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

/**
 * What is left of `error` once a change to the fields in `saved` went through. An error about one
 * field stays until that field itself is saved: saving another field does not fix it, and its
 * message must not vanish while the field still shows what was wrong (and the stored value is the
 * old one). Any other error goes. Name form fields after the keys they save for this to work.
 */
export function errorAfterSave<F extends string>(
  error: FormError<F> | null,
  saved: object,
): FormError<F> | null {
  return error?.field !== undefined && !(error.field in saved) ? error : null;
}
