/**
 * The preload: the only code that can talk to main. It exposes one object, `window.onmuni`, built
 * from the IPC contract, and never exposes `ipcRenderer` itself (Electron security checklist #20).
 * It runs sandboxed, so it is bundled into one CommonJS file with its dependencies inlined.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'onmuni',
  buildBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      // The page gets the payload alone: the IpcRendererEvent (with its sender) stays here.
      const forward = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  ),
);
