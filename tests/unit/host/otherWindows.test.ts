// @vitest-environment jsdom
/**
 * The page's view of the app's other windows (host/otherWindows.ts): a store's write is heard by
 * another window's page over the BroadcastChannel, a window coming back to the front is told to
 * catch up, and the lock is the Web Locks API where the page has it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageOtherWindows, webLock } from '../../../renderer/src/host/otherWindows';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('pageOtherWindows', () => {
  it('tells another window which store this one wrote, and not itself', async () => {
    const presenter = pageOtherWindows(window);
    const main = pageOtherWindows(window);
    const heardByMain: (string | null)[] = [];
    const heardByPresenter: (string | null)[] = [];
    stops.push(main.watch((name) => heardByMain.push(name)));
    stops.push(presenter.watch((name) => heardByPresenter.push(name)));
    presenter.stored('workshops');
    await vi.waitFor(() => expect(heardByMain).toEqual(['workshops']));
    expect(heardByPresenter).toEqual([]);
  });

  it('asks to catch up when the window comes back to the front', () => {
    const heard: (string | null)[] = [];
    stops.push(pageOtherWindows(window).watch((name) => heard.push(name)));
    window.dispatchEvent(new Event('focus'));
    expect(heard).toEqual([null]);
  });

  it('has no lock of its own where the page has no Web Locks, and uses them where it has', async () => {
    expect(webLock({} as Navigator)).toBeUndefined();
    const held: string[] = [];
    const locks = {
      request: (name: string, work: () => Promise<unknown>) => {
        held.push(name);
        return work();
      },
    };
    const lock = webLock({ locks } as unknown as Navigator);
    await expect(lock?.('onmuni-records:planner', () => Promise.resolve(7))).resolves.toBe(7);
    expect(held).toEqual(['onmuni-records:planner']);
  });
});
