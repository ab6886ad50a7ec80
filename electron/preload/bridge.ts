/**
 * Builds the `window.onmuni` object from the IPC contract. Kept free of Electron imports so it can
 * be tested with a fake `invoke`.
 */
import {
  ipcChannels,
  splitChannel,
  type IpcChannel,
  type OnmuniBridge,
} from '../shared/ipcContract';

/** Sends one request to main and resolves with its answer (ipcRenderer.invoke in the preload). */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Returns a frozen `{ domain: { action(input) } }` object with one function per channel. Each
 * function passes exactly one argument through `invoke`; nothing else of Electron is reachable,
 * and no event object ever reaches the page (there are no listeners at all).
 */
export function buildBridge(invoke: Invoke): OnmuniBridge {
  const domains: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of ipcChannels) {
    const { domain, action } = splitChannel(channel);
    const actions = (domains[domain] ??= {});
    actions[action] = (input: unknown) => invoke(channel, input);
  }
  for (const actions of Object.values(domains)) Object.freeze(actions);
  return Object.freeze(domains) as unknown as OnmuniBridge;
}
