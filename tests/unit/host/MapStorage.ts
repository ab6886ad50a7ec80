import type { StorageLike } from '../../../renderer/src/host/webStorageHost';

/**
 * A Map-backed implementation of the Web Storage methods the browser host uses, so its storage
 * logic runs in Node. `quotaBytes` makes it throw like a full localStorage (counting, as Chromium
 * does, the UTF-16 units of every key and value); `dropWritesTo` makes it silently ignore writes
 * to a key, like a browser in a storage-restricted mode.
 */
export class MapStorage implements StorageLike {
  readonly items = new Map<string, string>();
  quotaBytes = Number.POSITIVE_INFINITY;
  dropWritesTo = new Set<string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.dropWritesTo.has(key)) return;
    const others = [...this.items].filter(([k]) => k !== key);
    const used = others.reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    if (used + key.length + value.length > this.quotaBytes) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  /** How many items there are, as Web Storage's `length`. */
  get length(): number {
    return this.items.size;
  }

  /** The name of the item at `index`, as Web Storage's `key()`. */
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
}
