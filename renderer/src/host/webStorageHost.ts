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
 * - Before the first write of a session, and then at most every ten minutes, the current text (if
 *   it parses) is copied to `onmuni:<key>:bak`. Copying on every save would double the cost of
 *   each save and the space used, and localStorage has little of either.
 * - Each write is read back and compared, so a browser that silently drops writes is noticed.
 * - Text that fails to parse is never overwritten: it is moved to `onmuni:<key>:corrupt-<ms>` and
 *   the read reports `recovered`.
 */
export function createWebStorageHostStorage(
  storage: StorageLike,
  now: () => number = Date.now,
): HostStorage {
  // Text known to parse (what this session read or wrote), so a save does not parse the current
  // copy again: at 10,000 planner tasks that parse alone costs more than the save budget.
  const knownGood = new Map<StorageKey, string>();
  const lastBackup = new Map<StorageKey, number>();
  return {
    async read(key) {
      checkKey(key);
      const text = storage.getItem(mainKey(key));
      if (text === null) return { status: 'missing' };
      if (parses(text)) {
        knownGood.set(key, text);
        return { status: 'ok', text };
      }
      return moveAside(storage, key, text, now());
    },

    async write(key, text) {
      checkKey(key);
      if (!parses(text)) throw new Error(`Refusing to store "${key}": the text is not valid JSON.`);
      const current = storage.getItem(mainKey(key));
      const at = now();
      const backupDue = at - (lastBackup.get(key) ?? -Infinity) >= BACKUP_INTERVAL_MS;
      try {
        // Only a good previous copy is worth keeping; a corrupt one was already moved aside.
        if (backupDue && current !== null && (current === knownGood.get(key) || parses(current))) {
          try {
            storage.setItem(backupKey(key), current);
            lastBackup.set(key, at);
          } catch {
            // No room for a second copy (a large planner fills localStorage): saving the user's
            // work matters more than the backup, so the old backup goes to make room for it.
            storage.removeItem(backupKey(key));
          }
        }
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
      knownGood.set(key, text);
    },
  };
}

/** How often the backup copy is refreshed while the app runs (the first save always refreshes it). */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

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
