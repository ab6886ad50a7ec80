/**
 * What a host offers for the team folder (issue 16): choosing the shared folder, finding it again
 * after a restart, and leaving it. The folder itself is then read and written through the
 * FolderAccess it gives. On the desktop main opens the folder the user picked in the system's
 * dialog (host/electronTeamFolder.ts); in the browser edition it is a directory handle of the
 * File System Access API (host/browserTeamFolder.ts).
 */
import type { FolderAccess } from './folderAccess';

/** A folder the host opened: how to reach it, and its own name (not a path) to show. */
export interface OpenTeamFolder {
  readonly folder: FolderAccess;
  readonly name: string;
}

/**
 * Why this host cannot offer a team folder:
 * - `noFileSystemAccess`: the browser has no File System Access API (only Chromium and Edge do);
 * - `notThisComputer`: the page is not on a secure context (served from another computer over
 *   plain http), where browsers withhold the API; it is there on http://127.0.0.1.
 */
export type TeamFolderUnavailableReason = 'noFileSystemAccess' | 'notThisComputer';

export type TeamFolderAvailability =
  true | { readonly unavailableReason: TeamFolderUnavailableReason };

/** What `restore` found. */
export type RestoredTeamFolder =
  | OpenTeamFolder
  /**
   * The browser still knows the folder but needs the user's permission again (it is asked from
   * the user's own click: {@link TeamFolderHost.grantAgain}). Carries the folder's name.
   */
  | { readonly needsPermission: string };

export interface TeamFolderHost {
  /** Whether this host can offer a team folder at all, and if not why (for the Settings text). */
  readonly available: TeamFolderAvailability;
  /**
   * Asks the user for the folder (the system's folder dialog, or the browser's folder picker:
   * call it from the user's click) and remembers it. Null when the user cancelled.
   */
  choose(): Promise<OpenTeamFolder | null>;
  /** The folder chosen before, after a restart; null when none was chosen (or it was left). */
  restore(): Promise<RestoredTeamFolder | null>;
  /**
   * Browser only: asks the user again for permission to the remembered folder. Call it from the
   * user's click. Null when permission was refused or no folder is remembered.
   */
  grantAgain?(): Promise<OpenTeamFolder | null>;
  /** Leaves the folder: forgets it here. Never deletes anything, in the folder or locally. */
  forget(): Promise<void>;
  /**
   * Desktop only: calls `listener` (debounced) when something in the folder changed. Watching is
   * unreliable on network drives and sync tools, so callers also poll. Returns the unsubscriber.
   */
  watch?(listener: () => void): () => void;
}
