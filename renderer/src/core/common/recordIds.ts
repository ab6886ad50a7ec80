/**
 * Ids of stored records (plans, tasks, phases, workshops, sessions, captures): 1 to 64 letters,
 * digits, dashes or underscores. Generated ids are `<prefix>-<uuid>`; imported files may carry
 * any id of this shape, and nothing else (no paths, no markup), so an id is always safe to show
 * and to use in a UID, a DOM id or a file name.
 */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A fresh random record id with a readable prefix, e.g. `task-3f2b...`. */
export function randomRecordId(prefix: string): string {
  // crypto.randomUUID exists in every supported browser, in Electron and in Node 20.
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}
