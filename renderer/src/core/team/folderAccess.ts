/**
 * A shared folder as the team layer sees it: files by relative path, with `/` between parts
 * ("members/k3v…/log-000001.json"). Each host provides one: on the desktop, main's code over the
 * folder the user chose (electron/main/teamFolder); in the browser edition, a directory handle of
 * the File System Access API (host/directoryHandleFolder.ts), or the origin-private file system in
 * tests. Defined here because core reads and writes through it and may not import hosts.
 *
 * The team layer never edits another member's files: it writes only under its own member folder.
 */

import type { FolderEntry, FolderReadResult } from '../../../../electron/shared/teamFolderRules';

// The path rule and the entry shapes live beside the IPC contract, which checks the page's
// requests with them on the desktop; they are the same for every FolderAccess.
export type { FolderEntry, FolderReadResult };
export { FOLDER_NAME_PATTERN, isFolderPath } from '../../../../electron/shared/teamFolderRules';

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
