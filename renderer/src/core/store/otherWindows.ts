/**
 * The app's other windows over the same storage: the desktop's main and presenter windows (one
 * renderer process each, the same data folder), or browser tabs (the same localStorage). A store
 * whose state spans several documents (recordLogBackend.ts) must not be written by two of them
 * at once, and wants to hear when another one stored something. Hosts provide this (the Web
 * Locks API and a BroadcastChannel, host/otherWindows.ts); core only names what it needs, so it
 * stays free of the DOM.
 */

/** Runs `work` while no other holder of `name` runs; resolves or rejects as `work` does. */
export type StoreLock = <R>(name: string, work: () => Promise<R>) => Promise<R>;

export interface OtherWindows {
  /**
   * Exclusive across every window of the app over this storage (the Web Locks API); absent where
   * the page has none, and then a store falls back to `inProcessLock`.
   */
  readonly lock?: StoreLock;
  /** Tells the other windows that this one stored documents of the store `name`. */
  stored(name: string): void;
  /**
   * Calls `listener` with the name of a store another window stored, or with null when anything
   * may have changed meanwhile (this window came back to the front); returns the unsubscribe.
   */
  watch(listener: (name: string | null) => void): () => void;
}

/** The locks of `inProcessLock`, by storage: tails of the work queued under each name. */
const tails = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A lock that holds within this JavaScript realm only, for one storage (`scope`): what a store
 * uses where the host has no Web Locks (Node, the tests, a browser page not served from a secure
 * origin). It serializes two stores of this window over the same storage, but two browser tabs
 * without Web Locks can still interleave their writes (each keeps its own queue). Chromium, and
 * so Electron, always has Web Locks on the app's secure origin; browsers have it on https and
 * on localhost, not on plain http from another address.
 */
export function inProcessLock(scope: object): StoreLock {
  let byName = tails.get(scope);
  if (!byName) tails.set(scope, (byName = new Map<string, Promise<unknown>>()));
  const queues = byName;
  return <R>(name: string, work: () => Promise<R>): Promise<R> => {
    const before = queues.get(name) ?? Promise.resolve();
    const result = before.then(work);
    const tail = result.catch(() => undefined);
    queues.set(name, tail);
    // Forget the name once nothing waits on it, so the map holds only names in use.
    void tail.then(() => {
      if (queues.get(name) === tail) queues.delete(name);
    });
    return result;
  };
}
