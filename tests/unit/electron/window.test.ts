import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; instance: Record<string, unknown> }> =
    [];
  class BrowserWindow {
    private readonly listeners = new Map<string, Array<() => void>>();
    constructor(options: Record<string, unknown>) {
      created.push({ options, instance: this as unknown as Record<string, unknown> });
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
    maximize = vi.fn();
    setFullScreen = vi.fn();
    show = vi.fn();
    getNormalBounds = () => ({ x: 50, y: 60, width: 1000, height: 700 });
    isMaximized = () => false;
    isFullScreen = () => false;
    isMinimized = () => false;
    isDestroyed = () => false;
    /** The page's contents: only the listeners main adds, which a test calls with `fire`. */
    webContents = {
      listeners: new Map<string, (event: { preventDefault: () => void }) => void>(),
      on(name: string, listener: (event: { preventDefault: () => void }) => void) {
        this.listeners.set(name, listener);
      },
    };
  }
  return {
    created,
    BrowserWindow,
    dialog: { showMessageBoxSync: vi.fn(() => 1) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  };
});
vi.mock('electron', () => electron);

import { createMainWindow, type MainWindowOptions } from '../../../electron/main/window';
import { openDocumentFolder } from '../../../electron/main/storage';
import { makeTempDir } from './tempDir';

/** Opens the main window on `store` with test defaults under `options`; returns what it got. */
async function openWindow(
  store: MainWindowOptions['store'],
  options: Partial<MainWindowOptions> = {},
) {
  await createMainWindow({
    preloadPath: 'p',
    startUrl: 'app://onmuni/',
    store,
    devTools: false,
    spellcheck: false,
    ...options,
  });
  const last = electron.created.at(-1);
  if (!last) throw new Error('no window was created');
  return last;
}

describe('createMainWindow', () => {
  it('uses the secure web preferences', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    const { options, instance } = await openWindow(store, {
      preloadPath: '/app/out/preload/index.cjs',
      startUrl: 'app://onmuni/index.html',
    });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      disableBlinkFeatures: 'Auxclick',
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Off where Electron's spellchecker would download dictionaries (index.ts decides).
      spellcheck: false,
      devTools: false,
    });
    expect(instance.loadURL).toHaveBeenCalledWith('app://onmuni/index.html');
  });

  it('writes the settings as literals inside new BrowserWindow(...), where scanners see them', async () => {
    const source = await readFile(
      join(import.meta.dirname, '../../../electron/main/window.ts'),
      'utf8',
    );
    const call = source.slice(source.indexOf('new BrowserWindow({'));
    for (const literal of [
      'contextIsolation: true,',
      'sandbox: true,',
      'nodeIntegration: false,',
      'webSecurity: true,',
      'allowRunningInsecureContent: false,',
      'experimentalFeatures: false,',
      'webviewTag: false,',
    ]) {
      expect(call).toContain(literal);
    }
    expect(source.match(/new BrowserWindow\(\{/g)).toHaveLength(1);
  });

  it('restores the saved placement and saves it again on close', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir);
    const saved = {
      bounds: { x: 100, y: 120, width: 900, height: 600 },
      maximized: true,
      fullScreen: false,
    };
    await store.write('window-state', JSON.stringify(saved));
    const { options, instance } = await openWindow(store);
    expect(options).toMatchObject({ x: 100, y: 120, width: 900, height: 600 });
    expect(instance.maximize).toHaveBeenCalled();
    (instance.emit as (name: string) => void)('close');
    await store.flush();
    const text = await readFile(join(dir, 'window-state.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      bounds: { x: 50, y: 60, width: 1000, height: 700 },
      maximized: false,
      fullScreen: false,
    });
  });

  it('asks before the page unloads with unsaved changes: Leave lets it go, Stay keeps it', async () => {
    const { instance } = await openWindow(await openDocumentFolder(await makeTempDir()));
    const contents = instance.webContents as {
      listeners: Map<string, (event: { preventDefault: () => void }) => void>;
    };
    const fire = () => {
      const event = { preventDefault: vi.fn() };
      contents.listeners.get('will-prevent-unload')?.(event);
      return event.preventDefault;
    };
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    // preventDefault on this event is what lets the page unload despite its beforeunload.
    expect(fire()).toHaveBeenCalled();
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    expect(fire()).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
      instance,
      expect.objectContaining({
        buttons: ['Leave', 'Stay'],
        defaultId: 1,
        cancelId: 1,
        message: 'Leave without saving your changes?',
      }),
    );
  });
});
