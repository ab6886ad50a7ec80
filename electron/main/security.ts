/**
 * Deny-by-default rules for every web page Electron creates: no navigation away from the app, no
 * new windows, no <webview>, no permissions, and external links only for https: and mailto:
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
import { MAX_URL_LENGTH } from '../shared/ipcContract';
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * Parses `raw` and returns it when it may be opened outside the app: `https:` with a host and no
 * user name or password (which hide the real destination: `https://bank@evil.example`), or `mailto:`
 * with an address. Everything else (`http:`, `file:`, `javascript:`, `data:`, UNC paths, custom
 * schemes) is refused with null.
 */
export function isAllowedExternalUrl(raw: string): URL | null {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    // The parser repairs 'https:evil' and 'https:///host'; a link written that way is not honest.
    if (!/^\s*https:\/\/[^/\\]/i.test(raw)) return null;
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
    return url;
  }
  if (url.protocol === 'mailto:') {
    const address = decodeURIComponentSafe(url.pathname);
    return /^[^\s@/\\]+@[^\s@/\\]+$/.test(address) ? url : null;
  }
  return null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

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

/** The text the confirmation dialog shows: the address for mail, the full link otherwise. */
export function describeDestination(url: URL): string {
  return url.protocol === 'mailto:' ? decodeURIComponentSafe(url.pathname) : url.href;
}

/**
 * Opens an allowed link outside the app after asking the user, naming the destination.
 * Returns false when the link is refused or the user declines.
 */
export async function confirmAndOpenExternal(
  raw: string,
  parent: BrowserWindow | null,
): Promise<boolean> {
  const url = isAllowedExternalUrl(raw);
  if (url === null) return false;
  const isMail = url.protocol === 'mailto:';
  const options = {
    type: 'question' as const,
    buttons: [isMail ? 'Write email' : 'Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Leave OnMuni Toolkit?',
    message: isMail
      ? 'Open your email program to write to this address?'
      : 'Open this link in your web browser?',
    detail: describeDestination(url),
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(url.href); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only https:/mailto: URLs that passed isAllowedExternalUrl, after the user confirmed
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
    if (isAllowedExternalUrl(url)) openExternal(url);
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
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission request and check (camera, location, notifications, ...). */
export function denyAllPermissions(
  target: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
}

/** Installs the rules for the default session and every WebContents created from now on. */
export function installSecurityPolicy(): void {
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      void confirmAndOpenExternal(url, null);
    });
  });
}
