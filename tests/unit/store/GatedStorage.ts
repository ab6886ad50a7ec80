import type { StorageReadResult } from '../../../electron/shared/storageReadResult';
import type { DocumentStorage } from '../../../renderer/src/core/store/DocumentStorage';

/**
 * Host storage whose writes wait until the test releases them, one at a time and in order, like
 * a slow disk over IPC; `refuseNext` makes the next released write fail as a full disk would.
 */
export class GatedStorage implements DocumentStorage {
  /** The text of each write once it has been stored, in order. */
  readonly stored: string[] = [];
  private readonly waiting: { text: string; resolve: () => void; reject: (e: Error) => void }[] =
    [];

  constructor(private readonly initial: string | null = null) {}

  read(): Promise<StorageReadResult> {
    return Promise.resolve(
      this.initial === null ? { status: 'missing' } : { status: 'ok', text: this.initial },
    );
  }

  write(_key: string, text: string): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ text, resolve, reject }));
  }

  /** Writes started and not yet released. */
  get pending(): number {
    return this.waiting.length;
  }

  /** The text stored last, parsed. */
  get last(): unknown {
    const text = this.stored.at(-1);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  /** Lets the oldest waiting write finish; resolves once the store has seen the outcome. */
  async release(): Promise<void> {
    await settle(); // a write reaches storage a few promise turns after the store starts it
    const next = this.waiting.shift();
    if (!next) throw new Error('no write is waiting');
    this.stored.push(next.text);
    next.resolve();
    await settle();
  }

  /** Makes the oldest waiting write fail with `message`. */
  async refuse(message: string): Promise<void> {
    await settle();
    const next = this.waiting.shift();
    if (!next) throw new Error('no write is waiting');
    next.reject(new Error(message));
    await settle();
  }
}

/** Lets every promise reaction already queued run (a macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
