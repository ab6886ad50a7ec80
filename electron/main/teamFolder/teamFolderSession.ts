/**
 * The team folder as main keeps it for the page (issue 16): the one folder the user chose in the
 * system's dialog, remembered in the data folder, opened as a FolderAccess, and watched. The page
 * reaches it over the `team:*` channels with a token and relative paths, never a path of its own:
 * the IPC contract has checked every input with zod, and the same rules are checked again here so
 * that no caller can name a file outside the folder, whatever it sends.
 * Pure Node (no Electron), so it is unit-tested over a real temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import {
  FolderUnavailableError,
  type FolderAccess,
} from '../../../renderer/src/core/team/folderAccess';
import {
  MAX_TEAM_FILE_BYTES,
  MAX_TEAM_PATH_LENGTH,
  NOT_CHOSEN_REASON,
  isFolderPath,
  type FolderEntry,
  type FolderReadResult,
  type OpenedTeamFolder,
  type TeamFolderAnswer,
} from '../../shared/teamFolderRules';
import { watchFolder } from './folderWatcher';
import {
  forgetTeamFolderChoice,
  readTeamFolderChoice,
  saveTeamFolderChoice,
} from './teamFolderChoice';

export interface TeamFolderSessionOptions {
  /** The data folder, where the choice is remembered. */
  dataDir: string;
  /** Opens a FolderAccess over an absolute folder path. */
  open: (root: string) => FolderAccess;
  /**
   * Starts watching a folder, leaving out changes `ignore` names; returns the function that
   * stops. Defaults to {@link watchFolder}.
   */
  watch?: (root: string, onChange: () => void, ignore: (path: string) => boolean) => () => void;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * How long after writing or removing a file main takes a change to it for its own: the page
 * wrote it and need not be told to read it back. Longer than the watcher's debounce; a teammate's
 * file never has the path of one of ours (each member writes only their own member folder).
 */
export const OWN_CHANGE_MS = 2_000;

interface CurrentFolder extends OpenedTeamFolder {
  readonly path: string;
  readonly folder: FolderAccess;
  readonly stopWatching: () => void;
}

/** Throws unless `path` is a relative path the team layer may use (`''` only where allowed). */
function checkPath(path: string, allowRoot: boolean): void {
  if (path.length > MAX_TEAM_PATH_LENGTH || !isFolderPath(path) || (!allowRoot && path === '')) {
    throw new Error(`Not a team folder path: ${JSON.stringify(path.slice(0, 100))}`);
  }
}

function checkSize(bytes: number, what: string): void {
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_TEAM_FILE_BYTES) {
    throw new Error(`${what} must be a whole number of bytes up to ${MAX_TEAM_FILE_BYTES}.`);
  }
}

export class TeamFolderSession {
  private current: CurrentFolder | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly open: (root: string) => FolderAccess;
  private readonly watch: NonNullable<TeamFolderSessionOptions['watch']>;
  private readonly now: () => number;
  /** Paths this session wrote or removed, with when: their changes are not reported. */
  private readonly ownChanges = new Map<string, number>();

  constructor(private readonly options: TeamFolderSessionOptions) {
    this.open = options.open;
    this.watch =
      options.watch ?? ((root, onChange, ignore) => watchFolder(root, onChange, { ignore }));
    this.now = options.now ?? Date.now;
  }

  /** Makes `path` (absolute, from the folder dialog) the team folder, and remembers it. */
  async use(path: string): Promise<OpenedTeamFolder> {
    await saveTeamFolderChoice(this.options.dataDir, path);
    return this.switchTo(path);
  }

  /**
   * The folder chosen before, opened; null when none is remembered. The same token while the
   * folder stays chosen, so every part of the page that asks shares one. A folder that is not
   * there just now (a network drive offline) is still restored: its requests answer
   * "unavailable" until it is back.
   */
  async restore(): Promise<OpenedTeamFolder | null> {
    const path = await readTeamFolderChoice(this.options.dataDir);
    if (path === undefined) {
      this.close();
      return null;
    }
    if (this.current?.path === path) return this.opened(this.current);
    return this.switchTo(path);
  }

  /** Leaves the folder: forgets the choice and stops watching. Nothing is deleted. */
  async forget(): Promise<void> {
    this.close();
    await forgetTeamFolderChoice(this.options.dataDir);
  }

  async list(token: string, dir: string): Promise<TeamFolderAnswer<FolderEntry[]>> {
    checkPath(dir, true);
    return await this.answer(token, (folder) => folder.list(dir));
  }

  async read(
    token: string,
    path: string,
    maxBytes: number,
  ): Promise<TeamFolderAnswer<FolderReadResult>> {
    checkPath(path, false);
    checkSize(maxBytes, 'maxBytes');
    return await this.answer(token, (folder) => folder.read(path, maxBytes));
  }

  async write(
    token: string,
    path: string,
    bytes: Uint8Array,
  ): Promise<TeamFolderAnswer<undefined>> {
    checkPath(path, false);
    checkSize(bytes.byteLength, 'A team file');
    return await this.answer(token, (folder) => {
      this.noteOwnChange(path);
      return folder.writeAtomic(path, bytes).then(() => undefined);
    });
  }

  async remove(token: string, path: string): Promise<TeamFolderAnswer<undefined>> {
    checkPath(path, false);
    return await this.answer(token, (folder) => {
      this.noteOwnChange(path);
      return folder.remove(path).then(() => undefined);
    });
  }

  /** Hears (debounced) of changes in the chosen folder; returns the unsubscriber. */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops watching; the choice stays remembered. */
  close(): void {
    this.current?.stopWatching();
    this.current = undefined;
  }

  private switchTo(path: string): OpenedTeamFolder {
    this.close();
    const current: CurrentFolder = {
      token: randomBytes(16).toString('hex'),
      name: basename(path),
      path,
      folder: this.open(path),
      stopWatching: this.watch(
        path,
        () => {
          for (const listener of this.listeners) listener();
        },
        (changed) => this.isOwnChange(changed),
      ),
    };
    this.current = current;
    return this.opened(current);
  }

  private noteOwnChange(path: string): void {
    const now = this.now();
    for (const [known, at] of this.ownChanges) {
      if (now - at > OWN_CHANGE_MS) this.ownChanges.delete(known);
    }
    this.ownChanges.set(path, now);
  }

  private isOwnChange(path: string): boolean {
    const at = this.ownChanges.get(path);
    return at !== undefined && this.now() - at <= OWN_CHANGE_MS;
  }

  private opened({ token, name }: CurrentFolder): OpenedTeamFolder {
    return { token, name };
  }

  /** Runs `work` on the folder `token` names; a folder that cannot be reached is an answer. */
  private async answer<T>(
    token: string,
    work: (folder: FolderAccess) => Promise<T>,
  ): Promise<TeamFolderAnswer<T>> {
    const current = this.current;
    if (current === undefined || current.token !== token) {
      return { status: 'unavailable', reason: NOT_CHOSEN_REASON };
    }
    try {
      return { status: 'done', value: await work(current.folder) };
    } catch (error) {
      if (error instanceof FolderUnavailableError) {
        return { status: 'unavailable', reason: error.reason };
      }
      throw error;
    }
  }
}
