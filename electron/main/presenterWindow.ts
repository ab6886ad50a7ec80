/**
 * The workshop presenter view in a second window (a trainer's laptop screen, while the audience
 * view fills the projector). It loads the same app page with the presenter route; both windows
 * share the app:// origin, so the renderer keeps them in step over a BroadcastChannel.
 */
import { BrowserWindow, screen } from 'electron';
import { appName, t } from './i18n/i18n';

export interface PresenterWindowOptions {
  preloadPath: string;
  /** The app's entry page (app://onmuni/index.html, or the dev server). */
  entryUrl: string;
  workshopId: string;
  sessionId: string | undefined;
  devTools: boolean;
}

/**
 * The one presenter window. Asking again, for this workshop or another, shows the asked-for
 * workshop in it and focuses it: a trainer presents one thing at a time, and a page cannot pile up
 * windows by asking over and over.
 */
let presenter: BrowserWindow | undefined;

/** The presenter route for a workshop (and session), on the app's entry page. */
export function presenterUrl(entryUrl: string, workshopId: string, sessionId?: string): string {
  const query = sessionId === undefined ? '' : `?session=${encodeURIComponent(sessionId)}`;
  return `${entryUrl}#/workshops/${encodeURIComponent(workshopId)}/presenter${query}`;
}

/**
 * Opens the presenter window, on another display when there is one, or reuses the open one. The
 * caller has checked that the workshop exists.
 */
export async function openPresenterWindow(options: PresenterWindowOptions): Promise<boolean> {
  const existing = presenter;
  if (existing && !existing.isDestroyed()) {
    await existing.loadURL(presenterUrl(options.entryUrl, options.workshopId, options.sessionId));
    existing.focus();
    return true;
  }

  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const other = displays.find((display) => display.id !== primary.id) ?? primary;
  const area = other.workArea;

  const window = new BrowserWindow({
    x: area.x + 40,
    y: area.y + 40,
    width: Math.min(1200, area.width - 80),
    height: Math.min(800, area.height - 80),
    show: false,
    title: t('window.presenter', { app: appName() }),
    backgroundColor: '#ffffff',
    // The same secure settings as the main window, written out again as literals so that
    // Electronegativity and reviewers see them on every window.
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK -- our own bundled preload; it exposes only the contract-built window.onmuni bridge
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      disableBlinkFeatures: 'Auxclick',
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  presenter = window;
  window.on('closed', () => {
    if (presenter === window) presenter = undefined;
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(presenterUrl(options.entryUrl, options.workshopId, options.sessionId));
  return true;
}
