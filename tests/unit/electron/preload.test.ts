import { describe, expect, it, vi } from 'vitest';
import type { OnmuniBridge } from '../../../electron/shared/ipcContract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(name: string, api: OnmuniBridge) => void>() },
  ipcRenderer: {
    invoke: vi.fn(() => Promise.resolve('answer')),
    on: vi.fn<(channel: string, listener: (event: unknown, payload: unknown) => void) => void>(),
    removeListener: vi.fn(),
    send: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { buildBridge } from '../../../electron/preload/bridge';
import {
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  ROOM_EVENT_CHANNEL,
  TEAM_CHANGED_CHANNEL,
  ipcChannels,
} from '../../../electron/shared/ipcContract';

describe('buildBridge', () => {
  it('has one function per channel, grouped by domain, and the three subscriptions', () => {
    const bridge = buildBridge(() => Promise.resolve(undefined)) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const names = Object.entries(bridge).flatMap(([domain, actions]) =>
      Object.entries(actions).map(([action, fn]) => {
        expect(fn).toBeTypeOf('function');
        return `${domain}:${action}`;
      }),
    );
    expect(names.sort()).toEqual(
      [...ipcChannels, 'menu:onCommand', 'team:onChanged', 'room:onEvent'].sort(),
    );
  });

  it('forwards exactly one argument on the right channel', async () => {
    const invoke = vi.fn(() => Promise.resolve('ok'));
    const bridge = buildBridge(invoke);
    const call = bridge.storage.read as unknown as (...args: unknown[]) => Promise<unknown>;
    await expect(call({ key: 'settings' }, 'smuggled')).resolves.toBe('ok');
    expect(invoke).toHaveBeenCalledWith('storage:read', { key: 'settings' });
  });

  it('is frozen, so page scripts cannot swap a function', () => {
    const bridge = buildBridge(() => Promise.resolve(undefined));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.storage)).toBe(true);
  });
});

describe('menu commands', () => {
  function subscribed() {
    let deliver: (payload: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((_channel: string, listener: (payload: unknown) => void) => {
      deliver = listener;
      return unsubscribe;
    });
    const bridge = buildBridge(() => Promise.resolve(undefined), subscribe);
    const listener = vi.fn();
    const stop = bridge.menu.onCommand(listener);
    return {
      subscribe,
      listener,
      stop,
      unsubscribe,
      deliver: (payload: unknown) => deliver(payload),
    };
  }

  it('listens on menu:command and passes on only the commands of the contract', () => {
    const { subscribe, listener, deliver } = subscribed();
    expect(subscribe).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, expect.any(Function));
    for (const command of MENU_COMMANDS) deliver(command);
    for (const hostile of ['delete-everything', '', undefined, { command: 'print' }, ['search']]) {
      deliver(hostile);
    }
    expect(listener.mock.calls).toEqual(MENU_COMMANDS.map((command) => [command]));
  });

  it('returns the unsubscribe function, and refuses a listener that is not a function', () => {
    const { stop, unsubscribe } = subscribed();
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    const bridge = buildBridge(() => Promise.resolve(undefined));
    expect(() => bridge.menu.onCommand('x' as never)).toThrow(TypeError);
  });
});

describe('team folder changes', () => {
  it('listen on team:changed and call the listener with nothing of what main sent', () => {
    let deliver: (payload: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((_channel: string, listener: (payload: unknown) => void) => {
      deliver = listener;
      return unsubscribe;
    });
    const bridge = buildBridge(() => Promise.resolve(undefined), subscribe);
    const listener = vi.fn();
    const stop = bridge.team.onChanged(listener);
    expect(subscribe).toHaveBeenCalledWith(TEAM_CHANGED_CHANNEL, expect.any(Function));
    deliver({ sender: 'anything main or Electron might pass' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(() => bridge.team.onChanged('x' as never)).toThrow(TypeError);
  });

  it('sit beside the team channels, in the same frozen domain', () => {
    const bridge = buildBridge(() => Promise.resolve(undefined));
    expect(bridge.team.list).toBeTypeOf('function');
    expect(Object.isFrozen(bridge.team)).toBe(true);
  });
});

describe('workshop room events', () => {
  it('listen on room:event and pass on only payloads shaped as a room event, alone', () => {
    let deliver: (payload: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((_channel: string, listener: (payload: unknown) => void) => {
      deliver = listener;
      return unsubscribe;
    });
    const bridge = buildBridge(() => Promise.resolve(undefined), subscribe);
    const listener = vi.fn();
    const stop = bridge.room.onEvent(listener);
    expect(subscribe).toHaveBeenCalledWith(ROOM_EVENT_CHANNEL, expect.any(Function));
    const closed = { type: 'closed', reason: 'failed' };
    for (const hostile of [undefined, 'closed', ['opened'], { type: 'eval' }, { sender: {} }]) {
      deliver(hostile);
    }
    deliver(closed);
    expect(listener.mock.calls).toEqual([[closed]]);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(() => bridge.room.onEvent('x' as never)).toThrow(TypeError);
  });

  it('sit beside the room channels, in the same frozen domain', () => {
    const bridge = buildBridge(() => Promise.resolve(undefined));
    expect(bridge.room.command).toBeTypeOf('function');
    expect(bridge.room.interfaces).toBeTypeOf('function');
    expect(Object.isFrozen(bridge.room)).toBe(true);
  });
});

describe('the preload script', () => {
  it('exposes only window.onmuni, built over ipcRenderer.invoke', async () => {
    await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const exposure = electron.contextBridge.exposeInMainWorld.mock.calls[0];
    if (!exposure) throw new Error('the preload exposed nothing');
    const [name, api] = exposure;
    expect(name).toBe('onmuni');
    const exposed = JSON.stringify(api, (_key, value: unknown) =>
      typeof value === 'function' ? 'fn' : value,
    );
    expect(exposed).not.toMatch(/ipcRenderer|invoke|send|on"/);
    await api.app.info({});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:info', {});
    // No listener is registered until the page asks for menu commands...
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    // ...and then the page gets the payload alone, never the IpcRendererEvent.
    const listener = vi.fn();
    const stop = api.menu.onCommand(listener);
    const subscription = electron.ipcRenderer.on.mock.calls[0];
    if (!subscription) throw new Error('the preload did not listen');
    const [channel, forward] = subscription;
    expect(channel).toBe(MENU_COMMAND_CHANNEL);
    forward({ sender: 'the IpcRendererEvent' }, 'print');
    expect(listener).toHaveBeenCalledWith('print');
    expect(listener.mock.calls[0]).toHaveLength(1);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward);
  });
});
