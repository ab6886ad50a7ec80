import { isStorageKey } from '../../../electron/shared/storageKey';
import type { HostStorage, LoadResult, StorageKey } from './Host';

/**
 * The part of the Web Storage API the browser host uses. `window.localStorage` fits it; tests
 * pass a Map-backed implementation so this logic runs in Node without a DOM.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Every key the app writes starts with this, so it never collides with other apps on the origin. */
export const STORAGE_PREFIX = 'onmuni:';

/** The storage key holding a document's current text. */
export function mainKey(key: StorageKey): string {
  return `${STORAGE_PREFIX}${key}`;
}

/** The storage key holding the previous good text of a document. */
export function backupKey(key: StorageKey): string {
  return `${STORAGE_PREFIX}${key}:bak`;
}

/**
 * Host storage over Web Storage (localStorage in the browser edition).
 *
 * - Before each write, the current text (if it parses) is copied to `onmuni:<key>:bak`.
 * - Each write is read back and compared, so a browser that silently drops writes is noticed.
 * - Text that fails to parse is never overwritten: it is moved to `onmuni:<key>:corrupt-<ms>` and
 *   the read reports `recovered`.
 */
export function createWebStorageHostStorage(
  storage: StorageLike,
  now: () => number = Date.now,
): HostStorage {
  return {
    async read(key) {
      checkKey(key);
      const text = storage.getItem(mainKey(key));
      if (text === null) return { status: 'missing' };
      if (parses(text)) return { status: 'ok', text };
      return moveAside(storage, key, text, now());
    },

    async write(key, text) {
      checkKey(key);
      if (!parses(text)) throw new Error(`Refusing to store "${key}": the text is not valid JSON.`);
      const current = storage.getItem(mainKey(key));
      try {
        // Only a good previous copy is worth keeping; a corrupt one was already moved aside.
        if (current !== null && parses(current)) storage.setItem(backupKey(key), current);
        storage.setItem(mainKey(key), text);
      } catch (error) {
        throw new Error(
          `Could not save "${key}" in this browser's storage: ${quotaMessage(error)}`,
          { cause: error },
        );
      }
      if (storage.getItem(mainKey(key)) !== text) {
        throw new Error(`Could not save "${key}": the browser did not keep what was written.`);
      }
    },
  };
}

function moveAside(storage: StorageLike, key: StorageKey, text: string, at: number): LoadResult {
  const asideKey = `${STORAGE_PREFIX}${key}:corrupt-${at}`;
  const reason = `The saved "${key}" data was damaged and could not be read.`;
  try {
    storage.setItem(asideKey, text);
    storage.removeItem(mainKey(key));
    return { status: 'recovered', movedTo: asideKey, reason };
  } catch (error) {
    // Storage is full: leave the damaged text where it is rather than lose it.
    return {
      status: 'recovered',
      movedTo: mainKey(key),
      reason: `${reason} It could not be moved aside (${quotaMessage(error)}), so it was left in place.`,
    };
  }
}

function checkKey(key: StorageKey): void {
  // The same rule as the desktop host's, so a name that works in one edition works in both.
  if (!isStorageKey(key)) {
    throw new Error(`Invalid document name "${key}": use lowercase letters, digits and dashes.`);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function quotaMessage(error: unknown): string {
  if (error instanceof Error && /quota/i.test(`${error.name} ${error.message}`)) {
    return 'browser storage is full';
  }
  return error instanceof Error ? error.message : String(error);
}
