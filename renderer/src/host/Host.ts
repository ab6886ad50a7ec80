/**
 * The Host is everything the app needs from the place it runs in. The renderer never reaches
 * Electron or browser APIs for these directly: the Electron host calls the preload bridge, the
 * browser host uses browser storage, <input type="file">, download links and window.print().
 */

import type { MenuCommand, OpenTextFileResult } from '../../../electron/shared/ipcContract';
import type { Language } from '../../../electron/shared/language';
import type { PackStorage } from '../core/packs/packStorage';
import type { RoomHost } from '../core/room/roomHost';
import type { DocumentStorage } from '../core/store/DocumentStorage';
import type { TeamFolderHost } from '../core/team/teamFolderHost';

export type { MenuCommand };

/** Names of stored JSON documents: lowercase words joined by dashes, e.g. "settings", "planner". */
export type StorageKey = string;

export interface OpenFileOptions {
  /** Shown in the dialog title on the desktop. */
  title: string;
  /** File extensions without the dot, e.g. ["json"]. */
  extensions: string[];
  /** Files larger than this are refused before being read. */
  maxBytes: number;
}

export type OpenFileResult = OpenTextFileResult;

export interface SaveFileOptions {
  /** Suggested file name, e.g. "plan-2026-11-26.csv". */
  suggestedName: string;
  /** MIME type, used by the browser host for the download. */
  mimeType: string;
  extensions: string[];
  /** Text, or bytes for a binary file (a content pack, `.onmunipack`). */
  contents: string | Uint8Array;
}

export type SaveFileResult = { status: 'cancelled' } | { status: 'saved'; where: string };

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** Human-readable description of where user data lives on this host. */
  dataLocation: string;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  /** Named JSON documents (on the desktop, written atomically with rotating backups). */
  readonly storage: DocumentStorage;
  /**
   * Installed content packs (issue 15): on the desktop a folder per pack and version in the data
   * folder, written by main; in the browser edition IndexedDB. See core/packs/packStorage.ts.
   */
  readonly packs: PackStorage;
  /**
   * The team folder (issue 16): on the desktop a folder main opens after its folder dialog; in
   * the browser edition a directory handle of the File System Access API, where the browser has
   * it (`available` says why not). See core/team/teamFolderHost.ts.
   */
  readonly teamFolder?: TeamFolderHost;
  /**
   * The workshop room (issue 17): on the desktop a room server main runs in a utilityProcess,
   * over IPC; in the browser edition the control API of `npm run serve -- --room`, which is
   * available only in a tab opened on the presenter address it printed (`available` says why
   * not). See core/room/roomHost.ts.
   */
  readonly room?: RoomHost;
  /**
   * Asks the user for a text file in the system's open dialog and reads it, refusing one over
   * `maxBytes` before reading it (main reads it, never the page). Only the desktop host has it:
   * a page can show the browser's file picker only from the user's own click on a file input, so
   * the browser edition shows one (see ui/common/ImportFileChooser.tsx).
   */
  openTextFile?(options: OpenFileOptions): Promise<OpenFileResult>;
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>;
  /** Prints the current page; on the desktop, `toPdf` saves it as a PDF the user names. */
  print(options: { toPdf: boolean; suggestedName?: string }): Promise<SaveFileResult>;
  /**
   * Opens an external link in the user's browser or mail program after asking the user, if the one
   * shared policy allows it (`electron/shared/externalUrlPolicy.ts`: https: and mailto: only; on
   * the desktop, main applies it). Returns false when the link was refused or the user declined.
   */
  openExternal(url: string): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /**
   * Opens a workshop's presenter view in a second window. Only the desktop host has it; in a
   * browser the app opens a second tab itself.
   */
  openPresenterWindow?(workshopId: string, sessionId?: string): Promise<boolean>;
  /**
   * Tells the desktop shell which language the page speaks, so its menus and dialogs speak it
   * too (issue 18). Only the desktop host has a shell with words of its own.
   */
  setLanguage?(language: Language): Promise<void>;
  /**
   * Subscribes to the native menu's commands (File → Search, Print, Import, Export); returns the
   * function that unsubscribes. Only the desktop host has a native menu.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
}
