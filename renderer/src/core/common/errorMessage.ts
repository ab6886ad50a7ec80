/**
 * The message of anything thrown or rejected: an `Error`'s message, anything else as text. What
 * the UI shows after "Not saved:" and the like.
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
