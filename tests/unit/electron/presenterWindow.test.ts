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
    loadURL = vi.fn(() => Promise.resolve());
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

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ipcContract } from '../../../electron/shared/ipcContract';
import { createIpcHandlers, defaultCatalogPaths } from '../../../electron/main/handlers';
import {
  bundledWorkshopIds,
  createWorkshopCheck,
  userWorkshopIds,
} from '../../../electron/main/knownWorkshops';
import { openPresenterWindow, presenterUrl } from '../../../electron/main/presenterWindow';
import { openDocumentFolder } from '../../../electron/main/storage';
import { makeTempDir } from './tempDir';

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

  it('keeps one presenter window: asking again, for any workshop, shows it there', async () => {
    const before = electron.created.length;
    await openPresenterWindow({ ...base, workshopId: 'workshop-x', sessionId: undefined });
    await openPresenterWindow({ ...base, workshopId: 'workshop-x', sessionId: undefined });
    await openPresenterWindow({ ...base, workshopId: 'workshop-y', sessionId: 's-2' });
    expect(electron.created.length).toBe(before);
    const window = electron.created.at(-1)?.instance;
    expect(window?.focus).toHaveBeenCalledTimes(3);
    expect(window?.loadURL).toHaveBeenLastCalledWith(
      'app://onmuni/index.html#/workshops/workshop-y/presenter?session=s-2',
    );
  });

  it('opens a new window once the one presenter window was closed', async () => {
    const first = electron.created.at(-1)?.instance;
    if (!first) throw new Error('no window was created');
    first.destroyed = true;
    first.emit('closed');
    const before = electron.created.length;
    await openPresenterWindow({ ...base, workshopId: 'workshop-z', sessionId: undefined });
    expect(electron.created.length).toBe(before + 1);
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

describe('which workshops the presenter opens for', () => {
  const catalog = JSON.stringify({
    version: 1,
    entries: [
      { id: 'workshop-council-digital-awareness', type: 'workshop' },
      { id: 'guide-1-assess-readiness', type: 'guide-step' },
      { id: '../../etc', type: 'workshop' },
      { id: 42, type: 'workshop' },
      null,
    ],
  });
  const userDocument = JSON.stringify({
    schemaVersion: 1,
    workshops: [{ id: 'workshop-mine' }, { id: 'a b' }, 'workshop-not-an-object'],
    sessions: [{ id: 'session-1' }],
  });

  it('reads the bundled workshops from the catalog, keeping only well-formed ids', () => {
    expect([...bundledWorkshopIds(catalog)]).toEqual(['workshop-council-digital-awareness']);
  });

  it("reads the user's workshops from the stored document", () => {
    expect([...userWorkshopIds(userDocument)]).toEqual(['workshop-mine']);
  });

  it.each(['', 'not json', 'null', '[]', '{"workshops":{"id":"x"}}', '{"entries":"x"}'])(
    'finds no workshop in %j',
    (text) => {
      expect(bundledWorkshopIds(text).size).toBe(0);
      expect(userWorkshopIds(text).size).toBe(0);
    },
  );

  it('opens only for a bundled or user workshop, reusing the one window', async () => {
    const dir = await makeTempDir();
    const catalogPath = join(dir, 'catalog.json');
    await writeFile(catalogPath, catalog);
    const store = await openDocumentFolder(join(dir, 'data'));
    const handlers = createIpcHandlers({
      store,
      appName: 'OnMuni Toolkit',
      appVersion: '0.1.0',
      windows: base,
      catalogPaths: [join(dir, 'missing.json'), catalogPath],
    });
    const open = (workshopId: string) =>
      handlers['window:openPresenter']({ workshopId }, {} as never);
    const before = electron.created.length;

    expect(await open('workshop-mine')).toEqual({ opened: false });
    // A workshop the user just made counts as soon as its save was asked for.
    void store.write('workshops', userDocument);
    expect(await open('workshop-mine')).toEqual({ opened: true });
    expect(await open('workshop-council-digital-awareness')).toEqual({ opened: true });
    for (const unknown of ['workshop-nobody-made', 'session-1', 'guide-1-assess-readiness']) {
      expect(await open(unknown), unknown).toEqual({ opened: false });
    }
    expect(electron.created.length - before).toBeLessThanOrEqual(1);
    expect(electron.created.at(-1)?.instance.loadURL).toHaveBeenLastCalledWith(
      'app://onmuni/index.html#/workshops/workshop-council-digital-awareness/presenter',
    );
  });

  it('opens for no bundled workshop when the catalog cannot be read', async () => {
    const check = createWorkshopCheck({
      catalogPaths: ['/nonexistent/catalog.json'],
      readStored: () => Promise.resolve(undefined),
    });
    expect(await check('workshop-council-digital-awareness')).toBe(false);
  });

  it('finds the catalog beside the main bundle, and the dev build first during npm run dev', () => {
    expect(defaultCatalogPaths('app://onmuni/index.html')).toEqual([
      expect.stringMatching(/renderer[\\/]data[\\/]catalog\.json$/),
    ]);
    const dev = defaultCatalogPaths('http://localhost:5173/');
    expect(dev[0]).toMatch(/renderer[\\/]public[\\/]data[\\/]catalog\.json$/);
    expect(dev).toHaveLength(2);
  });
});
