/**
 * What each IPC channel does. ipc.ts has already checked the sender and parsed the input by the
 * time these run.
 */
import { BrowserWindow, type WebContents } from 'electron';
import type { IpcHandlers } from './ipc';
import type { DocumentStore } from './storage';
import { openTextFile, saveFile } from './dialogs';
import { openPresenterWindow } from './presenterWindow';
import { printPage, printToPdf } from './print';
import { confirmAndOpenExternal } from './security';

export interface HandlerDeps {
  store: DocumentStore;
  appName: string;
  appVersion: string;
  /** What a second app window needs: the preload and the entry page. */
  windows: { preloadPath: string; entryUrl: string; devTools: boolean };
}

function windowOf(sender: WebContents): BrowserWindow {
  const window = BrowserWindow.fromWebContents(sender);
  if (window === null) throw new Error('The request did not come from an app window.');
  return window;
}

/** Builds the handler for every channel of the contract. */
export function createIpcHandlers({
  store,
  appName,
  appVersion,
  windows,
}: HandlerDeps): IpcHandlers<WebContents> {
  return {
    'storage:read': ({ key }) => store.read(key),
    'storage:write': async ({ key, text }) => {
      await store.write(key, text);
      return { status: 'saved' };
    },
    'file:open': (input, sender) => openTextFile(windowOf(sender), input),
    'file:save': (input, sender) => saveFile(windowOf(sender), input),
    'print:pdf': (input, sender) => printToPdf(windowOf(sender), input),
    'print:page': (_input, sender) => printPage(windowOf(sender)),
    'shell:openExternal': async ({ url }, sender) => ({
      opened: await confirmAndOpenExternal(url, windowOf(sender)),
    }),
    'app:info': async () => ({
      name: appName,
      version: appVersion,
      host: 'electron',
      dataLocation: store.dir,
    }),
    'window:openPresenter': async ({ workshopId, sessionId }) => ({
      opened: await openPresenterWindow({ ...windows, workshopId, sessionId }),
    }),
  };
}
