import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; instance: FakeWindow }> = [];
  class FakeWindow {
    private readonly listeners = new Map<string, Array<() => void>>();
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      created.push({ options, instance: this });
    }
    on(name: string, listener: () => void) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: () => void) {
      return this.on(name, listener);
    }
    emit(name: string) {
      for (const listener of this.listeners.get(name) ?? []) listener();
    }
    loadURL = vi.fn(async () => undefined);
    focus = vi.fn();
    show = vi.fn();
    isDestroyed = () => this.destroyed;
  }
  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const projector = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 720 } };
  return {
    created,
    BrowserWindow: FakeWindow,
    screen: { getAllDisplays: () => [primary, projector], getPrimaryDisplay: () => primary },
  };
});
vi.mock('electron', () => electron);

import { ipcContract } from '../../../electron/shared/ipcContract';
import { openPresenterWindow, presenterUrl } from '../../../electron/main/presenterWindow';

const base = {
  preloadPath: '/app/out/preload/index.cjs',
  entryUrl: 'app://onmuni/index.html',
  devTools: false,
};

describe('the presenter window', () => {
  it('opens on the other display with the secure settings and the presenter route', async () => {
    await openPresenterWindow({
      ...base,
      workshopId: 'workshop-council-digital-awareness',
      sessionId: 'session-1',
    });
    const last = electron.created.at(-1);
    if (!last) throw new Error('no window was created');
    const { options, instance } = last;
    expect(options.webPreferences).toMatchObject({
      preload: base.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.x).toBeGreaterThanOrEqual(1920);
    expect(instance.loadURL).toHaveBeenCalledWith(
      'app://onmuni/index.html#/workshops/workshop-council-digital-awareness/presenter?session=session-1',
    );
  });

  it('focuses the open window for the same workshop instead of opening another', async () => {
    const before = electron.created.length;
    await openPresenterWindow({ ...base, workshopId: 'workshop-x', sessionId: undefined });
    await openPresenterWindow({ ...base, workshopId: 'workshop-x', sessionId: undefined });
    expect(electron.created.length).toBe(before + 1);
    expect(electron.created.at(-1)?.instance.focus).toHaveBeenCalledTimes(1);
  });

  it('builds the route without a session when there is none', () => {
    expect(presenterUrl('app://onmuni/index.html', 'w-1')).toBe(
      'app://onmuni/index.html#/workshops/w-1/presenter',
    );
  });

  it.each([
    [{ workshopId: '../etc' }, false],
    [{ workshopId: 'w?x=1' }, false],
    [{ workshopId: 'w-1', sessionId: 'a b' }, false],
    [{ workshopId: 'w-1', extra: true }, false],
    [{ workshopId: 'workshop-1', sessionId: 'session_2' }, true],
  ])('the contract accepts %j: %s', (input, ok) => {
    expect(ipcContract['window:openPresenter'].input.safeParse(input).success).toBe(ok);
  });
});
