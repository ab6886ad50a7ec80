/**
 * The team folder over IPC: the page's TeamFolderHost (host/electronTeamFolder.ts) through the
 * preload bridge, the contract's checks and main's real handlers, over real temporary folders.
 * Only Electron's dialog is faked: it answers with the folder the test chose.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn(), getPath: vi.fn(() => '/home/clerk/Documents') },
  dialog: {
    showMessageBox: vi.fn(),
    showOpenDialog:
      vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(),
    showSaveDialog: vi.fn(),
  },
  shell: { openExternal: vi.fn() },
  session: { defaultSession: {} },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
}));
vi.mock('electron', () => electron);

import { createIpcHandlers } from '../../../electron/main/handlers';
import {
  IpcRefusedError,
  registerIpcHandlers,
  type IpcHandlers,
  type InvokeEvent,
  type SenderFrame,
} from '../../../electron/main/ipc';
import { openDocumentFolder } from '../../../electron/main/storage';
import { NodeFolderAccess } from '../../../electron/main/teamFolder/nodeFolderAccess';
import { TEAM_FOLDER_CHOICE_FILE } from '../../../electron/main/teamFolder/teamFolderChoice';
import { TeamFolderSession } from '../../../electron/main/teamFolder/teamFolderSession';
import { buildBridge } from '../../../electron/preload/bridge';
import {
  TEAM_CHANGED_CHANNEL,
  ipcChannels,
  type IpcChannel,
} from '../../../electron/shared/ipcContract';
import { MAX_TEAM_FILE_BYTES } from '../../../electron/shared/teamFolderRules';
import { FolderUnavailableError } from '../../../renderer/src/core/team/folderAccess';
import type { OpenTeamFolder } from '../../../renderer/src/core/team/teamFolderHost';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import { directoryUnderTest } from '../team/directoryUnderTest';
import { folderAccessContract } from '../team/folderAccessContract';
import { makeTempDir } from './tempDir';

type Listener = (event: InvokeEvent<FakePage>, ...args: unknown[]) => Promise<unknown>;

/** The WebContents of a page, as far as the team handlers use it. */
class FakePage {
  readonly sent: string[] = [];
  /** The preload's listeners, by channel: main's `send` reaches them as ipcRenderer.on would. */
  readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string): void {
    this.sent.push(channel);
    for (const listener of this.listeners.get(channel) ?? []) listener(undefined);
  }
}

const appFrame: SenderFrame = { url: 'app://onmuni/index.html#/settings', parent: null };
const windows = {
  preloadPath: '/app/out/preload/index.cjs',
  entryUrl: 'app://onmuni/index.html',
  devTools: false,
};

/** A fake ipcMain with main's registered handlers, and a page's host over the real bridge. */
function connect(handlers: IpcHandlers<FakePage>, page = new FakePage()) {
  const listeners = new Map<string, Listener>();
  registerIpcHandlers<FakePage>(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
  );
  const invoke = (channel: string, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: appFrame, sender: page }, ...args);
  };
  const bridge = buildBridge(
    (channel, input) => invoke(channel, input),
    (channel, listener) => {
      const set = page.listeners.get(channel) ?? new Set();
      page.listeners.set(channel, set.add(listener));
      return () => set.delete(listener);
    },
  );
  const teamFolder = new ElectronHost(bridge).teamFolder;
  return { invoke, page, teamFolder };
}

/** Main's handlers over a fresh data folder; the folder dialog will answer `chosen`. */
async function desktop(options: { dataDir?: string; team?: TeamFolderSession } = {}) {
  const dataDir = options.dataDir ?? (await makeTempDir('onmuni-data-'));
  const store = await openDocumentFolder(dataDir);
  const handlers = createIpcHandlers({
    store,
    team: options.team,
    appName: 'OnMuni Toolkit',
    appVersion: '1.0.0',
    windows,
  });
  return { dataDir, ...connect(handlers as unknown as IpcHandlers<FakePage>) };
}

