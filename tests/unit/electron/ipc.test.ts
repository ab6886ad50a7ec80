import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
  session: { defaultSession: {} },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
}));
vi.mock('electron', () => electron);

import { ipcChannels, type IpcChannel } from '../../../electron/shared/ipcContract';
import { createIpcHandlers } from '../../../electron/main/handlers';
import {
  IpcRefusedError,
  isTrustedSender,
  registerIpcHandlers,
  type IpcHandlers,
  type InvokeEvent,
  type SenderFrame,
} from '../../../electron/main/ipc';
import { shellLanguage, setShellLanguage, t } from '../../../electron/main/i18n/i18n';
import { openDocumentFolder } from '../../../electron/main/storage';
import { buildBridge } from '../../../electron/preload/bridge';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import { makeTempDir } from './tempDir';

type Listener = (event: InvokeEvent<never>, ...args: unknown[]) => Promise<unknown>;

/** A fake ipcMain that records listeners, and a way to call them as the renderer would. */
function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    handle: (channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    listeners,
    invoke(channel: string, frame: SenderFrame | null, ...args: unknown[]) {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: frame, sender: 'contents' as never }, ...args);
    },
  };
}

const appFrame: SenderFrame = { url: 'app://onmuni/index.html#/settings', parent: null };
const windows = {
  preloadPath: '/app/out/preload/index.cjs',
  entryUrl: 'app://onmuni/index.html',
  devTools: false,
};

function spyHandlers(): IpcHandlers & Record<IpcChannel, ReturnType<typeof vi.fn>> {
  const handlers: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const channel of ipcChannels)
    handlers[channel] = vi.fn(() => Promise.resolve({ ok: channel }));
  return handlers as never;
}

