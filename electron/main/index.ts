/**
 * Main-process entry: application lifecycle. Everything else lives in one file per concern
 * (window, protocol, security, ipc, storage, dialogs, print, menu, context menu, crash recovery,
 * log, data folder, window state).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../shared/ipcContract';
import { messageOf } from '../../renderer/src/core/common/errorMessage';
import { APP_ID } from './appId';
import { installContextMenu } from './contextMenu';
import { showStartupFailure, watchForFailures } from './crashRecovery';
import { chooseProfileDir, documentsDir, logsDir } from './dataDir';
import { createIpcHandlers, defaultRoomLauncher } from './handlers';
import { openPackFolder, type PackFolder } from './packFolder';
import { registerIpcHandlers } from './ipc';
import { appLog, configureLogging, logFilePath } from './log';
import { systemLanguage } from '../shared/language';
import { setShellLanguage, t } from './i18n/i18n';
import { installMenu, type MenuOptions } from './menu';
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './protocol';
import { installSecurityPolicy, spellcheckEnabled } from './security';
import { openDocumentFolder, type DocumentFolder } from './storage';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
/** Set by `electron-vite dev` only; a packaged app never loads anything but app://onmuni/. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isDev = devServerUrl !== undefined;
const isMac = process.platform === 'darwin';

// Where data lives (a portable copy keeps its whole profile, lock and logs beside the program).
// This must happen before anything reads userData, the logs folder included.
const profile = chooseProfileDir({
  env: process.env,
  exePath: app.getPath('exe'),
  platform: process.platform,
});
/** Why the chosen data folder could not be used; reported once the app can show a dialog. */
let profileFailure: unknown;
if (profile.dir !== undefined) {
  try {
    // setPath throws for a folder that does not exist yet (a portable copy's first run).
    mkdirSync(profile.dir, { recursive: true });
    app.setPath('userData', profile.dir);
    app.setAppLogsPath(logsDir(profile.dir));
  } catch (error) {
    profileFailure = error;
  }
}
configureLogging({ isDev });
if (profile.warning !== undefined) appLog.warn(profile.warning);

// Windows groups taskbar buttons and pins by this id; it must match the installer's appId.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let opening: Promise<void> | null = null;
let store: DocumentFolder | null = null;
let packs: PackFolder | null = null;
/** The workshop room's utility process, if a presenter opened one (electron/main/room/). */
const room = defaultRoomLauncher();

const preloadPath = join(here, '../preload/index.cjs');
const entryUrl = devServerUrl ?? APP_ENTRY_URL;

async function openMainWindow(documents: DocumentFolder): Promise<void> {
  const window = await createMainWindow({
    preloadPath,
    startUrl: entryUrl,
    store: documents,
    devTools: isDev,
    spellcheck: spellcheckEnabled(process.platform),
  });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

/** Brings the main window forward, opening it again if it was closed (e.g. behind a presenter). */
function showMainWindow(): void {
  if (mainWindow !== null && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  if (store === null || opening !== null) return;
  opening = openMainWindow(store)
    .catch((error: unknown) => appLog.error('Could not reopen the main window', error))
    .finally(() => {
      opening = null;
    });
}

/**
 * File-menu commands go to the main window, which has the whole app (the presenter does not).
 * When the main window was closed, the command brings it back and is not replayed: the page
 * that would carry it out is only just loading, and reopening is the visible answer.
 */
function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    showMainWindow();
    return;
  }
  showMainWindow();
  mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
}

/** Every app window gets the right-click menu and a visible answer when its page fails. */
function equipWindow(window: BrowserWindow): void {
  installContextMenu(window.webContents, { spellcheck: spellcheckEnabled(process.platform) });
  watchForFailures(window, {
    showMessageBox: (parent, options) => dialog.showMessageBox(parent, options),
    log: appLog,
    quit: () => app.quit(),
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  if (profileFailure !== undefined) {
    throw new Error(
      t('startup.dataFolder', {
        dir: profile.dir ?? '',
        reason: messageOf(profileFailure),
      }),
    );
  }
  appLog.info(`OnMuni Toolkit ${app.getVersion()} starting (${profile.reason} data folder)`);
  installSecurityPolicy(devServerUrl, (error) =>
    appLog.error('An external link could not be opened.', error),
  );
  app.on('browser-window-created', (_event, window) => equipWindow(window));
  // A GPU or utility process that dies is not a page crash, but belongs in the log.
  app.on('child-process-gone', (_event, details) => {
    appLog.warn(
      `A ${details.type} process stopped: ${details.reason} (exit code ${details.exitCode}).`,
    );
  });
  // The first menu, before the page says which language the user chose, follows the system,
  // as the page's first start does; the page's `app:setLanguage` then rebuilds it.
  setShellLanguage(systemLanguage([app.getLocale()]));
  const menu: MenuOptions = { isMac, isDev, send: sendMenuCommand, showMainWindow };
  installMenu(menu);
  serveRenderer(join(here, '../renderer'));
  const documents = await openDocumentFolder(documentsDir(app.getPath('userData')));
  store = documents;
  packs = openPackFolder(documents.dir);
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      store: documents,
      packs,
      room,
      appName: app.getName(),
      appVersion: app.getVersion(),
      onLanguage: () => installMenu(menu),
      windows: {
        preloadPath,
        entryUrl,
        devTools: isDev,
      },
    }),
    devServerUrl,
    (channel, error) => appLog.error(`The ${channel} request failed.`, error),
  );
  await openMainWindow(documents);
  // macOS keeps the app running without windows; the Dock icon brings the main window back,
  // even while a presenter window is still open.
  app.on('activate', () => showMainWindow());
}

if (!app.requestSingleInstanceLock()) {
  // Two instances writing the same files would lose data: hand over to the running one.
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  // A workshop room is closed before anything else goes, so its participants are told it ended
  // (the room's process would die with the app anyway, without a word to them).
  app.on('before-quit', (event) => {
    if (!room.isRunning) return;
    event.preventDefault();
    void room.stop('quit').finally(() => app.quit());
  });
  // Let the last saves (e.g. the window position) reach the disk before the process ends.
  // A content pack being installed is finished too: an interrupted install is safe (the old
  // version stays), but the user asked for the new one.
  app.on('will-quit', (event) => {
    const documents = store;
    const installing = packs?.busy ?? false;
    if ((documents === null || !documents.busy) && !installing) return;
    event.preventDefault();
    void Promise.all([documents?.flush(), packs?.flush()]).finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    // A failed start used to be a silent exit: now it says what happened and where the log is.
    showStartupFailure(error, {
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
      log: appLog,
      logFile: logFilePath(),
    });
    app.exit(1);
  });
}
