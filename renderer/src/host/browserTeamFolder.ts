/**
 * The team folder in the browser edition: core's TeamFolderHost over the File System Access API,
 * which only Chromium-based browsers (Chrome, Edge) have, and only on a secure context such as
 * the edition served on this computer (http://127.0.0.1). The user picks the folder in the
 * browser's folder picker; its handle is remembered in IndexedDB (teamFolderHandleStore.ts), and
 * after a restart the browser usually asks for permission again, from the user's click
 * (`grantAgain`). The browser cannot watch the folder: the team layer polls.
 *
 * Test seam: end-to-end tests cannot click through a native folder picker, so a page whose
 * window has the property {@link TEAM_FOLDER_TEST_SEAM} (set by the test before any script runs,
 * with Playwright's addInitScript) gets, instead of the picker, the folder of that name in the
 * origin-private file system. Everything after the choice (remembering, permission, reading and
 * writing through DirectoryHandleFolder) is the real code. Nothing in the app sets the property,
 * the page's Content-Security-Policy allows no script but the app's own, and the folder it leads
 * to is private to the site, so the seam opens nothing of the user's.
 */
import { FOLDER_NAME_PATTERN } from '../core/team/folderAccess';
import type {
  OpenTeamFolder,
  RestoredTeamFolder,
  TeamFolderAvailability,
  TeamFolderHost,
} from '../core/team/teamFolderHost';
import { DirectoryHandleFolder } from './directoryHandleFolder';
import { TeamFolderHandleStore } from './teamFolderHandleStore';

/** The window property that names the origin-private test folder (see the module comment). */
export const TEAM_FOLDER_TEST_SEAM = '__onmuniTestTeamFolder';

/** The remembered folder's id for the picker, so it opens where the user chose last time. */
const PICKER_ID = 'onmuni-team';
const READ_WRITE = { mode: 'readwrite' } as const;

/** The parts of the API that TypeScript's DOM library does not declare yet. */
interface PickerWindow {
  showDirectoryPicker?: (options: {
    mode: 'readwrite';
    id: string;
  }) => Promise<FileSystemDirectoryHandle>;
}
interface PermissionHandle {
  queryPermission?: (descriptor: typeof READ_WRITE) => Promise<PermissionState>;
  requestPermission?: (descriptor: typeof READ_WRITE) => Promise<PermissionState>;
}

/** The origin-private folder the test seam names, or undefined (always, outside tests). */
function testFolderName(win: Window): string | undefined {
  const name: unknown = (win as unknown as Record<string, unknown>)[TEAM_FOLDER_TEST_SEAM];
  return typeof name === 'string' && FOLDER_NAME_PATTERN.test(name) ? name : undefined;
}

/** Whether this browser, on this page, can offer a team folder. */
export function teamFolderAvailability(win: Window): TeamFolderAvailability {
  if (testFolderName(win) !== undefined) return true;
  // Browsers withhold the API from pages that are not a secure context (plain http from another
  // computer), so this is said first: it is the one the user can change.
  if (!win.isSecureContext) return { unavailableReason: 'notThisComputer' };
  if (typeof (win as PickerWindow).showDirectoryPicker !== 'function') {
    return { unavailableReason: 'noFileSystemAccess' };
  }
  return true;
}

/** The browser's permission to read and write the folder, asking the user when `ask`. */
async function permission(handle: FileSystemDirectoryHandle, ask: boolean): Promise<boolean> {
  const { queryPermission, requestPermission } = handle as PermissionHandle;
  // Handles of the origin-private file system are always the site's own.
  if (queryPermission === undefined) return true;
  if ((await queryPermission.call(handle, READ_WRITE)) === 'granted') return true;
  if (!ask || requestPermission === undefined) return false;
  return (await requestPermission.call(handle, READ_WRITE)) === 'granted';
}

function opened(handle: FileSystemDirectoryHandle): OpenTeamFolder {
  return { folder: new DirectoryHandleFolder(handle), name: handle.name };
}

export class BrowserTeamFolder implements TeamFolderHost {
  readonly available: TeamFolderAvailability;
  private readonly handles: TeamFolderHandleStore;

  constructor(private readonly win: Window) {
    this.available = teamFolderAvailability(win);
    this.handles = new TeamFolderHandleStore(win.indexedDB);
  }

  async choose(): Promise<OpenTeamFolder | null> {
    const handle = await this.pick();
    if (handle === undefined) return null;
    await this.handles.remember(handle);
    return opened(handle);
  }

  async restore(): Promise<RestoredTeamFolder | null> {
    if (this.available !== true) return null;
    const handle = await this.handles.recall();
    if (handle === undefined) return null;
    return (await permission(handle, false)) ? opened(handle) : { needsPermission: handle.name };
  }

  async grantAgain(): Promise<OpenTeamFolder | null> {
    const handle = await this.handles.recall();
    if (handle === undefined) return null;
    return (await permission(handle, true)) ? opened(handle) : null;
  }

  forget(): Promise<void> {
    return this.handles.forget();
  }

  /** The folder the user picked (or the test seam's), or undefined when they cancelled. */
  private async pick(): Promise<FileSystemDirectoryHandle | undefined> {
    const testName = testFolderName(this.win);
    if (testName !== undefined) {
      const privateRoot = await this.win.navigator.storage.getDirectory();
      return privateRoot.getDirectoryHandle(testName, { create: true });
    }
    const { showDirectoryPicker } = this.win as PickerWindow;
    if (this.available !== true || showDirectoryPicker === undefined) {
      throw new Error('This browser cannot open a team folder.');
    }
    try {
      return await showDirectoryPicker.call(this.win, { ...READ_WRITE, id: PICKER_ID });
    } catch (error) {
      // The user closed the picker.
      if (error instanceof DOMException && error.name === 'AbortError') return undefined;
      throw error;
    }
  }
}

/** The browser edition's team folder host. */
export function createBrowserTeamFolder(win: Window): TeamFolderHost {
  return new BrowserTeamFolder(win);
}
