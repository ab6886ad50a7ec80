/**
 * What each IPC channel does. ipc.ts has already checked the sender and parsed the input by the
 * time these run.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, type WebContents } from 'electron';
import type { IpcHandlers } from './ipc';
import { StorageRefusedError, type DocumentFolder } from './storage';
import { openPackFolder, packAnswer, type PackFolder } from './packFolder';
import { chooseFolder, openTextFile, saveFile } from './dialogs';
import type { Language } from '../shared/language';
import { setShellLanguage, t } from './i18n/i18n';
import { createWorkshopCheck } from './knownWorkshops';
import { openPresenterWindow } from './presenterWindow';
import { printPage, printToPdf } from './print';
// Not from '../room' (its index): that would bundle the room server into main with it.
import { listRoomInterfaces } from '../room/roomInterfaces';
import { RoomLauncher } from './room/roomLauncher';
import { confirmAndOpenExternal } from './security';
import { NodeFolderAccess } from './teamFolder/nodeFolderAccess';
import { createTeamHandlers } from './teamFolder/teamHandlers';
import { TeamFolderSession } from './teamFolder/teamFolderSession';

export interface HandlerDeps {
  store: DocumentFolder;
  /** Installed content packs; by default those of the store's data folder. */
  packs?: PackFolder;
  /** The team folder; by default one remembered in the store's data folder. */
  team?: TeamFolderSession;
  /** The workshop room's launcher; by default one over out/main/room.js and out/renderer. */
  room?: RoomLauncher;
  appName: string;
  appVersion: string;
  /**
   * Called after the page chose the interface language (the shell already speaks it), so the
   * application menu can be rebuilt in it (index.ts).
   */
  onLanguage?: (language: Language) => void;
  /** What a second app window needs: the preload and the entry page. */
  windows: { preloadPath: string; entryUrl: string; devTools: boolean };
  /**
   * Where the content build's `catalog.json` may be (it lists the bundled workshops), in order of
   * preference. Defaults to {@link defaultCatalogPaths}.
   */
  catalogPaths?: readonly string[];
}

/** The room process's entry and the room page's folder, beside the main bundle (`out/main`). */
export function defaultRoomLauncher(): RoomLauncher {
  const mainDir = dirname(fileURLToPath(import.meta.url));
  return new RoomLauncher({
    entry: join(mainDir, 'room.js'),
    pageDir: join(mainDir, '..', 'renderer'),
  });
}

/**
 * Where the catalog is beside the main bundle (`out/main`): the built renderer's `data/`, and
 * during `npm run dev` (entry page not on app://) first the content build's output, which the dev
 * server serves and which may be newer than `out/renderer`.
 */
export function defaultCatalogPaths(entryUrl: string): string[] {
  const mainDir = dirname(fileURLToPath(import.meta.url));
  const built = join(mainDir, '..', 'renderer', 'data', 'catalog.json');
  if (entryUrl.startsWith('app://')) return [built];
  return [join(mainDir, '..', '..', 'renderer', 'public', 'data', 'catalog.json'), built];
}

function windowOf(sender: WebContents): BrowserWindow {
  const window = BrowserWindow.fromWebContents(sender);
  if (window === null) throw new Error('The request did not come from an app window.');
  return window;
}

/** Builds the handler for every channel of the contract. */
export function createIpcHandlers({
  store,
  packs = openPackFolder(store.dir),
  team = new TeamFolderSession({ dataDir: store.dir, open: (root) => new NodeFolderAccess(root) }),
  room = defaultRoomLauncher(),
  appName,
  appVersion,
  onLanguage,
  windows,
  catalogPaths,
}: HandlerDeps): IpcHandlers<WebContents> {
  // Read once, now; the user's workshops are read when the presenter is asked for.
  const isKnownWorkshop = createWorkshopCheck({
    catalogPaths: catalogPaths ?? defaultCatalogPaths(windows.entryUrl),
    readStored: (key) => store.peek(key),
  });
  return {
    'storage:read': ({ key }) => store.read(key),
    'storage:write': async ({ key, text }) => {
      try {
        await store.write(key, text);
        return { status: 'saved' };
      } catch (error) {
        // A refusal goes back as its code and values (a rejection would carry only English
        // words); anything else is a failure, rejected as before.
        if (error instanceof StorageRefusedError)
          return { status: 'refused', refusal: error.refusal };
        throw error;
      }
    },
    'file:open': (input, sender) => openTextFile(windowOf(sender), input),
    'file:save': (input, sender) => saveFile(windowOf(sender), input),
    'print:pdf': (input, sender) => printToPdf(windowOf(sender), input),
    'print:page': (_input, sender) => printPage(windowOf(sender)),
    'shell:openExternal': async ({ url }, sender) => ({
      opened: await confirmAndOpenExternal(url, windowOf(sender)),
    }),
    'app:info': () =>
      Promise.resolve({
        name: appName,
        version: appVersion,
        host: 'electron',
        dataLocation: store.dir,
      }),
    'app:setLanguage': ({ language }) => {
      setShellLanguage(language);
      onLanguage?.(language);
      return Promise.resolve(undefined);
    },
    'window:openPresenter': async ({ workshopId, sessionId }) => {
      // Only for a workshop that exists: the id goes into the window's route.
      if (!(await isKnownWorkshop(workshopId))) return { opened: false };
      return { opened: await openPresenterWindow({ ...windows, workshopId, sessionId }) };
    },
    'packs:list': () => packs.list(),
    'packs:listDamaged': () => packs.listDamaged(),
    'packs:readFile': ({ packId, version, name }) =>
      packAnswer(packs.readFile(packId, version, name)),
    'packs:install': (pack) => packAnswer(packs.install(pack).then(() => undefined)),
    'packs:rollback': ({ packId }) => packAnswer(packs.rollback(packId).then(() => undefined)),
    'packs:remove': ({ packId }) => packAnswer(packs.remove(packId).then(() => undefined)),
    ...createTeamHandlers(team, (sender) =>
      chooseFolder(windowOf(sender), t('teamFolder.dialogTitle'), t('teamFolder.dialogButton')),
    ),
    // Plain os.networkInterfaces(), read here: listing needs no room process to be running.
    'room:interfaces': () => Promise.resolve(listRoomInterfaces()),
    'room:command': (command, sender) => room.command(command, sender),
  };
}
