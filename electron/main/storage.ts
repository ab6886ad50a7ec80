/**
 * Named JSON documents in the data folder: `<key>.json`, written atomically, with rotating
 * backups `<key>.json.bak1` (newest) to `.bakN`. A document that no longer parses is moved aside to
 * `<key>.corrupt-<timestamp>.json`, never overwritten, and the load result says so.
 * Pure Node (no Electron) so it runs in unit tests and in the crash test's child process.
 */
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { isStorageKey } from '../shared/storageKey';
import { removeStrayTempFiles, writeFileAtomic, type AtomicWriteOptions } from './atomicFile';

/** Mirrors the contract's StorageLoadResult; repeated here so this module has no zod dependency. */
export type LoadResult =
  | { status: 'missing' }
  | { status: 'ok'; text: string }
  | { status: 'recovered'; movedTo: string; reason: string };

export interface DocumentStoreOptions extends AtomicWriteOptions {
  /** How many backup generations to keep (default 3). */
  backups?: number;
  /**
   * Minimum time between two backups of the same document (default 10 minutes). The first write of
   * each document after start-up always takes one, so backups span sessions, not keystrokes.
   */
  backupIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const BOM = '\uFEFF';

/** Why `text` is not a storable document, or undefined when it is one (a JSON object or array). */
export function documentProblem(text: string): string | undefined {
  if (text.trim() === '') return 'the file is empty';
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    return `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null) return 'the file does not hold a JSON object';
  return undefined;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsp.lstat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Stores named JSON documents in one folder. Create it with {@link openDocumentStore}. */
export class DocumentStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastBackupAt = new Map<string, number>();
  private readonly backups: number;
  private readonly backupIntervalMs: number;
  private readonly now: () => number;

  constructor(
    /** The data folder. */
    readonly dir: string,
    private readonly options: DocumentStoreOptions = {},
  ) {
    this.backups = options.backups ?? 3;
    this.backupIntervalMs = options.backupIntervalMs ?? 10 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** The file that holds document `key`. Throws for a key that is not a plain lowercase name. */
  pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error(`"${key}" is not a valid document name.`);
    return join(this.dir, `${key}.json`);
  }

  /** Loads a document. A file that does not parse is moved aside and reported as `recovered`. */
  read(key: string): Promise<LoadResult> {
    const path = this.pathOf(key);
    return this.enqueue(key, async () => {
      let text: string;
      try {
        text = await fsp.readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return { status: 'missing' } as const;
        throw error;
      }
      const problem = documentProblem(text);
      if (problem === undefined) {
        return { status: 'ok', text: text.startsWith(BOM) ? text.slice(1) : text } as const;
      }
      const movedTo = await this.moveAside(key, path);
      const backup = await this.newestGoodBackup(key);
      const hint = backup ? ` The last good backup is ${backup}.` : '';
      return { status: 'recovered', movedTo, reason: `${problem}.${hint}` } as const;
    });
  }

  /** Replaces a document atomically, first rotating backups when one is due. */
  write(key: string, text: string): Promise<void> {
    const path = this.pathOf(key);
    const problem = documentProblem(text);
    if (problem !== undefined) {
      return Promise.reject(new Error(`Refused to save "${key}": ${problem}.`));
    }
    return this.enqueue(key, async () => {
      await this.rotateBackupsIfDue(key, path);
      await writeFileAtomic(path, text, this.options);
    });
  }

  /** True while any read or write is still in progress. */
  get busy(): boolean {
    return this.queues.size > 0;
  }

  /** Resolves once every read and write started so far has finished (used before quitting). */
  async flush(): Promise<void> {
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  /** Runs reads and writes of one document one at a time, in call order. */
  private enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  private backupPath(key: string, generation: number): string {
    return `${this.pathOf(key)}.bak${generation}`;
  }

  private async rotateBackupsIfDue(key: string, path: string): Promise<void> {
    const last = this.lastBackupAt.get(key);
    if (this.backups <= 0 || (last !== undefined && this.now() - last < this.backupIntervalMs)) {
      return;
    }
    let current: string;
    try {
      current = await fsp.readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    // Only a state that parses is worth keeping: never push good backups out with a broken one.
    if (documentProblem(current) !== undefined) return;
    for (let generation = this.backups - 1; generation >= 1; generation -= 1) {
      const from = this.backupPath(key, generation);
      if (await exists(from)) await fsp.rename(from, this.backupPath(key, generation + 1));
    }
    await writeFileAtomic(this.backupPath(key, 1), current, this.options);
    this.lastBackupAt.set(key, this.now());
  }

  private async newestGoodBackup(key: string): Promise<string | undefined> {
    for (let generation = 1; generation <= this.backups; generation += 1) {
      const path = this.backupPath(key, generation);
      const text = await fsp.readFile(path, 'utf8').catch(() => undefined);
      if (text !== undefined && documentProblem(text) === undefined) return path;
    }
    return undefined;
  }

  /** Renames a broken file to `<key>.corrupt-<timestamp>.json`, choosing a name that is free. */
  private async moveAside(key: string, path: string): Promise<string> {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n += 1) {
      const candidate = join(this.dir, `${key}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}.json`);
      if (!(await exists(candidate))) {
        await fsp.rename(path, candidate);
        return candidate;
      }
    }
  }
}

/** Creates the data folder if needed, removes temp files a crash left behind, and opens the store. */
export async function openDocumentStore(
  dir: string,
  options: DocumentStoreOptions = {},
): Promise<DocumentStore> {
  await fsp.mkdir(dir, { recursive: true });
  await removeStrayTempFiles(dir);
  return new DocumentStore(dir, options);
}
