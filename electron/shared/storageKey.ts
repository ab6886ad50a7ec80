/**
 * The rule for names of stored JSON documents, shared by the IPC contract and main's storage.
 * Kept in its own dependency-free module so the storage code can run alone (e.g. in the crash test).
 */

/** A lowercase letter, then up to 40 lowercase letters, digits or dashes: e.g. "settings". */
export const STORAGE_KEY_PATTERN = /^[a-z][a-z0-9-]{0,40}$/;

/** Device names Windows will not let a file be called (`con.json` opens the console). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** True when `key` may name a stored document (and so a file name in the data folder). */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY_PATTERN.test(key) && !WINDOWS_RESERVED.test(key);
}
