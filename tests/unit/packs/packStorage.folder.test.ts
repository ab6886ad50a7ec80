/**
 * The desktop's pack folder keeps the PackStorage contract: called directly (as main does), and
 * from the page's side, through the ElectronHost's packs, the preload bridge, the IPC contract's
 * checks and main's handlers, with every message cloned as IPC clones it.
 */
import { vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
  session: { defaultSession: {} },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
}));
vi.mock('electron', () => electron);

import { createIpcHandlers } from '../../../electron/main/handlers';
import { dispatchIpc } from '../../../electron/main/ipc';
import { openPackFolder } from '../../../electron/main/packFolder';
import { openDocumentFolder } from '../../../electron/main/storage';
import { buildBridge } from '../../../electron/preload/bridge';
import { ElectronPacks } from '../../../renderer/src/host/electronPacks';
import { makeTempDir } from '../electron/tempDir';
import { describePackStorageContract } from './packStorageContract';

describePackStorageContract('desktop pack folder', async () => {
  const dir = await makeTempDir('onmuni-packs-');
  return { open: () => openPackFolder(dir) };
});

describePackStorageContract('desktop pack folder over IPC', async () => {
  const dir = await makeTempDir('onmuni-packs-ipc-');
  const store = await openDocumentFolder(dir);
  const windows = { preloadPath: '/p.cjs', entryUrl: 'app://onmuni/index.html', devTools: false };
  const event = {
    senderFrame: { url: 'app://onmuni/index.html#/packs', parent: null },
    sender: 'contents',
  };
  return {
    open: () => {
      // A new main process on the same data folder, and a new page.
      const handlers = createIpcHandlers({ store, appName: 'x', appVersion: '1', windows });
      const bridge = buildBridge(async (channel, input) =>
        structuredClone(
          await dispatchIpc(channel, handlers as never, event, [structuredClone(input)]),
        ),
      );
      return new ElectronPacks(bridge);
    },
  };
});