function dialogAnswers(path: string | undefined): void {
  electron.dialog.showOpenDialog.mockResolvedValueOnce(
    path === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] },
  );
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function chosen(
  teamFolder: ElectronHost['teamFolder'],
  root: string,
): Promise<OpenTeamFolder> {
  dialogAnswers(root);
  const opened = await teamFolder.choose();
  if (opened === null) throw new Error('the folder was not chosen');
  return opened;
}

describe('the team channels refuse bad input before main acts on it', () => {
  const token = 'ab'.repeat(16);
  const spies = Object.fromEntries(
    ipcChannels.map((channel) => [channel, vi.fn(() => Promise.resolve(null))]),
  ) as unknown as IpcHandlers<FakePage> & Record<IpcChannel, ReturnType<typeof vi.fn>>;
  const { invoke } = connect(spies);

  it.each<[string, IpcChannel, unknown]>([
    ['an absolute folder', 'team:list', { token, dir: '/etc' }],
    ['the parent folder', 'team:list', { token, dir: '..' }],
    ['a path through ..', 'team:list', { token, dir: 'members/../..' }],
    ['a Windows path', 'team:list', { token, dir: 'C:\\Users' }],
    ['a number for a path', 'team:list', { token, dir: 42 }],
    ['a made-up token', 'team:list', { token: 'not-a-token', dir: '' }],
    ['no token', 'team:list', { dir: '' }],
    ['a folder of its own', 'team:list', { token, dir: '', root: '/' }],
    ['an absolute path', 'team:read', { token, path: '/etc/passwd', maxBytes: 10 }],
    ['a path out of the folder', 'team:read', { token, path: '../../secrets.json', maxBytes: 10 }],
    ['a hidden file', 'team:read', { token, path: 'members/.hidden', maxBytes: 10 }],
    ['the folder itself', 'team:read', { token, path: '', maxBytes: 10 }],
    [
      'a bound over the limit',
      'team:read',
      { token, path: 'a.json', maxBytes: MAX_TEAM_FILE_BYTES + 1 },
    ],
    ['a negative bound', 'team:read', { token, path: 'a.json', maxBytes: -1 }],
    ['a fractional bound', 'team:read', { token, path: 'a.json', maxBytes: 1.5 }],
    ['text for a bound', 'team:read', { token, path: 'a.json', maxBytes: '10' }],
    ['a path too long', 'team:read', { token, path: `${'a/'.repeat(600)}x.json`, maxBytes: 10 }],
    [
      'bytes over the limit',
      'team:write',
      { token, path: 'a.json', bytes: new Uint8Array(MAX_TEAM_FILE_BYTES + 1) },
    ],
    ['text for bytes', 'team:write', { token, path: 'a.json', bytes: '{}' }],
    ['an array for bytes', 'team:write', { token, path: 'a.json', bytes: [1, 2, 3] }],
    ['an absolute path', 'team:write', { token, path: '/tmp/x.json', bytes: new Uint8Array(1) }],
    [
      'a path through ..',
      'team:write',
      { token, path: 'members/a/../../x.json', bytes: new Uint8Array(1) },
    ],
    ['the folder itself', 'team:write', { token, path: '', bytes: new Uint8Array(1) }],
    ['a path out of the folder', 'team:remove', { token, path: '../x.json' }],
    ['a NUL in a name', 'team:remove', { token, path: 'a\u0000.json' }],
    ['the folder itself', 'team:remove', { token, path: '' }],
    ['a path from the page', 'team:choose', { path: '/etc' }],
    ['a path from the page', 'team:restore', { path: '/etc' }],
    ['an extra field', 'team:forget', { deleteFiles: true }],
  ])('refuses %s to %s', async (_what, channel, input) => {
    await expect(invoke(channel, input)).rejects.toThrow(IpcRefusedError);
    expect(spies[channel]).not.toHaveBeenCalled();
  });

  it('passes good input on', async () => {
    await invoke('team:write', { token, path: 'members/m1/log-000001.json', bytes: bytes('[]') });
    await invoke('team:read', { token, path: 'a.json', maxBytes: MAX_TEAM_FILE_BYTES });
    await invoke('team:list', { token, dir: '' });
    expect(spies['team:write']).toHaveBeenCalledTimes(1);
    expect(spies['team:read']).toHaveBeenCalledTimes(1);
    expect(spies['team:list']).toHaveBeenCalledTimes(1);
  });
});

