/**
 * The main window. Its security settings are written as literals inside `new BrowserWindow(...)`
 * so that Electronegativity (which cannot follow variables in TypeScript) and reviewers see them.
 */
import { BrowserWindow, dialog, screen } from 'electron';
import { appName, t } from './i18n/i18n';
import type { DocumentFolder } from './storage';
import {
  MIN_SIZE,
  WINDOW_STATE_KEY,
  parseWindowState,
  placeWindow,
  type WindowState,
} from './windowState';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The page to load: app://onmuni/index.html, or the dev server in development. */
  startUrl: string;
  store: DocumentFolder;
  /** Whether developer tools may open (development builds only). */
  devTools: boolean;
  /** Whether the page spellchecks (macOS only: elsewhere it would download dictionaries). */
  spellcheck: boolean;
}

async function loadSavedState(store: DocumentFolder): Promise<WindowState | null> {
  try {
    const result = await store.read(WINDOW_STATE_KEY);
    return result.status === 'ok' ? parseWindowState(result.text) : null;
  } catch {
    return null;
  }
}

function currentState(window: BrowserWindow): WindowState {
  return {
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  };
}

/** Saves size and position when they settle and when the window closes. */
function rememberState(window: BrowserWindow, store: DocumentFolder): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    void store.write(WINDOW_STATE_KEY, JSON.stringify(currentState(window))).catch(() => {
      // Losing a window position is not worth bothering the user about.
    });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 1000);
  };
  window.on('resized', saveSoon);
  window.on('moved', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/**
 * On Windows the mouse's back and forward buttons reach only the main process, as app commands;
 * move through the page history (the app's hash routes) as a browser would.
 */
function followMouseBackForward(window: BrowserWindow): void {
  window.on('app-command', (_event, command) => {
    const history = window.webContents.navigationHistory;
    if (command === 'browser-backward' && history.canGoBack()) history.goBack();
    if (command === 'browser-forward' && history.canGoForward()) history.goForward();
  });
}

/**
 * The page asks before it unloads while a document has unsaved changes (`beforeunload`). A
 * browser asks the user; Electron would only cancel the close or reload without a word, so main
 * asks here: Leave goes ahead, Stay (the default) keeps the page and its draft.
 */
function askBeforeUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: [t('unsaved.leave'), t('unsaved.stay')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      title: appName(),
      message: t('unsaved.message'),
      detail: t('unsaved.detail'),
    });
    if (choice === 0) event.preventDefault();
  });
}

/** Creates the main window with the secure settings, restores its placement and loads the app. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await loadSavedState(options.store);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const place = placeWindow(saved, workAreas);

  const window = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: appName(),
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK -- our own bundled preload; it exposes only the contract-built window.onmuni bridge
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // No auxclick event: a middle click can never try to open a window (back/forward mouse
      // buttons still arrive as mouseup in the page and as app-command on Windows).
      disableBlinkFeatures: 'Auxclick',
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: options.spellcheck,
      devTools: options.devTools,
    },
  });

  if (saved?.maximized) window.maximize();
  if (saved?.fullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window.show());
  followMouseBackForward(window);
  askBeforeUnload(window);
  rememberState(window, options.store);
  await window.loadURL(options.startUrl);
  return window;
}
