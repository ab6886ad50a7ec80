// @vitest-environment jsdom
/**
 * The About page's open-source notices: read from the app's folder when first opened, and read
 * again on the next opening after a failed read (a reader who met the error can try again).
 */
import { act } from 'react';
import { afterEach, expect, it } from 'vitest';
import { ThirdPartyNotices } from '../../../renderer/src/ui/about/ThirdPartyNotices';
import { renderSettled, unmountAll } from '../support/dom';

const realFetch = globalThis.fetch;
afterEach(() => {
  unmountAll();
  globalThis.fetch = realFetch;
});

/** Answers each fetch with the next of `statuses`, the notices text when 200. */
function serveNotices(statuses: number[]): string[] {
  const asked: string[] = [];
  globalThis.fetch = (input: RequestInfo | URL) => {
    asked.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const status = statuses[asked.length - 1] ?? 404;
    return Promise.resolve(
      new Response(status === 200 ? 'lunr-languages 1.22.0 MPL-1.1' : '', { status }),
    );
  };
  return asked;
}

async function toggle(details: HTMLDetailsElement, open: boolean): Promise<void> {
  await act(async () => {
    details.open = open;
    details.dispatchEvent(new Event('toggle'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

it('reads the notices on opening, and again after a failed read', async () => {
  const asked = serveNotices([500, 200]);
  const { container } = await renderSettled(<ThirdPartyNotices />);
  const details = container.querySelector('details');
  if (!details) throw new Error('no details');

  await toggle(details, true);
  expect(asked).toEqual(['./third-party-notices.txt']);
  expect(container.querySelector('[role="alert"]')).not.toBeNull();

  await toggle(details, false);
  await toggle(details, true);
  expect(asked).toHaveLength(2);
  expect(container.querySelector('[role="alert"]')).toBeNull();
  expect(container.querySelector('pre')?.textContent).toBe('lunr-languages 1.22.0 MPL-1.1');

  // Once shown, closing and opening again reads nothing more.
  await toggle(details, false);
  await toggle(details, true);
  expect(asked).toHaveLength(2);
});
