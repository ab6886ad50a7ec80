import { version } from '../../../package.json';
import { checkExternalUrl } from '../../../electron/shared/externalUrlPolicy';
import { t } from '../ui/common/i18n/i18n';
import { createBrowserTeamFolder } from './browserTeamFolder';
import { externalLinkQuestion } from './externalLinkQuestion';
import type { Host, SaveFileOptions, SaveFileResult } from './Host';
import { createIndexedDbPacks } from './indexedDbPacks';
import { pageOtherWindows } from './otherWindows';
import { createServedRoom } from './servedRoom';
import { createWebStorageDocuments } from './webStorageHost';

/** The product name shown in About and used for window titles. */
export const APP_NAME = 'OnMuni Toolkit';

/**
 * The host for the browser edition: localStorage for documents, IndexedDB for content packs
 * (indexedDbPacks.ts), a directory handle for the team folder where the browser has the File
 * System Access API (browserTeamFolder.ts), the workshop room of `npm run serve -- --room`
 * (servedRoom.ts), a download link to save, the browser's print dialog to print, and `window.open` for links. It has no `openTextFile`: the
 * import panels show a standard `<input type="file">` instead (ImportFileChooser).
 */
export function createBrowserHost(win: Window = window): Host {
  return {
    kind: 'browser',
    storage: createWebStorageDocuments(win.localStorage, Date.now, {
      // Another tab of the app (a presenter view) saving changes what is left for this one.
      watchOtherTabs: (onChange) =>
        win.addEventListener('storage', (event) => {
          if (event.storageArea === win.localStorage) onChange(event.key);
        }),
      // Record stores hold each other tab off while they write, and hear what it wrote.
      otherWindows: pageOtherWindows(win),
    }),
    packs: createIndexedDbPacks(win),
    teamFolder: createBrowserTeamFolder(win),
    // Reads (and takes out of the address bar) the presenter secret of `serve -- --room` now.
    room: createServedRoom(win),
    saveFile: (options) => Promise.resolve(saveFile(win, options)),
    print(options) {
      win.print();
      // The browser cannot tell us whether the user printed or chose "Save as PDF".
      return Promise.resolve({
        status: 'saved',
        where: options.toPdf ? t('common:host.printDialogPdf') : t('common:host.printDialog'),
      });
    },
    openExternal: (url) => Promise.resolve(openExternal(win, url)),
    appInfo: () =>
      Promise.resolve({
        name: APP_NAME,
        version,
        host: 'browser',
        dataLocation: t('common:host.dataLocation', { origin: win.location.origin }),
      }),
  };
}

/** Asks before opening an allowed address in a new tab; true when it was opened. */
function openExternal(win: Window, url: string): boolean {
  const link = checkExternalUrl(url);
  if (!link.ok) return false;
  if (!win.confirm(externalLinkQuestion(link))) return false;
  // noopener: the new page gets no handle on this one (no reverse tabnabbing).
  win.open(link.href, '_blank', 'noopener,noreferrer');
  return true;
}

function saveFile(win: Window, options: SaveFileOptions): SaveFileResult {
  const blob = new Blob([blobPart(options.contents)], { type: options.mimeType });
  const href = URL.createObjectURL(blob);
  const link = win.document.createElement('a');
  link.href = href;
  link.download = options.suggestedName;
  link.hidden = true;
  win.document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link click; free the blob once the browser has it.
  win.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { status: 'saved', where: t('common:host.downloads', { name: options.suggestedName }) };
}

/** Text, or bytes a Blob takes: a view of shared memory is copied out (Blob refuses those). */
function blobPart(contents: string | Uint8Array): BlobPart {
  if (typeof contents === 'string') return contents;
  return contents.buffer instanceof ArrayBuffer
    ? (contents as Uint8Array<ArrayBuffer>)
    : contents.slice();
}
