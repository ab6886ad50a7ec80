/**
 * Builds the `window.onmuni` object from the IPC contract. Kept free of Electron imports so it can
 * be tested with a fake `invoke`.
 */
import { isRoomEvent, type RoomEvent } from '../../renderer/src/core/room/protocol';
import {
  MENU_COMMAND_CHANNEL,
  ROOM_EVENT_CHANNEL,
  TEAM_CHANGED_CHANNEL,
  ipcChannels,
  menuCommandSchema,
  splitChannel,
  type IpcChannel,
  type MenuCommand,
  type OnmuniBridge,
} from '../shared/ipcContract';

/** Sends one request to main and resolves with its answer (ipcRenderer.invoke in the preload). */
export type Invoke = (channel: IpcChannel, input: unknown) => Promise<unknown>;

/**
 * Listens on a main → renderer channel and hands over only the payload (ipcRenderer.on in the
 * preload, minus the event); returns the function that stops listening.
 */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/** Without a subscriber (tests of the invoke side), main's messages simply never arrive. */
const noSubscribe: Subscribe = () => () => undefined;

/**
 * Returns a frozen `{ domain: { action(input) } }` object with one function per channel, plus
 * `menu.onCommand`, `team.onChanged` and `room.onEvent`. Each function passes exactly one argument
 * through `invoke`; the only things that ever reach the page from main are a menu command that
 * passed its schema, a bare call of the team folder's listener and a payload shaped as a room
 * event, never Electron's event object or anything else of Electron.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe = noSubscribe): OnmuniBridge {
  const domains: Record<string, Record<string, (input: unknown) => unknown>> = {};
  for (const channel of ipcChannels) {
    const { domain, action } = splitChannel(channel);
    const actions = (domains[domain] ??= {});
    actions[action] = (input: unknown) => invoke(channel, input);
  }
  domains.menu = {
    onCommand: (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.');
      return subscribe(MENU_COMMAND_CHANNEL, (payload) => {
        const parsed = menuCommandSchema.safeParse(payload);
        if (parsed.success) (listener as (command: MenuCommand) => void)(parsed.data);
      });
    },
  };
  (domains.team ??= {}).onChanged = (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError('onChanged needs a function.');
    return subscribe(TEAM_CHANGED_CHANNEL, () => (listener as () => void)());
  };
  (domains.room ??= {}).onEvent = (listener: unknown) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    return subscribe(ROOM_EVENT_CHANNEL, (payload) => {
      if (isRoomEvent(payload)) (listener as (event: RoomEvent) => void)(payload);
    });
  };
  for (const actions of Object.values(domains)) Object.freeze(actions);
  return Object.freeze(domains) as unknown as OnmuniBridge;
}
