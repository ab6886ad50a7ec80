/**
 * The app's other windows (core/store/otherWindows.ts) as a page reaches them: the Web Locks API
 * holds a store while one window writes it, a BroadcastChannel tells the others which store was
 * written, and a window coming back to the front (focus, or the page shown again) catches up with
 * anything it missed. The desktop's windows share one origin (app://onmuni, a secure scheme) and
 * one session, so all three reach across them as they do across browser tabs.
 */
import type { OtherWindows, StoreLock } from '../core/store/otherWindows';

/** The channel every window of the app posts its stores' writes on. */
export const STORES_CHANNEL = 'onmuni-stores';

/** What the channel carries: the name of the store a window wrote. */
interface StoredMessage {
  store: string;
}

/** The other windows of `win`'s app; without BroadcastChannel, only the lock and the focus. */
export function pageOtherWindows(win: Window): OtherWindows {
  // Opened on first use: a page that never opens a record store has nothing to say or hear.
  let channel: BroadcastChannel | null | undefined;
  const open = (): BroadcastChannel | null => {
    if (channel === undefined) {
      channel =
        typeof BroadcastChannel === 'function' ? new BroadcastChannel(STORES_CHANNEL) : null;
    }
    return channel;
  };
  return {
    lock: webLock(win.navigator),
    stored(name) {
      const message: StoredMessage = { store: name };
      open()?.postMessage(message);
    },
    watch(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        const data = event.data as Partial<StoredMessage> | null;
        if (typeof data?.store === 'string') listener(data.store);
      };
      const onFocus = () => listener(null);
      const onVisible = () => {
        if (win.document.visibilityState === 'visible') listener(null);
      };
      const channel = open();
      channel?.addEventListener('message', onMessage);
      win.addEventListener('focus', onFocus);
      win.document.addEventListener('visibilitychange', onVisible);
      return () => {
        channel?.removeEventListener('message', onMessage);
        win.removeEventListener('focus', onFocus);
        win.document.removeEventListener('visibilitychange', onVisible);
      };
    },
  };
}

/**
 * The Web Locks API as a store's lock, or undefined where the page has none: it exists only in
 * secure contexts (https, localhost, the desktop's app:// scheme), so a browser page served over
 * plain http from another address falls back to a lock of its own tab.
 */
export function webLock(navigator: Navigator): StoreLock | undefined {
  const locks = (navigator as Partial<Navigator>).locks;
  if (!locks) return undefined;
  return <R>(name: string, work: () => Promise<R>) =>
    locks.request(name, () => work()) as Promise<R>;
}
