/**
 * The team folder on the desktop: core's TeamFolderHost over the preload bridge. Main shows the
 * folder dialog, remembers the choice and reads and writes the folder
 * (electron/main/teamFolder/); the page holds only the token main gave for the chosen folder and
 * names files by relative path. A folder main cannot reach, or one that is no longer the chosen
 * one, comes back as an answer and is thrown here as core's FolderUnavailableError.
 */
import type { OnmuniBridge } from '../../../electron/shared/ipcContract';
import {
  MAX_TEAM_FILE_BYTES,
  type OpenedTeamFolder,
  type TeamFolderAnswer,
} from '../../../electron/shared/teamFolderRules';
import {
  FolderUnavailableError,
  type FolderAccess,
  type FolderEntry,
  type FolderReadResult,
} from '../core/team/folderAccess';
import type { OpenTeamFolder, TeamFolderHost } from '../core/team/teamFolderHost';
import { ownBytes } from './ownBytes';

/** The value of main's answer, or FolderUnavailableError. */
async function valueOf<T>(answer: Promise<TeamFolderAnswer<T>>): Promise<T> {
  const result = await answer;
  if (result.status === 'unavailable') throw new FolderUnavailableError(result.reason);
  return result.value;
}

/**
 * The chosen folder, reached through main. Writes larger than main's bound
 * (`MAX_TEAM_FILE_BYTES`) and paths that are not folder paths are refused by the IPC contract
 * (the promise rejects); reads ask for at most that bound, so a larger file is reported too large.
 */
export class IpcFolderAccess implements FolderAccess {
  constructor(
    private readonly bridge: OnmuniBridge,
    private readonly token: string,
  ) {}

  list(dir: string): Promise<FolderEntry[]> {
    return valueOf(this.bridge.team.list({ token: this.token, dir }));
  }

  read(path: string, maxBytes: number): Promise<FolderReadResult> {
    const bound = Math.min(Math.max(0, Math.floor(maxBytes)), MAX_TEAM_FILE_BYTES);
    return valueOf(this.bridge.team.read({ token: this.token, path, maxBytes: bound }));
  }

  writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    return valueOf(this.bridge.team.write({ token: this.token, path, bytes: ownBytes(bytes) }));
  }

  remove(path: string): Promise<void> {
    return valueOf(this.bridge.team.remove({ token: this.token, path }));
  }
}

export class ElectronTeamFolder implements TeamFolderHost {
  readonly available = true;

  constructor(private readonly bridge: OnmuniBridge) {}

  async choose(): Promise<OpenTeamFolder | null> {
    return this.opened(await this.bridge.team.choose({}));
  }

  async restore(): Promise<OpenTeamFolder | null> {
    return this.opened(await this.bridge.team.restore({}));
  }

  forget(): Promise<void> {
    return this.bridge.team.forget({});
  }

  watch(listener: () => void): () => void {
    return this.bridge.team.onChanged(listener);
  }

  private opened(opened: OpenedTeamFolder | null): OpenTeamFolder | null {
    if (opened === null) return null;
    return { folder: new IpcFolderAccess(this.bridge, opened.token), name: opened.name };
  }
}
