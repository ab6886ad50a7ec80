/**
 * Named JSON documents in the data folder: `<key>.json`, written atomically, with rotating
 * backups `<key>.json.bak1` (newest) to `.bakN`. A document that no longer parses is moved aside to
 * `<key>.corrupt-<timestamp>.json`, never overwritten, and the load result says so. A document may
 * be at most 25 MB, and the folder at most 1 GB (content packs not counted): a write past either
 * is refused and changes nothing. Refusals and problems are codes with values, never words: the
 * renderer words them through its catalogue.
 * Pure Node (no Electron) so it runs in unit tests and in the crash test's child process.
 */
import { promises as fsp, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { GIB, MIB } from '../shared/byteSize';
import { isStorageKey } from '../shared/storageKey';
import type {
  DocumentProblem,
  StorageRefusal,
  StoredDocumentRead,
} from '../shared/storageReadResult';
import { removeStrayTempFiles, writeFileAtomic, type AtomicWriteOptions } from './atomicFile';

/**
 * Largest stored document, in bytes of UTF-8 as written to disk. The IPC text cap
 * (`MAX_TEXT_LENGTH`) counts UTF-16 units, and 25 Mi units of accented text are up to 75 MB on
 * disk, so the bytes are checked here.
 */
export const MAX_DOCUMENT_BYTES = 25 * MIB;

/** Largest the data folder may grow, in bytes: every file in it but content packs. */
export const MAX_DATA_FOLDER_BYTES = GIB;

/** The data folder's subfolder for content packs, which have their own limits and are not counted. */
export const CONTENT_PACKS_FOLDER = 'content-packs';

export interface JsonDocumentBackendOptions extends AtomicWriteOptions {
  /** Largest document in bytes (default {@link MAX_DOCUMENT_BYTES}). */
  maxDocumentBytes?: number;
  /** Largest the data folder may grow in bytes (default {@link MAX_DATA_FOLDER_BYTES}). */
  maxFolderBytes?: number;
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

/**
 * A refused write: `refusal` says why, as a code the renderer words. The message is for the log
 * only. The `storage:write` handler answers with the refusal rather than rejecting, because a
 * rejection crosses IPC as its message alone.
 */
export class StorageRefusedError extends Error {
  override name = 'StorageRefusedError';

  constructor(readonly refusal: StorageRefusal) {
    super(`Refused to save "${refusal.key}" (${refusal.code}).`);
  }
}

/** Why `text` is not a storable document, or undefined when it is one (a JSON object or array). */
export function documentProblem(text: string): DocumentProblem | undefined {
  if (text.trim() === '') return { code: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    return { code: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null) return { code: 'notObject' };
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

/** The size of a file in bytes, or 0 when it does not exist. */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await fsp.lstat(path)).size;
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
}

/**
 * The bytes used by the files under `dir` (links are counted as links, never followed), leaving
 * out the content-packs folder at the top. A folder that vanishes while counting counts as empty.
 */
export async function dataFolderBytes(dir: string, top = true): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  let total = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && entry.name === CONTENT_PACKS_FOLDER))
        total += await dataFolderBytes(path, false);
    } else {
      total += await sizeOf(path);
    }
  }
  return total;
}

/** Stores named JSON documents in one folder. Create it with {@link openDocumentFolder}. */
export class DocumentFolder {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastBackupAt = new Map<string, number>();
  private readonly backups: number;
  private readonly backupIntervalMs: number;
  private readonly now: () => number;
  private readonly maxDocumentBytes: number;
  private readonly maxFolderBytes: number;

  constructor(
    /** The data folder. */
    readonly dir: string,
    private readonly options: JsonDocumentBackendOptions = {},
  ) {
    this.backups = options.backups ?? 3;
    this.backupIntervalMs = options.backupIntervalMs ?? 10 * 60 * 1000;
    this.now = options.now ?? Date.now;
    this.maxDocumentBytes = options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES;
    this.maxFolderBytes = options.maxFolderBytes ?? MAX_DATA_FOLDER_BYTES;
  }

  /** The file that holds document `key`. Throws for a key that is not a plain lowercase name. */
  pathOf(key: string): string {
    if (!isStorageKey(key)) throw new StorageRefusedError({ code: 'badKey', key });
    return join(this.dir, `${key}.json`);
  }

  /** Loads a document. A file that does not parse is moved aside and reported as `recovered`. */
  read(key: string): Promise<StoredDocumentRead> {
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
      return backup === undefined
        ? ({ status: 'recovered', movedTo, problem } as const)
        : ({ status: 'recovered', movedTo, problem, backup } as const);
    });
  }

  /**
   * The document's text as it is on disk, or undefined when there is none: after every write
   * already asked for, and without the recovery `read` does (nothing is moved aside). For main's
   * own checks, such as which workshops exist.
   */
  peek(key: string): Promise<string | undefined> {
    const path = this.pathOf(key);
    return this.enqueue(key, async () => {
      try {
        return await fsp.readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    });
  }

  /**
   * Replaces a document atomically, first rotating backups when one is due. Refused, with nothing
   * changed, when the text is not a JSON object or array, is larger than the document limit, or
   * would bring the data folder past its limit (see {@link checkFolderRoom}).
   */
  write(key: string, text: string): Promise<void> {
    const path = this.pathOf(key);
    // Bytes first: cheaper than parsing, and a huge text is refused before it is parsed.
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > this.maxDocumentBytes) {
      return Promise.reject(
        new StorageRefusedError({
          code: 'tooLarge',
          key,
          sizeBytes: bytes,
          limitBytes: this.maxDocumentBytes,
        }),
      );
    }
    const problem = documentProblem(text);
    if (problem !== undefined) {
      return Promise.reject(new StorageRefusedError({ code: 'notDocument', key, problem }));
    }
    return this.enqueue(key, async () => {
      await this.checkFolderRoom(key, path, bytes);
      await this.rotateBackupsIfDue(key, path);
      await writeFileAtomic(path, text, this.options);
    });
  }

  /**
   * Throws when writing `bytes` to `path` (with the backup it may rotate in) would take the data
   * folder past its limit. A write that does not grow the folder is always let through, so a
   * folder already over the limit can still be saved smaller. Writes of different documents run
   * side by side, so together they may pass the limit by at most one document each.
   */
  private async checkFolderRoom(key: string, path: string, bytes: number): Promise<void> {
    const used = await dataFolderBytes(this.dir);
    const current = await sizeOf(path);
    // A due backup copies the current file to .bak1 and drops the oldest generation.
    const backup =
      current > 0 && this.backupDue(key)
        ? current - (await sizeOf(this.backupPath(key, this.backups)))
        : 0;
    const after = used - current + bytes + backup;
    if (after <= this.maxFolderBytes || after <= used) return;
    throw new StorageRefusedError({
      code: 'folderFull',
      key,
      sizeBytes: after,
      limitBytes: this.maxFolderBytes,
      folder: this.dir,
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

  /** True when the next write of `key` should rotate the backups first. */
  private backupDue(key: string): boolean {
    const last = this.lastBackupAt.get(key);
    return this.backups > 0 && (last === undefined || this.now() - last >= this.backupIntervalMs);
  }

  private async rotateBackupsIfDue(key: string, path: string): Promise<void> {
    if (!this.backupDue(key)) return;
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
export async function openDocumentFolder(
  dir: string,
  options: JsonDocumentBackendOptions = {},
): Promise<DocumentFolder> {
  await fsp.mkdir(dir, { recursive: true });
  await removeStrayTempFiles(dir);
  return new DocumentFolder(dir, options);
}
