/**
 * The team folder in the browser edition: core's FolderAccess over a FileSystemDirectoryHandle
 * of the File System Access API (a folder the user picked; in end-to-end tests a folder of the
 * origin-private file system, which has the same interface).
 *
 * - Writes go through `createWritable`, which the browser makes atomic itself: the bytes go to a
 *   swap file beside the target and replace it only on `close`, so a reader (or a sync tool)
 *   sees the old file or the new one. A write that fails is aborted, leaving the old file.
 * - Reads are bounded: the size is checked first, and at most `maxBytes + 1` bytes are read.
 * - A handle whose folder was deleted, moved, or whose drive went offline answers NotFoundError;
 *   permission taken back answers NotAllowedError. Either, for the folder itself, is
 *   FolderUnavailableError; NotFoundError below it is an entry that is not there.
 * - Folders have no modification time in this API: listed folders say 0 (only files' times are
 *   used, to skip re-reading files that have not changed).
 */
import {
  FolderUnavailableError,
  isFolderPath,
  type FolderAccess,
  type FolderEntry,
  type FolderReadResult,
} from '../core/team/folderAccess';

/** The handle's async iteration, which TypeScript types only in the DOM.AsyncIterable library. */
interface IterableDirectoryHandle extends FileSystemDirectoryHandle {
  entries(): AsyncIterableIterator<[string, FileSystemHandle]>;
  keys(): AsyncIterableIterator<string>;
}

function errorName(error: unknown): string | undefined {
  return error instanceof DOMException || error instanceof Error ? error.name : undefined;
}

/** The folder, or an entry in the way, is not there. */
const isNotFound = (error: unknown): boolean => errorName(error) === 'NotFoundError';
/** A file where a folder was expected, or a folder where a file was. */
const isWrongKind = (error: unknown): boolean => errorName(error) === 'TypeMismatchError';
/** Permission to the folder was taken back (or never given). */
const isNotAllowed = (error: unknown): boolean =>
  errorName(error) === 'NotAllowedError' || errorName(error) === 'SecurityError';

function checkPath(path: string, allowRoot: boolean): string[] {
  if (!isFolderPath(path) || (!allowRoot && path === '')) {
    throw new Error(`Not a path inside the team folder: ${JSON.stringify(path.slice(0, 100))}`);
  }
  return path === '' ? [] : path.split('/');
}

export class DirectoryHandleFolder implements FolderAccess {
  constructor(private readonly root: FileSystemDirectoryHandle) {}

  async list(dir: string): Promise<FolderEntry[]> {
    const parts = checkPath(dir, true);
    const folder = await this.folderAt(parts, false);
    if (folder === undefined) return [];
    const entries: FolderEntry[] = [];
    try {
      for await (const [name, handle] of (folder as IterableDirectoryHandle).entries()) {
        // Hidden names (.stfolder, .DS_Store) and names no other host could open are left out.
        if (!isFolderPath(name)) continue;
        const entry = await this.entryOf(name, handle);
        if (entry !== undefined) entries.push(entry);
      }
    } catch (error) {
      // The folder went away while it was being listed.
      if (isNotFound(error)) return this.nothingUnlessRootGone([]);
      throw await this.unavailableIfRootGone(error);
    }
    return entries;
  }

