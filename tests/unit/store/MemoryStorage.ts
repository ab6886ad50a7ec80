import type { StorageReadResult } from '../../../electron/shared/storageReadResult';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';

/**
 * A complete in-memory implementation of host storage for tests (not a mock: it stores and
 * returns real text and follows the host contract). Like the real hosts, text that does not parse
 * is moved aside and reported as `recovered`. Faults can be switched on to test failure paths.
 */
export class MemoryStorage implements DocumentStorage {
  readonly documents = new Map<string, string>();
  /** When set, every read rejects with this error. */
  failReadsWith: Error | null = null;
  /** When set, writes to these keys reject with the error. */
  failWritesTo = new Map<string, Error>();
  /** Milliseconds each write waits before storing, to test ordering; taken in turn, then 0. */
  writeDelays: number[] = [];
  /** Every successful write, in the order it was stored. */
  readonly writeLog: { key: string; text: string }[] = [];

  read(key: string): Promise<StorageReadResult> {
    if (this.failReadsWith) return Promise.reject(this.failReadsWith);
    return Promise.resolve(this.readNow(key));
  }

  private readNow(key: string): StorageReadResult {
    const text = this.documents.get(key);
    if (text === undefined) return { status: 'missing' };
    try {
      JSON.parse(text);
      return { status: 'ok', text };
    } catch {
      const movedTo = `${key}.corrupt`;
      this.documents.set(movedTo, text);
      this.documents.delete(key);
      return { status: 'recovered', movedTo, reason: 'damaged' };
    }
  }

  async write(key: string, text: string): Promise<void> {
    const delay = this.writeDelays.shift() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failWritesTo.get(key);
    if (failure) throw failure;
    JSON.parse(text); // the contract: only JSON is stored
    this.documents.set(key, text);
    this.writeLog.push({ key, text });
  }
}
