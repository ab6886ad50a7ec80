/**
 * Open and save dialogs. The renderer never names a path: the user picks it here, in main, and
 * the renderer only receives the text (open) or a confirmation (save).
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { IpcInput, OpenTextFileResult, SaveResult } from '../shared/ipcContract';
import { MAX_OPEN_FILE_BYTES, SAVE_EXTENSIONS, hasOneOfExtensions } from '../shared/ipcContract';
import { formatByteSize } from '../shared/byteSize';
import { writeFileAtomic } from './atomicFile';
import { t } from './i18n/i18n';

/**
 * Reads a UTF-8 text file of at most `maxBytes`. The size is checked before reading, and the read
 * itself stops one byte past the limit, so a file that grows in between cannot get through.
 */
export async function readTextFileCapped(
  path: string,
  maxBytes: number,
): Promise<OpenTextFileResult> {
  const name = basename(path);
  const limit = Math.min(maxBytes, MAX_OPEN_FILE_BYTES);
  let handle: FileHandle | undefined;
  try {
    handle = await fsp.open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return { status: 'error', name, message: t('files.notAFile', { name }) };
    if (stats.size > limit) {
      return {
        status: 'error',
        name,
        message: t('files.tooLarge', {
          name,
          size: formatByteSize(stats.size, 'measured'),
          limit: formatByteSize(limit, 'limit'),
        }),
      };
    }
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) {
        return {
          status: 'error',
          name,
          message: t('files.largerThan', { name, limit: formatByteSize(limit, 'limit') }),
        };
      }
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      return { status: 'error', name, message: t('files.notUtf8', { name }) };
    }
    return { status: 'ok', name, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    return { status: 'error', name, message: t('files.unreadable', { name, code: codeOf(error) }) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Asks the user for a text file and reads it (size-capped). */
export async function openTextFile(
  parent: BrowserWindow | null,
  options: IpcInput<'file:open'>,
): Promise<OpenTextFileResult> {
  const dialogOptions = {
    title: options.title,
    properties: ['openFile' as const],
    filters: [
      { name: options.extensions.map((e) => `.${e}`).join(', '), extensions: options.extensions },
    ],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, dialogOptions)
    : await dialog.showOpenDialog(dialogOptions);
  const path = result.filePaths[0];
  if (result.canceled || path === undefined) return { status: 'cancelled' };
  return readTextFileCapped(path, options.maxBytes);
}

/**
 * Asks the user for a folder (the team folder), which may be created in the dialog. Returns its
 * absolute path, or undefined when the user cancelled.
 */
export async function chooseFolder(
  parent: BrowserWindow | null,
  title: string,
  buttonLabel: string,
): Promise<string | undefined> {
  const dialogOptions = {
    title,
    buttonLabel,
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const result = parent
    ? await dialog.showOpenDialog(parent, dialogOptions)
    : await dialog.showOpenDialog(dialogOptions);
  const path = result.filePaths[0];
  return result.canceled || path === undefined ? undefined : path;
}

/** Where the user chose to save, or why the choice cannot be used. */
export type SavePathChoice =
  | { status: 'chosen'; path: string }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

/**
 * Asks the user where to save, suggesting a name in their Documents folder. The file name always
 * ends with one of `extensions`: a name typed without one (or with another, like `plan.exe`) gets
 * the first added. Since the dialog asked about replacing the name as typed, not the longer one, a
 * file already at the longer name is never replaced: the user is told to choose again.
 */
export async function choosePathToSave(
  parent: BrowserWindow | null,
  suggestedName: string,
  extensions: readonly string[],
): Promise<SavePathChoice> {
  const [first] = extensions;
  if (first === undefined) return { status: 'error', message: t('files.noFileType') };
  const dialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: extensions.map((e) => `.${e}`).join(', '), extensions: [...extensions] }],
  };
  const result = parent
    ? await dialog.showSaveDialog(parent, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (result.canceled || !result.filePath) return { status: 'cancelled' };
  if (hasOneOfExtensions(basename(result.filePath), extensions)) {
    return { status: 'chosen', path: result.filePath };
  }
  const path = `${result.filePath}.${first}`;
  if (await pathExists(path)) {
    return {
      status: 'error',
      message: t('files.exists', { name: basename(path), extension: first }),
    };
  }
  return { status: 'chosen', path };
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await fsp.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes `data` to a path the user chose, atomically; reports failure as a message, not a throw. */
export async function saveToChosenPath(
  path: string,
  data: string | Uint8Array,
): Promise<SaveResult> {
  try {
    await writeFileAtomic(path, data);
    return { status: 'saved', where: path };
  } catch (error) {
    return {
      status: 'error',
      message: t('files.notSaved', { name: basename(path), code: codeOf(error) }),
    };
  }
}

/** The system's code for a failed file operation (e.g. EACCES), which says what went wrong. */
function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : t('files.unknownError');
}

/**
 * The `file:save` flow: choose a path, then write the renderer's text there. Only the file types
 * the app writes are accepted (the IPC contract checks this too; this holds for any other caller).
 */
export async function saveFile(
  parent: BrowserWindow | null,
  options: IpcInput<'file:save'>,
): Promise<SaveResult> {
  const unknown = options.extensions.find(
    (extension) => !SAVE_EXTENSIONS.some((allowed) => allowed === extension),
  );
  if (unknown !== undefined) {
    return {
      status: 'error',
      message: t('files.typeNotSaved', {
        extension: unknown,
        allowed: SAVE_EXTENSIONS.map((e) => `.${e}`).join(', '),
      }),
    };
  }
  const choice = await choosePathToSave(parent, options.suggestedName, options.extensions);
  if (choice.status !== 'chosen') return choice;
  return saveToChosenPath(choice.path, options.contents);
}
