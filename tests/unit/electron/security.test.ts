import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn() },
  dialog: { showMessageBox: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
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
  describeDestination,
  hardenWebContents,
  installPermissionPolicy,
  installSecurityPolicy,
  isPermissionAllowed,
  spellcheckEnabled,
  isAllowedExternalUrl,
  isTrustedAppUrl,
  type HardenableContents,
} from '../../../electron/main/security';
import { ALLOWED_LINKS, REFUSED_LINKS } from '../host/externalUrlCases';

beforeEach(() => {
  vi.clearAllMocks();
});

describe('isAllowedExternalUrl (the same table as the browser host)', () => {
  it.each(ALLOWED_LINKS)('allows $input, opening exactly $href', ({ input, href }) => {
    expect(isAllowedExternalUrl(input)?.href).toBe(href);
  });

  it.each(REFUSED_LINKS)('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBeNull();
  });
});

describe('describeDestination', () => {
  it.each(ALLOWED_LINKS)('shows everything $input opens', ({ input, href, mail }) => {
    const url = isAllowedExternalUrl(input);
    if (url === null) throw new Error(`${input} should be allowed`);
    const shown = describeDestination(url);
    if (mail === undefined) {
      expect(shown).toBe(href);
      return;
    }
    const lines = [`To: ${mail.address}`];
    if (mail.subject !== undefined) lines.push(`Subject: ${mail.subject}`);
    if (mail.body !== undefined) lines.push('', mail.body);
    expect(shown).toBe(lines.join('\n'));
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
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installPermissionPolicy(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
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

  it('installSecurityPolicy covers the default session and every new WebContents', () => {
    installSecurityPolicy();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    const [name, listener] = electron.app.on.mock.calls[0] ?? [];
    expect(name).toBe('web-contents-created');
    const contents = new FakeContents();
    listener({}, contents);
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});

describe('downloads', () => {
  it('cancels every download the session would start', () => {
    const session = new EventEmitter();
    denyDownloads(session as never);
    const event = fakeEvent();
    session.emit('will-download', event, { getFilename: () => 'invoice.exe' }, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('installSecurityPolicy denies downloads on the default session', () => {
    installSecurityPolicy();
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
      configureSpellchecker(session as never, platform);
      expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
      expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith([]);
    },
  );

  it("leaves macOS's own checker alone (it downloads nothing)", () => {
    const session = { setSpellCheckerEnabled: vi.fn(), setSpellCheckerLanguages: vi.fn() };
    configureSpellchecker(session as never, 'darwin');
    expect(session.setSpellCheckerEnabled).not.toHaveBeenCalled();
  });
});

describe('confirmAndOpenExternal', () => {
  it('asks, naming the destination, and opens only when the user agrees', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await confirmAndOpenExternal('https://www.amo.on.ca/report', null)).toBe(true);
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options.detail).toBe('https://www.amo.on.ca/report');
    expect(options.cancelId).toBe(1);
    expect(options.defaultId).toBe(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.amo.on.ca/report');
  });

  it('shows the address, subject and body of a mail link, and opens exactly that', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    await confirmAndOpenExternal(
      'mailto:clerk@town.example.ca?Subject=Plan%20review&body=Hello,%0D%0Asee+attached',
      null,
    );
    expect(electron.dialog.showMessageBox.mock.calls[0]?.[0].detail).toBe(
      'To: clerk@town.example.ca\nSubject: Plan review\n\nHello,\r\nsee+attached',
    );
    expect(electron.shell.openExternal).toHaveBeenCalledWith(
      'mailto:clerk@town.example.ca?subject=Plan%20review&body=Hello%2C%0D%0Asee%2Battached',
    );
  });

  it('never asks about a mail link that would add a recipient or an attachment', async () => {
    for (const link of [
      'mailto:clerk@town.example.ca?bcc=boss@evil.example',
      'mailto:clerk@town.example.ca?subject=Hi&attach=C:/budget.xlsx',
    ]) {
      expect(await confirmAndOpenExternal(link, null), link).toBe(false);
    }
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('does nothing when the user cancels', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await confirmAndOpenExternal('https://example.com/', null)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('never asks about, or opens, a refused link', async () => {
    expect(await confirmAndOpenExternal('file:///C:/Windows/System32/calc.exe', null)).toBe(false);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
