/**
 * How much browser storage (localStorage) holds, and how much of it is in use, so a write that
 * cannot fit is refused before anything changes. Browsers do not say how much room is left, and
 * a write that does not fit throws only once it is attempted.
 */
import { formatByteSize } from '../../../electron/shared/byteSize';
import { currentLocale, t } from '../ui/common/i18n/i18n';
import type { StorageLike } from './webStorageHost';

/**
 * What localStorage holds per site, in UTF-16 units of keys and values together. Chromium allows
 * 10 MiB counted at two bytes a unit: a 1-character key takes a value of at most 5,242,879 units,
 * measured in Chromium 156; Firefox and Safari allow about 5 MB.
 */
export const WEB_STORAGE_CAPACITY = 5 * 1024 * 1024;

/**
 * The units each item takes (key and value), for every item on the site. Sizes are remembered
 * from this host's own reads and writes, so a save does not read other large documents again;
 * another tab's change makes the host forget that item's size (see `forget`).
 */
export class StorageUsage {
  private readonly sizes = new Map<string, number>();

  constructor(private readonly storage: StorageLike) {}

  /** Records what an item now holds (null: removed). */
  note(key: string, value: string | null): void {
    if (value === null) this.sizes.delete(key);
    else this.sizes.set(key, key.length + value.length);
  }

  /** Forgets what an item holds (another tab changed it); null forgets every item. */
  forget(key: string | null): void {
    if (key === null) this.sizes.clear();
    else this.sizes.delete(key);
  }

  /** The units the item `key` takes now, reading it only when its size is not known. */
  sizeOf(key: string): number {
    const known = this.sizes.get(key);
    if (known !== undefined) return known;
    const value = this.storage.getItem(key);
    this.note(key, value);
    return value === null ? 0 : key.length + value.length;
  }

  /**
   * The units every item but `except` takes. Without `length` and `key()` (a storage that cannot
   * list its items), only the items this host has seen are counted.
   */
  usedExcept(except: ReadonlySet<string>): number {
    const keys: string[] = [];
    const { length } = this.storage;
    if (length !== undefined && this.storage.key) {
      for (let index = 0; index < length; index += 1) {
        const key = this.storage.key(index);
        if (key !== null) keys.push(key);
      }
    } else {
      keys.push(...this.sizes.keys());
    }
    let used = 0;
    for (const key of keys) if (!except.has(key)) used += this.sizeOf(key);
    return used;
  }
}

/**
 * The message for a document that does not fit, saying so and what to do instead. `othersUsed` is
 * what other saved data takes, when known. Units are worded as bytes: a unit of JSON text is about
 * a byte in a file, and the user meets these sizes as files.
 */
export function tooLargeMessage(
  key: string,
  units: number,
  capacity: number,
  othersUsed?: number,
): string {
  const locale = currentLocale();
  const taken =
    othersUsed !== undefined && othersUsed >= 50_000
      ? t('common:host.storage.othersUsed', {
          used: formatByteSize(othersUsed, 'measured', locale),
        })
      : '';
  return t('common:host.storage.tooLarge', {
    key,
    needed: formatByteSize(units, 'measured', locale),
    capacity: formatByteSize(capacity, 'limit', locale),
    taken,
  });
}
