import { isStorageKey } from '../../../electron/shared/storageKey';
import type { StorageReadResult } from '../../../electron/shared/storageReadResult';
import type { StorageKey } from './Host';
import type { DocumentStorage } from '../core/store/DocumentStorage';
import type { OtherWindows } from '../core/store/otherWindows';
import { StorageUsage, WEB_STORAGE_CAPACITY, tooLargeMessage } from './webStorageQuota';
import { messageOf } from '../core/common/errorMessage';
import { t } from '../ui/common/i18n/i18n';

/**
 * The part of the Web Storage API the browser host uses. `window.localStorage` fits it; tests
 * pass a Map-backed implementation so this logic runs in Node without a DOM.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** How many items there are; with `key()`, lets the host count what other data takes. */
  readonly length?: number;
  key?(index: number): string | null;
}

/** Options of {@link createWebStorageDocuments}. */
export interface WebStorageHostOptions {
  /** What the storage holds, in UTF-16 units of keys and values (default: localStorage's). */
  capacity?: number;
  /**
   * Subscribes to changes other tabs make (the `storage` event), so the host's count of what
   * each item takes stays right. `key` null: everything was cleared.
   */
  watchOtherTabs?: (onChange: (key: string | null) => void) => void;
  /** The other tabs of the app, for the stores that coordinate their writes with them. */
  otherWindows?: OtherWindows;
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
 * - A write that cannot fit is refused before anything changes, with a message that says so and
 *   points to the desktop app: the host counts what every item takes against the capacity. If the
 *   browser refuses anyway (it keeps less than expected), the backup is put back as it was.
 * - Before the first write of a session, and then at most every ten minutes, the current text (if
 *   it parses) is copied to `onmuni:<key>:bak` when there is room beside the new text. Copying on
 *   every save would double the cost of each save and the space used, and localStorage has little
 *   of either. When the new text needs the old backup's room, the backup goes: saving the user's
 *   work matters more.
 * - Each write is read back and compared, so a browser that silently drops writes is noticed.
 * - Text that fails to parse is never overwritten: it is moved to `onmuni:<key>:corrupt-<ms>` and
 *   the read reports `recovered`.
 */
export function createWebStorageDocuments(
  storage: StorageLike,
  now: () => number = Date.now,
  options: WebStorageHostOptions = {},
): DocumentStorage {
  const capacity = options.capacity ?? WEB_STORAGE_CAPACITY;
  const usage = new StorageUsage(storage);
  options.watchOtherTabs?.((key) => usage.forget(key));
  // Text known to parse (what this session read or wrote), so a save does not parse the current
  // copy again: at 10,000 planner tasks that parse alone costs more than the save budget.
  const knownGood = new Map<StorageKey, string>();
  const lastBackup = new Map<StorageKey, number>();
  return {
    ...(options.otherWindows && { otherWindows: options.otherWindows }),
    // Web Storage answers synchronously. The executor turns what readNow and writeNow throw into
    // the rejected promise DocumentStorage callers expect, as an `async` method would.
    read: (key) => new Promise((resolve) => resolve(readNow(key))),
    write: (key, text) =>
      new Promise((resolve) => {
        writeNow(key, text);
        resolve();
      }),
  };

  function readNow(key: StorageKey): StorageReadResult {
    checkKey(key);
    const text = storage.getItem(mainKey(key));
    usage.note(mainKey(key), text);
    if (text === null) return { status: 'missing' };
    if (parses(text)) {
      knownGood.set(key, text);
      return { status: 'ok', text };
    }
    const result = moveAside(storage, key, text, now());
    usage.forget(null);
    return result;
  }

  function writeNow(key: StorageKey, text: string): void {
    checkKey(key);
    if (!parses(text)) throw new Error(t('common:host.storage.notJson', { key }));
    const main = mainKey(key);
    const backup = backupKey(key);
    const needed = main.length + text.length;
    const othersUsed = usage.usedExcept(new Set([main, backup]));
    if (othersUsed + needed > capacity) {
      throw new Error(tooLargeMessage(key, needed, capacity, othersUsed));
    }
    const at = now();
    const plan = planBackup(key, capacity - othersUsed - needed, at);
    const previousBackup = plan.action === 'keep' ? null : storage.getItem(backup);
    try {
      if (plan.action === 'refresh' && copyToBackup(key, plan.current)) lastBackup.set(key, at);
      if (plan.action === 'drop' && previousBackup !== null) {
        storage.removeItem(backup);
        usage.note(backup, null);
      }
      storage.setItem(main, text);
    } catch (error) {
      if (plan.action !== 'keep') restore(backup, previousBackup);
      if (plan.action === 'refresh') lastBackup.delete(key);
      throw new Error(
        isQuotaError(error)
          ? tooLargeMessage(key, needed, capacity)
          : t('common:host.storage.saveFailed', { key, reason: messageOf(error) }),
        { cause: error },
      );
    }
    usage.note(main, text);
    if (storage.getItem(main) !== text) {
      usage.forget(main);
      throw new Error(t('common:host.storage.notKept', { key }));
    }
    knownGood.set(key, text);
  }

  /**
   * What happens to the backup: `refresh` copies the current text there (due, good, and it fits
   * beside the new text), `drop` removes the old one (the new text needs its room), `keep` leaves
   * it alone. `room` is what is left once the new text is written.
   */
  function planBackup(
    key: StorageKey,
    room: number,
    at: number,
  ): { action: 'refresh'; current: string } | { action: 'drop' | 'keep' } {
    const backup = backupKey(key);
    const main = mainKey(key);
    const due = at - (lastBackup.get(key) ?? -Infinity) >= BACKUP_INTERVAL_MS;
    // The current text's size is known, so a copy that cannot fit is not even read.
    if (due && usage.sizeOf(main) - main.length + backup.length <= room) {
      const current = storage.getItem(main);
      // Only a good previous copy is worth keeping; a corrupt one was already moved aside.
      const good = current !== null && (current === knownGood.get(key) || parses(current));
      if (good && backup.length + current.length <= room) return { action: 'refresh', current };
    }
    return { action: usage.sizeOf(backup) > room ? 'drop' : 'keep' };
  }

  /** Copies `current` to the backup; if the browser has no room for it, drops the backup. */
  function copyToBackup(key: StorageKey, current: string): boolean {
    try {
      storage.setItem(backupKey(key), current);
      usage.note(backupKey(key), current);
      return true;
    } catch {
      storage.removeItem(backupKey(key));
      usage.note(backupKey(key), null);
      return false;
    }
  }

  /** Puts an item back as it was before a write that failed. */
  function restore(key: string, previous: string | null): void {
    try {
      if (previous === null) storage.removeItem(key);
      else storage.setItem(key, previous);
      usage.note(key, previous);
    } catch {
      // It held this text a moment ago, so this fits; if the browser still says no, count again.
      usage.forget(key);
    }
  }
}

/** How often the backup copy is refreshed while the app runs (the first save always refreshes it). */
export const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

function moveAside(
  storage: StorageLike,
  key: StorageKey,
  text: string,
  at: number,
): StorageReadResult {
  const asideKey = `${STORAGE_PREFIX}${key}:corrupt-${at}`;
  const reason = t('common:host.storage.damaged', { key });
  try {
    storage.setItem(asideKey, text);
    storage.removeItem(mainKey(key));
    return { status: 'recovered', movedTo: asideKey, reason };
  } catch (error) {
    // Storage is full: leave the damaged text where it is rather than lose it.
    return {
      status: 'recovered',
      movedTo: mainKey(key),
      reason: t('common:host.storage.damagedLeftInPlace', {
        damaged: reason,
        reason: quotaMessage(error),
      }),
    };
  }
}

function checkKey(key: StorageKey): void {
  // The same rule as the desktop host's, so a name that works in one edition works in both.
  if (!isStorageKey(key)) {
    throw new Error(t('common:host.storage.invalidName', { key }));
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

function isQuotaError(error: unknown): boolean {
  return error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
}

function quotaMessage(error: unknown): string {
  return isQuotaError(error) ? t('common:host.storage.full') : messageOf(error);
}
