import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => 'answer'), on: vi.fn(), send: vi.fn() },
}));
vi.mock('electron', () => electron);

import { buildBridge } from '../../../electron/preload/bridge';
import { ipcChannels } from '../../../electron/shared/ipcContract';

describe('buildBridge', () => {
  it('has one function per channel, grouped by domain, and nothing else', () => {
    const bridge = buildBridge(async () => undefined) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const names = Object.entries(bridge).flatMap(([domain, actions]) =>
      Object.entries(actions).map(([action, fn]) => {
        expect(fn).toBeTypeOf('function');
        return `${domain}:${action}`;
      }),
    );
    expect(names.sort()).toEqual([...ipcChannels].sort());
  });

  it('forwards exactly one argument on the right channel', async () => {
    const invoke = vi.fn(async () => 'ok');
    const bridge = buildBridge(invoke);
    const call = bridge.storage.read as unknown as (...args: unknown[]) => Promise<unknown>;
    await expect(call({ key: 'settings' }, 'smuggled')).resolves.toBe('ok');
    expect(invoke).toHaveBeenCalledWith('storage:read', { key: 'settings' });
  });

  it('is frozen, so page scripts cannot swap a function', () => {
    const bridge = buildBridge(async () => undefined);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.storage)).toBe(true);
  });
});

describe('the preload script', () => {
  it('exposes only window.onmuni, built over ipcRenderer.invoke', async () => {
    await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
    expect(name).toBe('onmuni');
    const exposed = JSON.stringify(api, (_key, value: unknown) =>
      typeof value === 'function' ? 'fn' : value,
    );
    expect(exposed).not.toMatch(/ipcRenderer|invoke|send|on"/);
    await api.app.info({});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('app:info', {});
    // No listener is ever registered, so no IpcRendererEvent can reach the page.
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});
