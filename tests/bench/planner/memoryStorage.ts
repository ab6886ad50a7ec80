import type { StorageLike } from '../../../renderer/src/host/webStorageHost';

/**
 * An in-memory Web Storage for the Node run: a Map with the methods the browser host uses.
 * No quota: the Chromium run shows what a real browser allows.
 */
export class MemoryWebStorage implements StorageLike {
  private readonly items = new Map<string, string>();

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}