function setup() {
  const ipcMain = fakeIpcMain();
  const handlers = spyHandlers();
  registerIpcHandlers(ipcMain, handlers);
  return { ipcMain, handlers };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.listeners.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('tells onError about refused calls and failed handlers, and still rejects', async () => {
    const ipcMain = fakeIpcMain();
    const handlers = spyHandlers();
    handlers['app:info'].mockRejectedValueOnce(new Error('disk on fire'));
    const onError = vi.fn<(channel: IpcChannel, error: unknown) => void>();
    registerIpcHandlers(ipcMain, handlers, undefined, onError);
    await expect(ipcMain.invoke('app:info', appFrame, {})).rejects.toThrow('disk on fire');
    await expect(ipcMain.invoke('storage:read', null, { key: 'settings' })).rejects.toThrow(
      IpcRefusedError,
    );
    expect(onError.mock.calls.map(([channel]) => channel)).toEqual(['app:info', 'storage:read']);
    await ipcMain.invoke('storage:read', appFrame, { key: 'settings' });
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it('passes parsed input and the sender to the handler', async () => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke('storage:read', appFrame, { key: 'settings' })).resolves.toEqual({
      ok: 'storage:read',
    });
    expect(handlers['storage:read']).toHaveBeenCalledWith({ key: 'settings' }, 'contents');
  });

  it.each<[string, SenderFrame | null]>([
    ['no frame', null],
    ['an iframe of the app', { url: 'app://onmuni/index.html', parent: appFrame }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://onmuni.evil.example/index.html', parent: null }],
    ['a file: page', { url: 'file:///tmp/x.html', parent: null }],
    ['a data: page', { url: 'data:text/html,<p>x', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['the dev server when not in development', { url: 'http://localhost:5173/', parent: null }],
  ])('refuses a call from %s', async (_label, frame) => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke('storage:read', frame, { key: 'settings' })).rejects.toThrow(
      IpcRefusedError,
    );
    expect(handlers['storage:read']).not.toHaveBeenCalled();
  });

  it('refuses a frame that has been destroyed (property access throws)', () => {
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    };
    expect(isTrustedSender(destroyed)).toBe(false);
  });

  it('trusts the dev server only when it was given one', () => {
    const frame = { url: 'http://localhost:5173/', parent: null };
    expect(isTrustedSender(frame, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frame)).toBe(false);
  });

  it.each<[IpcChannel, unknown[]]>([
    ['storage:read', []],
    ['storage:read', [{ key: 'settings' }, 'extra']],
    ['storage:read', [undefined]],
    ['storage:read', ['settings']],
    ['storage:read', [{ key: '../../etc/passwd' }]],
    ['storage:read', [{ key: 'Settings' }]],
    ['storage:read', [{ key: 'nul' }]],
    ['storage:read', [{ key: 'settings', path: '/etc/passwd' }]],
    ['storage:read', [{ key: 42 }]],
    ['storage:write', [{ key: 'settings' }]],
    ['storage:write', [{ key: 'settings', text: 5 }]],
    ['storage:write', [{ key: 'settings', text: 'x'.repeat(25 * 1024 * 1024 + 1) }]],
    ['file:open', [{ title: 'Open', extensions: ['json'], maxBytes: 26 * 1024 * 1024 }]],
    ['file:open', [{ title: 'Open', extensions: ['.json'], maxBytes: 1000 }]],
    ['file:open', [{ title: 'Open', extensions: [], maxBytes: 1000 }]],
    ['file:open', [{ title: 'Open', extensions: ['json'], maxBytes: -1 }]],
    ['file:open', [{ title: 'Open', extensions: ['json'], maxBytes: 1.5 }]],
    ['file:open', [{ title: 'Open', extensions: ['json'], maxBytes: 10, path: '/etc/passwd' }]],
    ['file:save', [{ suggestedName: '../../evil.bat', extensions: ['csv'], contents: '' }]],
    ['file:save', [{ suggestedName: 'C:\\evil.bat', extensions: ['csv'], contents: '' }]],
    ['file:save', [{ suggestedName: 'a\u0000b.csv', extensions: ['csv'], contents: '' }]],
    ['file:save', [{ suggestedName: '..', extensions: ['csv'], contents: '' }]],
    ['print:pdf', [{ suggestedName: '/tmp/x.pdf' }]],
    ['print:page', [{ silent: true }]],
    ['shell:openExternal', [{ url: '' }]],
    ['shell:openExternal', [{ url: `https://x/${'a'.repeat(2100)}` }]],
    ['app:info', [null]],
    ['app:info', [{ __proto__: { polluted: 1 }, extra: 1 }]],
    ['app:setLanguage', [{ language: 'de' }]],
    ['app:setLanguage', [{ language: 'fr', menu: 'File' }]],
  ])('refuses bad input to %s: %j', async (channel, args) => {
    const { ipcMain, handlers } = setup();
    await expect(ipcMain.invoke(channel, appFrame, ...args)).rejects.toThrow(IpcRefusedError);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('names the failing field in the error', async () => {
    const { ipcMain } = setup();
    await expect(
      ipcMain.invoke('storage:write', appFrame, { key: 'settings', text: 5 }),
    ).rejects.toThrow(/storage:write: invalid input: text: /);
  });

  it('lists every failing field as path: message, and names a wrong argument as a whole', async () => {
    const { ipcMain } = setup();
    await expect(
      ipcMain.invoke('file:open', appFrame, { title: '', extensions: ['x'], maxBytes: 0 }),
    ).rejects.toThrow(/^file:open: invalid input: title: [^;]+; maxBytes: [^;]+$/);
    await expect(ipcMain.invoke('app:info', appFrame, 'info')).rejects.toThrow(
      /^app:info: invalid input: \(input\): /,
    );
  });
});

describe('the real handlers behind the IPC checks', () => {
  it('saves and loads a document through storage:write and storage:read', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    const ipcMain = fakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({ store, appName: 'OnMuni Toolkit', appVersion: '0.1.0', windows }),
    );
    await expect(
      ipcMain.invoke('storage:write', appFrame, { key: 'settings', text: '{"theme":"dark"}' }),
    ).resolves.toEqual({ status: 'saved' });
    await expect(ipcMain.invoke('storage:read', appFrame, { key: 'settings' })).resolves.toEqual({
      status: 'ok',
      text: '{"theme":"dark"}',
    });
    await expect(ipcMain.invoke('app:info', appFrame, {})).resolves.toEqual({
      name: 'OnMuni Toolkit',
      version: '0.1.0',
      host: 'electron',
      dataLocation: store.dir,
    });
  });

  it('refuses to store text that is not a JSON document', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    const ipcMain = fakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({ store, appName: 'x', appVersion: '1', windows }),
    );
    await expect(
      ipcMain.invoke('storage:write', appFrame, { key: 'settings', text: '{"half":' }),
    ).resolves.toMatchObject({
      status: 'refused',
      refusal: { code: 'notDocument', key: 'settings', problem: { code: 'notJson' } },
    });
  });

  it("words main's refusals and recoveries in the page, through the preload bridge", async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, {
      maxDocumentBytes: 20,
      maxFolderBytes: 1000,
      backups: 0,
    });
    const ipcMain = fakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({ store, appName: 'x', appVersion: '1', windows }),
    );
    /** A refusal the page words as `message`, whether it shows the message or words the ref. */
    const refused = (message: string) => ({
      name: 'StorageRefusedError',
      message,
      ref: { key: expect.stringMatching(/^common:host\.storage\.desktop\./) as unknown },
    });
    const host = new ElectronHost(
      buildBridge((channel, input) => ipcMain.invoke(channel, appFrame, input)),
    );
    await expect(host.storage.write('settings', '  ')).rejects.toMatchObject(
      refused('Refused to save "settings": the file is empty.'),
    );
    await expect(host.storage.write('notes', `["${'x'.repeat(17)}"]`)).rejects.toMatchObject(
      refused(
        'Refused to save "notes": it is 21 bytes, and a stored document can be at most 20 bytes. What was saved before is kept.',
      ),
    );
    await writeFile(join(dir, 'big.bin'), 'y'.repeat(990));
    await expect(host.storage.write('planner', '[1234567890]')).rejects.toMatchObject(
      refused(
        `Refused to save "planner": the data folder would grow to 1,002 bytes, and it can hold at most 1,000 bytes (content packs not counted). What was saved before is kept. Delete old "*.corrupt-*.json" files in ${dir}, or remove data you no longer need.`,
      ),
    );
    await writeFile(join(dir, 'annotations.json'), 'true');
    await expect(host.storage.read('annotations')).resolves.toEqual({
      status: 'recovered',
      movedTo: expect.stringContaining('annotations.corrupt-') as unknown,
      reason: 'the file does not hold a JSON object.',
    });
  });

  it('asks for confirmation before opening a link, and refuses file: links outright', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    const ipcMain = fakeIpcMain();
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({ store, appName: 'x', appVersion: '1', windows }),
    );
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    await expect(
      ipcMain.invoke('shell:openExternal', appFrame, { url: 'https://www.amo.on.ca/' }),
    ).resolves.toEqual({ opened: true });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.amo.on.ca/');
    await expect(
      ipcMain.invoke('shell:openExternal', appFrame, { url: 'file:///etc/passwd' }),
    ).resolves.toEqual({ opened: false });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('speaks the language the page chose in the shell, then has the menu rebuilt', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    const ipcMain = fakeIpcMain();
    const rebuilt: string[] = [];
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        store,
        appName: 'x',
        appVersion: '1',
        windows,
        // What index.ts does: build the menu again, whose labels come from the shell's t().
        onLanguage: (language) => rebuilt.push(`${language}: ${t('menu.file')}`),
      }),
    );
    try {
      await expect(
        ipcMain.invoke('app:setLanguage', appFrame, { language: 'fr' }),
      ).resolves.toBeUndefined();
      expect(shellLanguage()).toBe('fr');
      expect(t('unsaved.leave')).toBe('Quitter');
      await ipcMain.invoke('app:setLanguage', appFrame, { language: 'en' });
      expect(rebuilt).toEqual(['fr: Fichier', 'en: File']);
    } finally {
      setShellLanguage('en');
    }
  });
});
