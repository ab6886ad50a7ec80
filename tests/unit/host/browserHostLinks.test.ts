// @vitest-environment jsdom
/**
 * The browser edition's `openExternal`, the real host over jsdom's window, run against the one
 * table of links. jsdom cannot show a dialog or open a tab, so the test stands in for the person:
 * `confirm` records the question and answers, `open` records what would open.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ALLOWED_LINKS, REFUSED_LINKS } from './externalUrlCases';

/**
 * Loaded at run time: tests/unit is type-checked by tsconfig.node.json, which has no DOM types
 * (see tests/unit/annotations/marginListFocus.test.ts). What the test uses is restated here.
 */
interface BrowserHost {
  openExternal(url: string): Promise<boolean>;
}
const HOST = '../../../renderer/src/host/browserHost.ts';
const { createBrowserHost } = (await import(/* @vite-ignore */ HOST)) as {
  createBrowserHost: (win: unknown) => BrowserHost;
};

interface DialogWindow {
  confirm(message?: string): boolean;
  open(url?: string, target?: string, features?: string): unknown;
}
const win = globalThis as unknown as DialogWindow;
const host = createBrowserHost(win);
let confirm = vi.spyOn(win, 'confirm');
let open = vi.spyOn(win, 'open');

beforeEach(() => {
  vi.restoreAllMocks();
  confirm = vi.spyOn(win, 'confirm').mockReturnValue(true);
  open = vi.spyOn(win, 'open').mockReturnValue(null);
});

describe('the browser host opens links by the one policy (the shared table)', () => {
  it.each(ALLOWED_LINKS)(
    'asks about $input, showing everything, and opens exactly $href',
    async ({ input, href, mail }) => {
      expect(await host.openExternal(input)).toBe(true);
      const question = confirm.mock.calls[0]?.[0] ?? '';
      if (mail === undefined) {
        expect(question).toBe(`Open ${new URL(href).host} in your web browser?\n\n${href}`);
      } else {
        const lines = [`Write an e-mail to ${mail.address} in your e-mail program?`];
        if (mail.subject !== undefined) lines.push('', `Subject: ${mail.subject}`);
        if (mail.body !== undefined) lines.push('', mail.body);
        expect(question).toBe(lines.join('\n'));
      }
      // noopener, noreferrer: the new page gets no handle on the app (no reverse tabnabbing).
      expect(open).toHaveBeenCalledExactlyOnceWith(href, '_blank', 'noopener,noreferrer');
    },
  );

  it.each(REFUSED_LINKS)('never asks about, or opens, %j', async (input) => {
    expect(await host.openExternal(input)).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });
});

describe('the question before a link leaves', () => {
  it('names the site and shows the whole web link', async () => {
    await host.openExternal('https://www.amo.on.ca/x');
    expect(confirm).toHaveBeenCalledWith(
      'Open www.amo.on.ca in your web browser?\n\nhttps://www.amo.on.ca/x',
    );
  });

  it('shows the address, subject and body a mail link will open with', async () => {
    await host.openExternal(
      'mailto:clerk@example.ca?subject=Plan%20review&body=Hello,%0D%0Asee+attached',
    );
    expect(confirm).toHaveBeenCalledWith(
      'Write an e-mail to clerk@example.ca in your e-mail program?\n\nSubject: Plan review\n\nHello,\r\nsee+attached',
    );
    expect(open).toHaveBeenCalledWith(
      'mailto:clerk@example.ca?subject=Plan%20review&body=Hello%2C%0D%0Asee%2Battached',
      '_blank',
      'noopener,noreferrer',
    );
  });

  it('opens nothing when the person declines', async () => {
    confirm.mockReturnValue(false);
    expect(await host.openExternal('https://www.amo.on.ca/')).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