describe('the team folder through the bridge, on a real folder', () => {
  it('chooses a folder in the dialog, writes and reads it, and remembers it after a restart', async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const first = await desktop();
    const { folder, name } = await chosen(first.teamFolder, root);
    expect(name).toBe('Task force');
    expect(electron.dialog.showOpenDialog.mock.calls.at(-1)?.at(-1)).toMatchObject({
      title: 'Choose team folder',
      properties: ['openDirectory', 'createDirectory'],
    });
    await folder.writeAtomic('members/m1/member.json', bytes('{"name":"Sam"}'));
    expect(await readFile(join(root, 'members', 'm1', 'member.json'), 'utf8')).toBe(
      '{"name":"Sam"}',
    );
    // Remembered in the data folder, under a name no stored document can have.
    const remembered = await readFile(join(first.dataDir, TEAM_FOLDER_CHOICE_FILE), 'utf8');
    expect(JSON.parse(remembered)).toEqual({ path: root });

    // After a restart: a new main process over the same data folder.
    const second = await desktop({ dataDir: first.dataDir });
    const restored = await second.teamFolder.restore();
    if (restored === null || !('folder' in restored)) throw new Error('not restored');
    expect(restored.name).toBe('Task force');
    expect(await restored.folder.read('members/m1/member.json', 100)).toEqual({
      status: 'ok',
      bytes: bytes('{"name":"Sam"}'),
    });
    // Every part of the page that restores shares the same folder: both keep working.
    const again = await second.teamFolder.restore();
    if (again === null || !('folder' in again)) throw new Error('not restored');
    expect(await restored.folder.list('members')).toHaveLength(1);
    expect(await again.folder.list('members')).toHaveLength(1);
  });

  it('answers null when the dialog is cancelled, and keeps the folder chosen before', async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const { teamFolder } = await desktop();
    dialogAnswers(undefined);
    await expect(teamFolder.choose()).resolves.toBeNull();
    await expect(teamFolder.restore()).resolves.toBeNull();
    const { folder } = await chosen(teamFolder, root);
    dialogAnswers(undefined);
    await expect(teamFolder.choose()).resolves.toBeNull();
    await expect(folder.list('')).resolves.toEqual([]);
  });

  it('leaves a folder without deleting anything, and refuses the old folder afterwards', async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const { teamFolder, dataDir } = await desktop();
    const { folder } = await chosen(teamFolder, root);
    await folder.writeAtomic('members/m1/log-000001.json', bytes('[]'));
    await teamFolder.forget();
    expect(await readFile(join(root, 'members', 'm1', 'log-000001.json'), 'utf8')).toBe('[]');
    await expect(readFile(join(dataDir, TEAM_FOLDER_CHOICE_FILE))).rejects.toThrow();
    await expect(teamFolder.restore()).resolves.toBeNull();
    await expect(folder.list('')).rejects.toThrow(FolderUnavailableError);
    await expect(folder.writeAtomic('x.json', bytes('{}'))).rejects.toThrow(FolderUnavailableError);
  });

  it('sends requests for a folder left behind nowhere, once another is chosen', async () => {
    const a = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const b = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const { teamFolder } = await desktop();
    const first = await chosen(teamFolder, a.root);
    const second = await chosen(teamFolder, b.root);
    await expect(first.folder.writeAtomic('late.json', bytes('{}'))).rejects.toThrow(
      FolderUnavailableError,
    );
    await expect(second.folder.list('')).resolves.toEqual([]);
  });

  it('answers "unavailable" while the folder is gone (a network drive offline)', async () => {
    const subject = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const { teamFolder, dataDir } = await desktop();
    await chosen(teamFolder, subject.root);
    await subject.removeRoot();
    const { teamFolder: afterRestart } = await desktop({ dataDir });
    const restored = await afterRestart.restore();
    if (restored === null || !('folder' in restored)) throw new Error('not restored');
    await expect(restored.folder.list('')).rejects.toThrow(FolderUnavailableError);
  });

  it('cannot be pointed at another folder through the stored documents', async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const elsewhere = await makeTempDir('onmuni-elsewhere-');
    const { teamFolder, invoke, dataDir } = await desktop();
    await chosen(teamFolder, root);
    for (const key of ['team-folder', 'team-folder-choice']) {
      await invoke('storage:write', { key, text: JSON.stringify({ path: elsewhere }) });
    }
    const { teamFolder: afterRestart } = await desktop({ dataDir });
    await expect(afterRestart.restore()).resolves.toMatchObject({ name: 'Task force' });
  });

  it('forgets a remembered choice it cannot read rather than failing', async () => {
    const { teamFolder, dataDir } = await desktop();
    for (const text of ['{"path": "relative/folder"}', 'not json', '[]', '{"path": 3}']) {
      await writeFile(join(dataDir, TEAM_FOLDER_CHOICE_FILE), text);
      await expect(teamFolder.restore()).resolves.toBeNull();
    }
  });

  it("tells the page when the folder changes, through the bridge's team.onChanged", async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const { teamFolder, page } = await desktop();
    const { folder } = await chosen(teamFolder, root);
    const heard = vi.fn();
    const stop = teamFolder.watch?.(heard);
    // The page's own writes are not news to it.
    await folder.writeAtomic('onmuni-team.json', bytes('{}'));
    await folder.remove('onmuni-team.json');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(heard).not.toHaveBeenCalled();
    await writeFile(join(root, 'from-a-teammate.json'), '{}');
    await vi.waitFor(() => expect(heard).toHaveBeenCalled(), { timeout: 3_000 });
    expect(page.sent.every((channel) => channel === TEAM_CHANGED_CHANNEL)).toBe(true);
    stop?.();
    heard.mockClear();
    await writeFile(join(root, 'another.json'), '{}');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(heard).not.toHaveBeenCalled();
    expect(page.sent.length).toBeGreaterThan(0);
    await teamFolder.forget();
  });

  it('checks paths again in main, whoever calls the session', async () => {
    const { root } = await directoryUnderTest((path) => new NodeFolderAccess(path));
    const session = new TeamFolderSession({
      dataDir: await makeTempDir('onmuni-data-'),
      open: (path) => new NodeFolderAccess(path),
      watch: () => () => undefined,
    });
    const { token } = await session.use(root);
    await expect(session.read(token, '../outside.json', 10)).rejects.toThrow(
      /Not a team folder path/,
    );
    await expect(session.write(token, '', bytes('x'))).rejects.toThrow(/Not a team folder path/);
    await expect(session.list(token, '/etc')).rejects.toThrow(/Not a team folder path/);
    await expect(session.read(token, 'a.json', MAX_TEAM_FILE_BYTES + 1)).rejects.toThrow(
      /maxBytes/,
    );
    await expect(session.list('00'.repeat(16), '')).resolves.toMatchObject({
      status: 'unavailable',
    });
  });
});

describe('IpcFolderAccess keeps the FolderAccess contract', () => {
  for (const contractCase of folderAccessContract) {
    it(contractCase.name, async () => {
      const subject = await directoryUnderTest((path) => new NodeFolderAccess(path));
      const { teamFolder } = await desktop();
      const { folder } = await chosen(teamFolder, subject.root);
      await contractCase.run({ ...subject, folder });
      await teamFolder.forget();
    });
  }
});