  async read(path: string, maxBytes: number): Promise<FolderReadResult> {
    const parts = checkPath(path, false);
    const file = await this.fileAt(parts);
    if (file === undefined) return { status: 'missing' };
    if (file.size > maxBytes) return { status: 'tooLarge', size: file.size };
    let bytes: Uint8Array;
    try {
      // One byte more than allowed tells a file that grew past the bound from one that did not.
      bytes = new Uint8Array(await file.slice(0, maxBytes + 1).arrayBuffer());
    } catch (error) {
      // Changed or removed since it was looked at (a sync tool at work): look again, once.
      if (errorName(error) !== 'NotReadableError' && !isNotFound(error)) throw error;
      const again = await this.fileAt(parts);
      if (again === undefined) return { status: 'missing' };
      if (again.size > maxBytes) return { status: 'tooLarge', size: again.size };
      bytes = new Uint8Array(await again.slice(0, maxBytes + 1).arrayBuffer());
    }
    if (bytes.byteLength > maxBytes) return { status: 'tooLarge', size: bytes.byteLength };
    return { status: 'ok', bytes };
  }

  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    const parts = checkPath(path, false);
    const name = parts.pop() ?? '';
    try {
      const folder = await this.folderAt(parts, true);
      // A file stands where a folder of the path should be (or one was removed meanwhile).
      if (folder === undefined) throw new Error(`No folder can be made for ${path}.`);
      const handle = await folder.getFileHandle(name, { create: true });
      const writable = await handle.createWritable({ keepExistingData: false });
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
      } catch (error) {
        // Nothing of a failed write reaches the file: the swap file is thrown away.
        await writable.abort().catch(() => undefined);
        throw error;
      }
      await writable.close();
    } catch (error) {
      if (error instanceof FolderUnavailableError) throw error;
      throw await this.unavailableIfRootGone(error);
    }
  }

  async remove(path: string): Promise<void> {
    const parts = checkPath(path, false);
    const name = parts.pop() ?? '';
    const folder = await this.folderAt(parts, false);
    if (folder === undefined) return;
    try {
      await folder.removeEntry(name);
    } catch (error) {
      if (isNotFound(error)) return this.nothingUnlessRootGone(undefined);
      throw await this.unavailableIfRootGone(error);
    }
  }

  /** The entry for one item of a listing; undefined when it went away meanwhile. */
  private async entryOf(name: string, handle: FileSystemHandle): Promise<FolderEntry | undefined> {
    if (handle.kind === 'directory') return { name, kind: 'directory', size: 0, modifiedMs: 0 };
    try {
      const file = await (handle as FileSystemFileHandle).getFile();
      return { name, kind: 'file', size: file.size, modifiedMs: file.lastModified };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * The folder at `parts` below the root (created when `create`); undefined when it (or a folder
   * above it) does not exist or is a file. FolderUnavailableError when the root itself is gone.
   */
  private async folderAt(
    parts: readonly string[],
    create: boolean,
  ): Promise<FileSystemDirectoryHandle | undefined> {
    let folder = this.root;
    try {
      if (parts.length === 0) await this.checkRoot();
      for (const part of parts) folder = await folder.getDirectoryHandle(part, { create });
      return folder;
    } catch (error) {
      if (error instanceof FolderUnavailableError) throw error;
      if (isNotFound(error) || isWrongKind(error)) return this.nothingUnlessRootGone(undefined);
      throw await this.unavailableIfRootGone(error);
    }
  }

  /** The file at `parts`, as a snapshot to read; undefined when it is not there (or a folder). */
  private async fileAt(parts: readonly string[]): Promise<File | undefined> {
    const name = parts.at(-1) ?? '';
    const folder = await this.folderAt(parts.slice(0, -1), false);
    if (folder === undefined) return undefined;
    try {
      return await (await folder.getFileHandle(name)).getFile();
    } catch (error) {
      if (isNotFound(error) || isWrongKind(error)) return this.nothingUnlessRootGone(undefined);
      throw await this.unavailableIfRootGone(error);
    }
  }

  /** Resolves when the root folder is there and may be used; FolderUnavailableError otherwise. */
  private async checkRoot(): Promise<void> {
    try {
      await (this.root as IterableDirectoryHandle).keys().next();
    } catch (error) {
      if (isNotFound(error) || isNotAllowed(error)) {
        throw new FolderUnavailableError(errorName(error) ?? 'unreachable');
      }
      throw error;
    }
  }

  /** `value` when the root is there: something below it was missing, which is an answer. */
  private async nothingUnlessRootGone<T>(value: T): Promise<T> {
    await this.checkRoot();
    return value;
  }

  /** FolderUnavailableError when the root is gone, else `error` as it was. */
  private async unavailableIfRootGone(error: unknown): Promise<unknown> {
    if (isNotAllowed(error))
      return new FolderUnavailableError(errorName(error) ?? 'NotAllowedError');
    try {
      await this.checkRoot();
    } catch (rootError) {
      return rootError;
    }
    return error;
  }
}
