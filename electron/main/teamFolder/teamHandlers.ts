/**
 * The `team:*` channels: the page's requests for the team folder, answered by the session, and
 * the change notice (`team:changed`) sent to every page that opened the folder.
 */
import { TEAM_CHANGED_CHANNEL, type IpcChannel } from '../../shared/ipcContract';
import type { IpcHandlers } from '../ipc';
import type { TeamFolderSession } from './teamFolderSession';

export type TeamChannel = Extract<IpcChannel, `team:${string}`>;

/** What the handlers need of the WebContents that asked. */
export interface TeamPage {
  isDestroyed(): boolean;
  send(channel: string): void;
}

/**
 * `chooseFolder` shows the system's folder dialog over the asking page's window and resolves
 * with the absolute path chosen, or undefined when the user cancelled.
 */
export function createTeamHandlers<Sender extends TeamPage>(
  session: TeamFolderSession,
  chooseFolder: (sender: Sender) => Promise<string | undefined>,
): Pick<IpcHandlers<Sender>, TeamChannel> {
  // The pages that opened the folder hear of its changes; a closed one is dropped on the next.
  const pages = new Set<Sender>();
  session.onChanged(() => {
    for (const page of pages) {
      if (page.isDestroyed()) pages.delete(page);
      else page.send(TEAM_CHANGED_CHANNEL);
    }
  });
  return {
    'team:choose': async (_input, sender) => {
      const path = await chooseFolder(sender);
      if (path === undefined) return null;
      pages.add(sender);
      return session.use(path);
    },
    'team:restore': async (_input, sender) => {
      const opened = await session.restore();
      if (opened !== null) pages.add(sender);
      return opened;
    },
    'team:forget': async () => {
      await session.forget();
      pages.clear();
      return undefined;
    },
    'team:list': ({ token, dir }) => session.list(token, dir),
    'team:read': ({ token, path, maxBytes }) => session.read(token, path, maxBytes),
    'team:write': ({ token, path, bytes }) => session.write(token, path, bytes),
    'team:remove': ({ token, path }) => session.remove(token, path),
  };
}
