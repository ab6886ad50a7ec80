/**
 * The rules of the team folder (issue 16) that both sides of IPC check: which relative paths the
 * team layer may name, how large a file may be, and the shapes of the answers main gives. Here,
 * not in core/team/folderAccess.ts (which re-exports them), because the IPC contract and main
 * check the page's input with them and electron/shared imports nothing above it.
 */
import { MIB } from './byteSize';

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

/** A file or folder name the team layer may use or read: no separators, no `.`/`..`, not hidden. */
export const FOLDER_NAME_PATTERN = /^(?!\.)[^/\\\0:*?"<>|]{1,200}$/;

/** True when `path` is a relative path of allowed names (what every FolderAccess accepts). */
export function isFolderPath(path: string): boolean {
  if (path === '') return true;
  return path.split('/').every((part) => FOLDER_NAME_PATTERN.test(part) && part !== '..');
}

/**
 * Longest relative path the desktop accepts from the page, in characters. The team layer's
 * deepest path is `members/<id>/<file>`; this only keeps a runaway page from sending megabytes.
 */
export const MAX_TEAM_PATH_LENGTH = 1_000;

/**
 * Largest team file the desktop writes or reads for the page, in bytes. A compacted snapshot of
 * 10,000 records is a few MB; a file larger than this is a file no member of this version wrote.
 */
export const MAX_TEAM_FILE_BYTES = 16 * MIB;

/**
 * Names one choice of folder on the desktop. Main gives a new one each time a folder is chosen or
 * restored, and answers "unavailable" to a request carrying any other: a sync still running for
 * a folder the user has left can never write into the one chosen after it.
 */
export const TEAM_FOLDER_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** What main answers to a folder request: its value, or that the folder cannot be reached. */
export type TeamFolderAnswer<T> =
  | { readonly status: 'done'; readonly value: T }
  /** FolderUnavailableError's reason (the folder is gone, or it is no longer the chosen one). */
  | { readonly status: 'unavailable'; readonly reason: string };

/** The folder main opened for the page: its token for requests and its name to show. */
export interface OpenedTeamFolder {
  readonly token: string;
  /** The folder's own name (not its path), e.g. "Task force". */
  readonly name: string;
}

/** The reason main gives for a request whose token is not the chosen folder's. */
export const NOT_CHOSEN_REASON = 'This team folder is no longer the chosen one.';
