import { version } from '../../../package.json';
import { formatByteSize } from '../../../electron/shared/byteSize';
import { checkExternalUrl } from '../../../electron/shared/externalUrlPolicy';
import { externalLinkQuestion } from './externalLinkQuestion';
import type {
  Host,
  OpenFileOptions,
  OpenFileResult,
  SaveFileOptions,
  SaveFileResult,
} from './Host';
import { createWebStorageHostStorage } from './webStorageHost';

/** The product name shown in About and used for window titles. */
export const APP_NAME = 'OnMuni Toolkit';

/**
 * The host for the browser edition: localStorage for documents, `<input type="file">` to open,
 * a download link to save, the browser's print dialog to print, and `window.open` for links.
 */
export function createBrowserHost(win: Window = window): Host {
  return {
    kind: 'browser',
    storage: createWebStorageHostStorage(win.localStorage, Date.now, {
      // Another tab of the app (a presenter view) saving changes what is left for this one.
      watchOtherTabs: (onChange) =>
        win.addEventListener('storage', (event) => {
          if (event.storageArea === win.localStorage) onChange(event.key);
        }),
    }),
    openTextFile: (options) => openTextFile(win, options),
    saveFile: (options) => Promise.resolve(saveFile(win, options)),
    print(options) {
      win.print();
      // The browser cannot tell us whether the user printed or chose "Save as PDF".
      return Promise.resolve({
        status: 'saved',
        where: options.toPdf
          ? 'your browser\'s print dialog (choose "Save as PDF" as the printer)'
          : "your browser's print dialog",
      });
    },
    async openExternal(url) {
      const link = checkExternalUrl(url);
      if (!link.ok) return false;
      if (!win.confirm(externalLinkQuestion(link))) return false;
      // noopener: the new page gets no handle on this one (no reverse tabnabbing).
      win.open(link.href, '_blank', 'noopener,noreferrer');
      return true;
    },
    appInfo: () =>
      Promise.resolve({
        name: APP_NAME,
        version,
        host: 'browser',
        dataLocation: `This browser's local storage for ${win.location.origin}`,
      }),
  };
}

function openTextFile(win: Window, options: OpenFileOptions): Promise<OpenFileResult> {
  const doc = win.document;
  const input = doc.createElement('input');
  input.type = 'file';
  input.accept = options.extensions.map((ext) => `.${ext}`).join(',');
  input.hidden = true;
  doc.body.append(input);

  return new Promise<OpenFileResult>((resolve) => {
    const finish = (result: OpenFileResult) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => finish({ status: 'cancelled' }), { once: true });
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        if (!file) return finish({ status: 'cancelled' });
        void readChosenFile(file, options).then(finish);
      },
      { once: true },
    );
    input.click();
  });
}

/** Checks the file's type and size before reading a byte of it. */
async function readChosenFile(file: File, options: OpenFileOptions): Promise<OpenFileResult> {
  const dot = file.name.lastIndexOf('.');
  const extension = dot > 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  const allowed = options.extensions.map((ext) => ext.toLowerCase());
  if (allowed.length > 0 && !allowed.includes(extension)) {
    const wanted = options.extensions.map((ext) => `.${ext}`).join(' or ');
    return { status: 'error', message: `"${file.name}" is not a ${wanted} file.` };
  }
  if (file.size > options.maxBytes) {
    return {
      status: 'error',
      message: `"${file.name}" is ${formatByteSize(file.size, 'measured')}; the largest file accepted is ${formatByteSize(options.maxBytes, 'limit')}.`,
    };
  }
  try {
    return { status: 'ok', name: file.name, text: await file.text() };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: `"${file.name}" could not be read: ${why}` };
  }
}

function saveFile(win: Window, options: SaveFileOptions): SaveFileResult {
  const blob = new Blob([options.contents], { type: options.mimeType });
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
  return { status: 'saved', where: `your downloads, as ${options.suggestedName}` };
}
