import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The parts of Electron's permission handlers these tests call (the page is never real here). */
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheck = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

const electron = vi.hoisted(() => ({
  app: {
    on: vi.fn<(event: string, listener: (event: unknown, contents: unknown) => void) => void>(),
  },
  dialog: {
    showMessageBox: vi.fn<(options: MessageBoxOptions) => Promise<{ response: number }>>(),
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      setSpellCheckerLanguages: vi.fn(),
      on: vi.fn(),
    },
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  confirmAndOpenExternal,
  configureSpellchecker,
  denyDownloads,
  hardenWebContents,
  installPermissionPolicy,
  installSecurityPolicy,
  isPermissionAllowed,
  spellcheckEnabled,
  isTrustedAppUrl,
  type HardenableContents,
} from '../../../electron/main/security';
import { ALLOWED_LINKS, REFUSED_LINKS } from '../host/externalUrlCases';

beforeEach(() => {
  vi.clearAllMocks();
});

describe('confirmAndOpenExternal (the table every caller of the link policy runs)', () => {
  it.each(ALLOWED_LINKS)(
    'asks about $input, showing everything, and opens exactly $href',
    async ({ input, href, mail }) => {
      electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
      expect(await confirmAndOpenExternal(input, null)).toBe(true);
      const lines = mail === undefined ? [href] : [`To: ${mail.address}`];
      if (mail?.subject !== undefined) lines.push(`Subject: ${mail.subject}`);
      if (mail?.body !== undefined) lines.push('', mail.body);
      expect(electron.dialog.showMessageBox.mock.calls[0]?.[0].detail).toBe(lines.join('\n'));
      expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(href);
    },
  );

  it.each(REFUSED_LINKS)('never asks about, or opens, %j', async (input) => {
    expect(await confirmAndOpenExternal(input, null)).toBe(false);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('isTrustedAppUrl', () => {
  it.each([
    ['app://onmuni/index.html', undefined, true],
    ['app://onmuni/index.html#/planner', undefined, true],
    ['app://onmuni.evil/index.html', undefined, false],
    ['app://other/index.html', undefined, false],
    ['file:///srv/renderer/index.html', undefined, false],
    ['http://localhost:5173/', undefined, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['http://localhost:5173.evil.example/', 'http://localhost:5173', false],
    ['about:blank', undefined, false],
    ['garbage', undefined, false],
  ])('%s (dev server %s) -> %s', (url, dev, expected) => {
    expect(isTrustedAppUrl(url, dev)).toBe(expected);
  });
});

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...extra };
}

describe('hardenWebContents', () => {
  function harden() {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as unknown as HardenableContents, openExternal);
    return { contents, openExternal };
  }

  it.each([
    'https://example.com/',
    'app://onmuni/other.html',
    'file:///etc/passwd',
    'javascript:1',
  ])('denies navigating the window to %s', (url) => {
    const { contents, openExternal } = harden();
    const event = fakeEvent();
    contents.emit('will-navigate', event, url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(url.startsWith('https:') ? 1 : 0);
  });

  it('denies navigating sub-frames, redirects and <webview>', () => {
    const { contents } = harden();
    for (const [name, event] of [
      ['will-frame-navigate', fakeEvent({ isMainFrame: false })],
      ['will-redirect', fakeEvent()],
      ['will-attach-webview', fakeEvent()],
    ] as const) {
      contents.emit(name, event, {}, {});
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it.each([
    ['https://example.com/', 1],
    ['http://example.com/', 0],
    ['app://onmuni/index.html', 0],
    ['about:blank', 0],
    ['file:///etc/passwd', 0],
  ])('denies every new window; %s goes to the browser %d time(s)', (url, opened) => {
    const { contents, openExternal } = harden();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(opened);
  });
});

describe('permissions', () => {
  const APP = 'app://onmuni/index.html#/workshops/council/present';

  it.each([
    ['fullscreen', APP, true, undefined, true],
    ['fullscreen', 'app://onmuni/index.html', false, undefined, false], // a sub-frame
    ['fullscreen', APP, undefined, undefined, false], // Electron did not say: not trusted
    ['fullscreen', 'https://evil.example/', true, undefined, false],
    ['fullscreen', 'app://onmuni.evil/index.html', true, undefined, false],
    ['fullscreen', 'file:///srv/renderer/index.html', true, undefined, false],
    ['fullscreen', 'http://localhost:5173/', true, undefined, false],
    ['fullscreen', 'http://localhost:5173/', true, 'http://localhost:5173', true], // npm run dev
    ['fullscreen', undefined, true, undefined, false],
    ['media', APP, true, undefined, false],
    ['geolocation', APP, true, undefined, false],
    ['notifications', APP, true, undefined, false],
    ['clipboard-read', APP, true, undefined, false],
    ['openExternal', APP, true, undefined, false],
    ['pointerLock', APP, true, undefined, false],
  ] as const)('%s for %s (main frame: %s, dev: %s) -> %s', (permission, url, main, dev, ok) => {
    expect(isPermissionAllowed(permission, { requestingUrl: url, isMainFrame: main }, dev)).toBe(
      ok,
    );
  });

  it('installs the same rule as the request and the check handler', () => {
    const session = {
      setPermissionRequestHandler: vi.fn<(handler: PermissionRequest) => void>(),
      setPermissionCheckHandler: vi.fn<(handler: PermissionCheck) => void>(),
    };
    installPermissionPolicy(session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    if (!request || !check) throw new Error('installPermissionPolicy installed no handler');
    for (const [permission, details, expected] of [
      ['fullscreen', { requestingUrl: APP, isMainFrame: true }, true],
      ['fullscreen', { requestingUrl: APP, isMainFrame: false }, false],
      ['fullscreen', { requestingUrl: 'https://evil.example/', isMainFrame: true }, false],
      ['media', { requestingUrl: APP, isMainFrame: true }, false],
      ['notifications', {}, false],
    ] as const) {
      const callback = vi.fn();
      request({}, permission, callback, details);
      expect(callback).toHaveBeenCalledWith(expected);
      expect(check({}, permission, 'app://onmuni', details)).toBe(expected);
    }
  });

  it('installSecurityPolicy covers the default session and every new WebContents', async () => {
    const reportLinkFailure = vi.fn();
    installSecurityPolicy(undefined, reportLinkFailure);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const subscription = electron.app.on.mock.calls[0];
    if (!subscription) throw new Error('installSecurityPolicy did not listen');
    const [name, listener] = subscription;
    expect(name).toBe('web-contents-created');
    const contents = new FakeContents();
    listener({}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    // A link the page opens whose question fails is reported, not left as an unhandled rejection.
    const failure = new Error('no dialog');
    electron.dialog.showMessageBox.mockRejectedValueOnce(failure);
    contents.windowOpenHandler?.({ url: 'https://www.amo.on.ca/' });
    await vi.waitFor(() => expect(reportLinkFailure).toHaveBeenCalledWith(failure));
  });
});

describe('downloads', () => {
  it('cancels every download the session would start', () => {
    const session = new EventEmitter();
    denyDownloads(session);
    const event = fakeEvent();
    session.emit('will-download', event, { getFilename: () => 'invoice.exe' }, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('installSecurityPolicy denies downloads on the default session', () => {
    installSecurityPolicy(undefined, vi.fn());
    const calls = electron.session.defaultSession.on.mock.calls as unknown as Array<
      [string, (event: { preventDefault(): void }) => void]
    >;
    const listener = calls.find(([name]) => name === 'will-download')?.[1];
    const event = fakeEvent();
    listener?.(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('spellchecker', () => {
  it.each([
    ['linux', false],
    ['win32', false],
    ['darwin', true],
  ] as const)('on %s it is on: %s', (platform, on) => {
    expect(spellcheckEnabled(platform)).toBe(on);
  });

  it.each(['linux', 'win32'] as const)(
    'on %s the session spellchecker is off with no languages, so no dictionary is downloaded',
    (platform) => {
      const session = { setSpellCheckerEnabled: vi.fn(), setSpellCheckerLanguages: vi.fn() };
      configureSpellchecker(session, platform);
      expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
      expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith([]);
    },
  );

  it("leaves macOS's own checker alone (it downloads nothing)", () => {
    const session = { setSpellCheckerEnabled: vi.fn(), setSpellCheckerLanguages: vi.fn() };
    configureSpellchecker(session, 'darwin');
    expect(session.setSpellCheckerEnabled).not.toHaveBeenCalled();
  });
});

describe('confirmAndOpenExternal', () => {
  it('asks, naming the destination, and opens only when the user agrees', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await confirmAndOpenExternal('https://www.amo.on.ca/report', null)).toBe(true);
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options?.detail).toBe('https://www.amo.on.ca/report');
    expect(options?.cancelId).toBe(1);
    expect(options?.defaultId).toBe(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.amo.on.ca/report');
  });

  it('does nothing when the user cancels', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await confirmAndOpenExternal('https://example.com/', null)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
