/**
 * Deny-by-default rules for every web page Electron creates: no navigation away from the app, no
 * new windows, no <webview>, no permission but full screen for the app's own page, no
 * spellchecker downloads, no downloads at all, and external links only for https: and mailto:
 * after the user confirms (Electron security checklist #5, #11-#15).
 */
import {
  app,
  dialog,
  session,
  shell,
  type BrowserWindow,
  type Session,
  type WebContents,
} from 'electron';
import { checkExternalUrl, type AllowedExternalUrl } from '../shared/externalUrlPolicy';
import { appName, t } from './i18n/i18n';
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * True when `raw` is a page of this app: `app://onmuni/...`, or during development the
 * electron-vite dev server's origin. Compared on parsed parts, never on string prefixes.
 */
export function isTrustedAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) {
    return url.host === APP_HOST && url.username === '' && url.password === '';
  }
  if (devServerUrl === undefined) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The text the confirmation dialog shows: for mail, the address and the subject and body the mail
 * program will be given (everything the link carries); the full link otherwise.
 */
function describeDestination(link: AllowedExternalUrl): string {
  if (link.kind === 'web') return link.href;
  const lines = [t('externalLink.to', { address: link.destination })];
  if (link.subject !== undefined) lines.push(t('externalLink.subject', { subject: link.subject }));
  if (link.body !== undefined) lines.push('', link.body);
  return lines.join('\n');
}

/**
 * Opens a link outside the app if the shared policy (`checkExternalUrl`) allows it, after asking
 * the user, naming the destination. What opens is the policy's normalised link, exactly what the
 * dialog showed. Returns false when the link is refused or the user declines.
 */
export async function confirmAndOpenExternal(
  raw: string,
  parent: BrowserWindow | null,
): Promise<boolean> {
  const link = checkExternalUrl(raw);
  if (!link.ok) return false;
  const isMail = link.kind === 'email';
  const options = {
    type: 'question' as const,
    buttons: [
      isMail ? t('externalLink.writeEmail') : t('externalLink.openInBrowser'),
      t('externalLink.cancel'),
    ],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: t('externalLink.title', { app: appName() }),
    message: isMail ? t('externalLink.openEmail') : t('externalLink.openWeb'),
    detail: describeDestination(link),
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(link.href); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only https:/mailto: links checkExternalUrl allowed, after the user confirmed
  return true;
}

/** What hardenWebContents needs from a WebContents (so tests can pass a fake). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applies the deny-by-default rules to one WebContents. `openExternal` receives links the page
 * tried to navigate to or open in a new window, so a plain https link still reaches the browser
 * (after confirmation) instead of loading inside the app.
 */
export function hardenWebContents(
  contents: HardenableContents,
  openExternal: (url: string) => void,
): void {
  // In-page (hash) navigation does not fire these events, so the app's router is unaffected.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (checkExternalUrl(url).ok) openExternal(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (checkExternalUrl(url).ok) openExternal(url);
    return { action: 'deny' };
  });
}

/** What the permission handlers read about the frame that asks. */
export interface PermissionAsker {
  /** The address of the frame that asks (Electron's details.requestingUrl, or the origin). */
  requestingUrl: string | undefined;
  /** False for a sub-frame; undefined when Electron does not say (treated as a sub-frame). */
  isMainFrame: boolean | undefined;
}

/**
 * The one permission the app uses is `fullscreen` (the workshop's "Full screen" button, via the
 * Fullscreen API), and only the app's own top-level page may have it. Everything else (camera,
 * location, notifications, clipboard reads, ...) is refused, for every page.
 */
export function isPermissionAllowed(
  permission: string,
  asker: PermissionAsker,
  devServerUrl?: string,
): boolean {
  if (permission !== 'fullscreen') return false;
  if (asker.isMainFrame !== true || asker.requestingUrl === undefined) return false;
  return isTrustedAppUrl(asker.requestingUrl, devServerUrl);
}

/** Installs {@link isPermissionAllowed} as the session's request and check handlers. */
export function installPermissionPolicy(
  target: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  devServerUrl?: string,
): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const asker = { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame };
    callback(isPermissionAllowed(permission, asker, devServerUrl));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const asker = {
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
    };
    return isPermissionAllowed(permission, asker, devServerUrl);
  });
}

/**
 * Whether the app's pages spellcheck. On Windows and Linux Electron's spellchecker downloads
 * Hunspell dictionaries from a Google CDN the first time it runs, which an offline app must never
 * do; macOS uses the system's own checker, which downloads nothing.
 */
export function spellcheckEnabled(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

/** Turns the session's spellchecker (and so its dictionary downloads) off where it would fetch. */
export function configureSpellchecker(
  target: Pick<Session, 'setSpellCheckerEnabled' | 'setSpellCheckerLanguages'>,
  platform: NodeJS.Platform,
): void {
  if (spellcheckEnabled(platform)) return;
  target.setSpellCheckerEnabled(false);
  // No languages: nothing for the dictionary downloader to fetch even if something re-enables it.
  target.setSpellCheckerLanguages([]);
}

/** What {@link denyDownloads} needs from a session (so tests can pass a fake). */
export interface DownloadingSession {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * Cancels every download. The app saves files only through its own save dialog (`file:save`,
 * `print:pdf`), so a download can only be a page or a crafted link trying to put a file on disk
 * without the user choosing where.
 */
export function denyDownloads(target: DownloadingSession): void {
  target.on('will-download', (event) => {
    event.preventDefault();
  });
}

/**
 * Installs the rules for the default session and every WebContents created from now on. A link
 * the page opens this way has nobody waiting for the answer: if the question or the system's
 * handler fails (no mail program for a mailto: link), `reportLinkFailure` hears of it.
 */
export function installSecurityPolicy(
  devServerUrl: string | undefined,
  reportLinkFailure: (error: unknown) => void,
): void {
  installPermissionPolicy(session.defaultSession, devServerUrl);
  configureSpellchecker(session.defaultSession, process.platform);
  denyDownloads(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      confirmAndOpenExternal(url, null).catch(reportLinkFailure);
    });
  });
}
