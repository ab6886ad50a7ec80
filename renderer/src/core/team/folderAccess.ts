/**
 * A shared folder as the team layer sees it: files by relative path, with `/` between parts
 * ("members/k3v…/log-000001.json"). Each host provides one: on the desktop, main's code over the
 * folder the user chose (electron/main/teamFolder); in the browser edition, a directory handle of
 * the File System Access API (host/directoryHandleFolder.ts), or the origin-private file system in
 * tests. Defined here because core reads and writes through it and may not import hosts.
 *
 * The team layer never edits another member's files: it writes only under its own member folder.
 */

/** One entry of a folder listing. */
export interface FolderEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory';
  /** Bytes (files only; 0 for folders). */
  readonly size: number;
  /**
   * When the file last changed, in milliseconds. Only ever used to skip re-reading a file that
   * has not changed since the last read; never to order changes (sync tools rewrite file times).
   */
  readonly modifiedMs: number;
}

/** What `read` found: the bytes, or that the file was larger than allowed (and was not read). */
export type FolderReadResult =
  | { readonly status: 'ok'; readonly bytes: Uint8Array }
  | { readonly status: 'tooLarge'; readonly size: number }
  | { readonly status: 'missing' };

/** The folder (or the drive it is on) is not there: offline network drive, unplugged disk. */
export class FolderUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FolderUnavailableError';
  }
}

export interface FolderAccess {
  /**
   * The entries directly inside `dir` ('' for the folder itself); an empty list when `dir` does
   * not exist. Hidden entries (names starting with `.`, such as Syncthing's temporary files) are
   * left out. Rejects with FolderUnavailableError when the folder itself is gone.
   */
  list(dir: string): Promise<FolderEntry[]>;
  /** A file's bytes, reading no more than `maxBytes` (a larger file is reported, not read). */
  read(path: string, maxBytes: number): Promise<FolderReadResult>;
  /**
   * Writes a file atomically: to a temporary name beside it, then renamed over it, so a reader
   * (or a sync tool) sees the old file or the new one, never half of one. Creates the parent
   * folders as needed.
   */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file; nothing happens when it is already gone. */
  remove(path: string): Promise<void>;
}

/** A file or folder name the team layer may use or read: no separators, no `.`/`..`, not hidden. */
export const FOLDER_NAME_PATTERN = /^(?!\.)[^/\\\0:*?"<>|]{1,200}$/;

/** True when `path` is a relative path of allowed names (what every FolderAccess accepts). */
export function isFolderPath(path: string): boolean {
  if (path === '') return true;
  return path.split('/').every((part) => FOLDER_NAME_PATTERN.test(part) && part !== '..');
}
