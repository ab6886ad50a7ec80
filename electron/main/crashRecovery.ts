/**
 * Makes page failures visible. Without this a crashed page leaves a blank window and a hung one a
 * frozen window, with no word of what happened or what to do. Electron is reached only through the
 * window and the injected dependencies, so the flows are unit-tested with fakes.
 */
import type {
  BrowserWindow,
  MessageBoxOptions,
  RenderProcessGoneDetails,
  WebContents,
} from 'electron';
import { appName, t } from './i18n/i18n';
import type { AppLog } from './log';
import { messageOf } from '../../renderer/src/core/common/errorMessage';

/** What watchForFailures needs from a BrowserWindow (so tests can pass a fake). */
export type WatchedWindow = Pick<BrowserWindow, 'reload' | 'isDestroyed'> & {
  readonly webContents: Pick<WebContents, 'on' | 'forcefullyCrashRenderer'>;
};

export interface FailureDeps<W extends WatchedWindow> {
  /** Electron's dialog.showMessageBox. The window is the parent, which `signal` needs on macOS. */
  showMessageBox: (window: W, options: MessageBoxOptions) => Promise<{ response: number }>;
  log: AppLog;
  quit: () => void;
}

/** How long a page we stopped on purpose (to restart a hung one) may take to report it gone. */
const EXPECTED_EXIT_MS = 10_000;

/** The reason a page stopped, in plain words, to follow "The page ...". */
export function describeExit(reason: RenderProcessGoneDetails['reason']): string {
  switch (reason) {
    case 'crashed':
      return t('crash.exit.crashed');
    case 'killed':
      return t('crash.exit.killed');
    case 'oom':
      return t('crash.exit.oom');
    case 'launch-failed':
      return t('crash.exit.launchFailed');
    case 'integrity-failure':
      return t('crash.exit.integrityFailure');
    case 'memory-eviction':
      return t('crash.exit.memoryEviction');
    default:
      return t('crash.exit.other');
  }
}

/**
 * Watches one window's page. When it crashes, asks whether to reload it or quit; when it stops
 * responding, asks whether to wait or reload, and withdraws that question if the page recovers.
 * At most one question per window is open at a time.
 */
export function watchForFailures<W extends WatchedWindow>(window: W, deps: FailureDeps<W>): void {
  const { log } = deps;
  let open: { kind: 'gone' | 'hung'; controller: AbortController } | undefined;
  let stoppedOnPurpose = false;
  let stoppedTimer: ReturnType<typeof setTimeout> | undefined;

  async function ask(
    kind: 'gone' | 'hung',
    options: MessageBoxOptions,
    onAnswer: (response: number) => void,
  ): Promise<void> {
    const controller = new AbortController();
    open = { kind, controller };
    try {
      const { response } = await deps.showMessageBox(window, {
        ...options,
        noLink: true,
        signal: controller.signal,
      });
      // A withdrawn question's answer is the dialog's "cancel", not the user's choice.
      if (!controller.signal.aborted) onAnswer(response);
    } catch (error) {
      log.error('Could not show the question about the page.', error);
    } finally {
      if (open?.controller === controller) open = undefined;
    }
  }

  function reload(): void {
    if (window.isDestroyed()) {
      log.info('The window was closed before it could be reloaded.');
      return;
    }
    log.info('Reloading the page.');
    window.reload();
  }

  /** A hung page cannot run a reload itself: stop its process, then reload in a new one. */
  function restartHungPage(): void {
    if (window.isDestroyed()) return;
    stoppedOnPurpose = true;
    clearTimeout(stoppedTimer);
    stoppedTimer = setTimeout(() => (stoppedOnPurpose = false), EXPECTED_EXIT_MS);
    window.webContents.forcefullyCrashRenderer();
    reload();
  }

  window.webContents.on('render-process-gone', (_event, { reason, exitCode }) => {
    if (reason === 'clean-exit') return;
    if (stoppedOnPurpose && (reason === 'killed' || reason === 'crashed')) {
      stoppedOnPurpose = false;
      clearTimeout(stoppedTimer);
      log.info(`The unresponsive page was stopped to restart it (${reason}).`);
      return;
    }
    log.error(`The page stopped: ${reason} (exit code ${exitCode}).`);
    if (window.isDestroyed() || open?.kind === 'gone') return;
    // Waiting for a page that has gone makes no sense: replace that question with this one.
    open?.controller.abort();
    void ask(
      'gone',
      {
        type: 'error',
        title: t('crash.title', { app: appName() }),
        message: t('crash.message', { reason: describeExit(reason) }),
        detail: t('crash.detail', { savedWork: t('crash.savedWork') }),
        buttons: [t('crash.reload'), t('crash.quit')],
        defaultId: 0,
        cancelId: 0,
      },
      (response) => (response === 1 ? deps.quit() : reload()),
    );
  });

  window.webContents.on('unresponsive', () => {
    log.warn('The page is not responding.');
    if (open !== undefined || window.isDestroyed()) return;
    void ask(
      'hung',
      {
        type: 'warning',
        title: t('hang.title', { app: appName() }),
        message: t('hang.message'),
        detail: t('hang.detail', { savedWork: t('crash.savedWork') }),
        buttons: [t('hang.wait'), t('hang.reload')],
        defaultId: 0,
        cancelId: 0,
      },
      (response) => {
        if (response === 1) restartHungPage();
        else log.info('Waiting for the page to respond.');
      },
    );
  });

  window.webContents.on('responsive', () => {
    if (open?.kind !== 'hung') {
      log.info('The page is responding again.');
      return;
    }
    open.controller.abort();
    open = undefined;
    log.info('The page is responding again; the question was closed.');
  });
}

export interface StartupFailureDeps {
  /** Electron's dialog.showErrorBox (safe to call before the app is ready). */
  showErrorBox: (title: string, content: string) => void;
  log: Pick<AppLog, 'error'>;
  /** The log file's path, when there is one. */
  logFile: string | undefined;
}

/** Logs why the app could not start and tells the user, naming the log file. */
export function showStartupFailure(error: unknown, deps: StartupFailureDeps): void {
  try {
    deps.log.error('OnMuni Toolkit could not start.', error);
  } catch {
    // The box below matters more than the log line.
  }
  const reason = messageOf(error);
  const where =
    deps.logFile === undefined
      ? t('startup.noLogFile')
      : t('startup.logFile', { path: deps.logFile });
  const app = appName();
  deps.showErrorBox(
    t('startup.title', { app }),
    t('startup.body', { app, reason: reason.slice(0, 500), where }),
  );
}
