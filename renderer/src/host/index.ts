import { createBrowserHost } from './browserHost';
import { createElectronHost, hasElectronBridge } from './electronHost';
import type { Host } from './Host';

export type { Host } from './Host';

let current: Host | undefined;

/**
 * The host the app runs in: the Electron host when the preload bridge (`window.onmuni`) is
 * present, otherwise the browser host. Created once, on first use.
 */
export function getHost(): Host {
  current ??= hasElectronBridge() ? createElectronHost() : createBrowserHost(window);
  return current;
}
