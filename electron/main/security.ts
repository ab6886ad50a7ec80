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
import { MAX_URL_LENGTH } from '../shared/ipcContract';
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * Parses `raw` and returns what may be opened outside the app: `https:` with a host and no user
 * name or password (which hide the real destination: `https://bank@evil.example`), or `mailto:`
 * with one plain address and at most a subject and a body (see {@link parseMailLink}); a mail link
 * comes back rebuilt from the parts the confirmation shows, so what opens is exactly what was
 * shown. Everything else (`http:`, `file:`, `javascript:`, `data:`, UNC paths, custom schemes) is
 * refused with null.
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
    const mail = parseMailLink(url);
    if (mail === null) return null;
    const href = mailLinkHref(mail);
    return href.length > MAX_URL_LENGTH ? null : new URL(href);
  }
  return null;
}

/** What a `mailto:` link asks the mail program to do: the parts the confirmation shows. */
export interface MailLink {
  address: string;
  subject: string | undefined;
  body: string | undefined;
}

/** The only `mailto:` fields passed on; `cc`, `bcc`, `to`, `attach` and the rest are refused. */
const MAIL_FIELDS = ['subject', 'body'] as const;

/**
 * One plain address: no second recipient (`,` `;`), no display name (`<>`), no query characters
 * smuggled in through percent-escapes, and a host of letters, digits, dashes and dots.
 */
const MAIL_ADDRESS =
  /^[\p{L}\p{N}.!#$'*+^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

/** Control characters, and bidirectional overrides that would make the shown text lie. */
const HIDDEN_TEXT = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** True when the text shows as it is; a body may also break lines and hold tabs. */
function showsHonestly(text: string, isBody: boolean): boolean {
  return !HIDDEN_TEXT.test(isBody ? text.replace(/[\t\r\n]/g, '') : text);
}

/**
 * Reads a `mailto:` URL as a mail program would (RFC 6068: percent-decoding only, so `+` stays a
 * plus; field names ignore case). Returns null for anything the confirmation could not show
 * honestly: no or several addresses, fields other than subject and body, a field given twice, a
 * fragment, malformed escapes, or hidden characters.
 */
export function parseMailLink(url: URL): MailLink | null {
  if (url.protocol !== 'mailto:' || url.hash !== '') return null;
  const address = decodeURIComponentSafe(url.pathname);
  if (address === null || !MAIL_ADDRESS.test(address)) return null;
  const fields = new Map<string, string>();
  const query = url.search.slice(1);
  for (const pair of query === '' ? [] : query.split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeURIComponentSafe(equals < 0 ? pair : pair.slice(0, equals));
    const value = decodeURIComponentSafe(equals < 0 ? '' : pair.slice(equals + 1));
    if (name === null || value === null) return null;
    const field = name.toLowerCase();
    if (!MAIL_FIELDS.some((allowed) => allowed === field) || fields.has(field)) return null;
    fields.set(field, value);
  }
  const subject = fields.get('subject');
  const body = fields.get('body');
  if (subject !== undefined && !showsHonestly(subject, false)) return null;
  if (body !== undefined && !showsHonestly(body, true)) return null;
  return { address, subject, body };
}

/** The `mailto:` link for exactly these parts (each percent-encoded, `@` kept). */
export function mailLinkHref({ address, subject, body }: MailLink): string {
  const at = address.lastIndexOf('@');
  const fields: string[] = [];
  if (subject !== undefined) fields.push(`subject=${encodeURIComponent(subject)}`);
  if (body !== undefined) fields.push(`body=${encodeURIComponent(body)}`);
  const query = fields.length > 0 ? `?${fields.join('&')}` : '';
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}${query}`;
}

/** decodeURIComponent, or null for a malformed escape (`%E0%A4%A`). */
function decodeURIComponentSafe(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
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

/**
 * The text the confirmation dialog shows: for mail, the address and the subject and body the mail
 * program will be given (everything the link carries); the full link otherwise.
 */
export function describeDestination(url: URL): string {
  if (url.protocol !== 'mailto:') return url.href;
  const mail = parseMailLink(url);
  if (mail === null) return url.href;
  const lines = [`To: ${mail.address}`];
  if (mail.subject !== undefined) lines.push(`Subject: ${mail.subject}`);
  if (mail.body !== undefined) lines.push('', mail.body);
  return lines.join('\n');
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
      ? 'Open your email program with this message?'
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

/** Installs the rules for the default session and every WebContents created from now on. */
export function installSecurityPolicy(devServerUrl?: string): void {
  installPermissionPolicy(session.defaultSession, devServerUrl);
  configureSpellchecker(session.defaultSession, process.platform);
  denyDownloads(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      void confirmAndOpenExternal(url, null);
    });
  });
}
