/**
 * Main-process entry: application lifecycle. Everything else lives in one file per concern
 * (window, protocol, security, ipc, storage, dialogs, print, menu, window state).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, ipcMain } from 'electron';
import { documentsDir, profileDirFromEnv } from './dataDir';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './protocol';
import { installSecurityPolicy } from './security';
import { openDocumentStore, type DocumentStore } from './storage';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
/** Set by `electron-vite dev` only; a packaged app never loads anything but app://onmuni/. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isDev = devServerUrl !== undefined;

// A portable copy keeps its whole profile (and so its single-instance lock) beside the program.
const portableProfile = profileDirFromEnv(
  process.env,
  process.env.PORTABLE_EXECUTABLE_DIR ?? dirname(app.getPath('exe')),
);
if (portableProfile !== undefined) app.setPath('userData', portableProfile);

registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let store: DocumentStore | null = null;

const preloadPath = join(here, '../preload/index.cjs');
const entryUrl = devServerUrl ?? APP_ENTRY_URL;

async function openMainWindow(documents: DocumentStore): Promise<void> {
  mainWindow = await createMainWindow({
    preloadPath,
    startUrl: entryUrl,
    store: documents,
    devTools: isDev,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  installSecurityPolicy();
  installMenu({ isMac: process.platform === 'darwin', isDev });
  serveRenderer(join(here, '../renderer'));
  const documents = await openDocumentStore(documentsDir(app.getPath('userData')));
  store = documents;
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      store: documents,
      appName: app.getName(),
      appVersion: app.getVersion(),
      windows: { preloadPath, entryUrl, devTools: isDev },
    }),
    devServerUrl,
  );
  await openMainWindow(documents);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow(documents);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Two instances writing the same files would lose data: hand over to the running one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Let the last saves (e.g. the window position) reach the disk before the process ends.
  app.on('will-quit', (event) => {
    const documents = store;
    if (documents === null || !documents.busy) return;
    event.preventDefault();
    void documents.flush().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    console.error('OnMuni Toolkit could not start:', error);
    app.exit(1);
  });
}
