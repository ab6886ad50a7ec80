/**
 * Watches the team folder so that changes from others show without waiting for the next poll.
 * Best effort only: network drives and some sync tools report nothing (or too much), so the page
 * polls as well and a watcher that cannot start, or fails later, simply stops.
 * Pure Node (no Electron), so it is unit-tested.
 */
import { watch as fsWatch, type FSWatcher, type WatchOptions } from 'node:fs';
import { basename, sep } from 'node:path';

/** How long the folder must be quiet before listeners hear of a burst of changes. */
export const WATCH_DEBOUNCE_MS = 300;
/** Longest a steady stream of changes (a large sync) can hold the notice back. */
export const WATCH_MAX_WAIT_MS = 2_000;

export interface FolderWatchOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /**
   * True for a change to leave unreported, given its path relative to the root with `/` between
   * parts: the app's own writes, which it need not read back.
   */
  ignore?: (path: string) => boolean;
  /** `fs.watch`, replaceable in tests. */
  watch?: (path: string, options: WatchOptions) => FSWatcher;
}

/**
 * Calls `onChange` once per burst of changes anywhere under `root` (all subfolders, where the
 * platform can watch them; the top level elsewhere). Changes to hidden files (our own temporary
 * files, Syncthing's) are ignored: the rename that completes a write is reported by its final
 * name. A change the platform reports without a name is always reported. Returns the function
 * that stops watching.
 */
export function watchFolder(
  root: string,
  onChange: () => void,
  options: FolderWatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? WATCH_DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? WATCH_MAX_WAIT_MS;
  const watch = options.watch ?? fsWatch;
  let timer: NodeJS.Timeout | undefined;
  let firstPending: number | undefined;
  let stopped = false;

  const fire = (): void => {
    timer = undefined;
    firstPending = undefined;
    if (!stopped) onChange();
  };
  const changed = (_event: string, filename: string | Buffer | null): void => {
    if (filename !== null) {
      const path = filename.toString().split(sep).join('/');
      if (basename(path).startsWith('.') || options.ignore?.(path)) return;
    }
    const now = Date.now();
    firstPending ??= now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now)));
  };

  const watcher = openWatcher(root, watch, changed);
  if (watcher === undefined) return () => undefined;
  // A folder that goes away (network drive offline) ends the watch; polling carries on.
  watcher.on('error', () => stop());
  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    watcher?.close();
  }
  return stop;
}

/** A recursive watcher, else one of the top level, else none (the folder is not there). */
function openWatcher(
  root: string,
  watch: NonNullable<FolderWatchOptions['watch']>,
  listener: (event: string, filename: string | Buffer | null) => void,
): FSWatcher | undefined {
  for (const recursive of [true, false]) {
    try {
      // persistent: false, so a watch never keeps the app from quitting.
      return watch(root, { recursive, persistent: false }).on('change', listener);
    } catch {
      // Recursive watching is not on every platform; the folder may be missing: try the next.
    }
  }
  return undefined;
}
