/**
 * The app's log: one file, `main.log`, in the platform's log folder (electron-log rotates it to
 * `main.old.log` at 1 MB), plus the terminal in development. Only the main process logs: there is
 * no renderer or remote transport, and electron-log's `initialize()` (which would inject a preload
 * into every session) is never called.
 *
 * A log may be attached to a support request, so it must never hold what users wrote. Messages
 * are fixed text written by us; errors are reduced to name, message, code and stack frames, and
 * the snippet of input that JSON.parse quotes in its messages is cut out.
 */
import { join } from 'node:path';
import { ipcMain } from 'electron';
import log from 'electron-log/main';

/** What the rest of the main process logs through. */
export interface AppLog {
  error(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  info(message: string): void;
}

/** The channel electron-log/main starts listening on, for renderers, as soon as it is imported. */
const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

/** Long texts are cut: a message is for finding a fault, not for carrying data. */
const MAX_TEXT = 1000;

/**
 * Removes the input V8 quotes in JSON.parse errors (`Unexpected token 'x', "{"minutes": ..." is
 * not valid JSON`), which would otherwise copy part of a stored document into the log. Greedy
 * on purpose: it cuts too much rather than too little.
 */
export function redactContents(text: string): string {
  return text
    .replace(
      /Unexpected token '[\s\S]*?', (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON/g,
      'Unexpected token in JSON',
    )
    .replace(/"[\s\S]*" is not valid JSON/g, 'the text is not valid JSON');
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * One error as log text. Objects that are not Errors are never serialised: a thrown or rejected
 * value could be a whole document.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) {
    return typeof error === 'object' && error !== null
      ? `(a thrown ${Object.prototype.toString.call(error)})`
      : cut(redactContents(String(error)));
  }
  // Node's codes are strings (ENOENT) or numbers; an object in their place is not written out.
  const code =
    'code' in error && (typeof error.code === 'string' || typeof error.code === 'number')
      ? ` [${error.code}]`
      : '';
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const cause =
    error.cause !== undefined && depth < 2
      ? `\nCaused by: ${describeError(error.cause, depth + 1)}`
      : '';
  return (
    [`${error.name}${code}: ${cut(redactContents(error.message))}`, ...frames].join('\n') + cause
  );
}

function write(level: 'error' | 'warn' | 'info', message: string, error?: unknown): void {
  const text = redactContents(message);
  log[level](error === undefined ? text : `${text}\n${describeError(error)}`);
}

export const appLog: AppLog = {
  error: (message, error) => write('error', message, error),
  warn: (message, error) => write('warn', message, error),
  info: (message) => write('info', message),
};

/**
 * Sets the transports up. Call it once, early, but after any `app.setPath('userData')` or
 * `app.setAppLogsPath()` for a portable copy: the folder is looked up when the first line is written.
 */
export function configureLogging({ isDev }: { isDev: boolean }): void {
  // electron-log/main lets any renderer write to the log over IPC, whatever the sender; ours never
  // logs, so close that channel rather than leave an unchecked one beside the app's own.
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);

  const { transports } = log;
  transports.file.level = 'info';
  // electron-log's own default ignores app.setAppLogsPath() on macOS; app.getPath('logs') does not.
  transports.file.resolvePathFn = (variables) =>
    join(variables.electronDefaultDir ?? variables.libraryDefaultDir, transports.file.fileName);
  transports.console.level = isDev ? 'info' : false;
  for (const name of ['ipc', 'remote']) {
    const transport = transports[name];
    if (transport) transport.level = false;
  }
  // Uncaught errors and unhandled rejections in main reach the log too, written like every other
  // error (never a thrown object's contents), and without electron-log's own dialog: a failed
  // start has ours, and anything later is not worth interrupting the user for.
  log.errorHandler.startCatching({
    showDialog: false,
    onError: ({ error, errorName }) => {
      write('error', `${errorName} error in the main process.`, error);
      return false;
    },
  });
}

/** The log file's path, for messages that tell the user where to find it; undefined if unknown. */
export function logFilePath(): string | undefined {
  try {
    return log.transports.file.getFile().path;
  } catch {
    return undefined;
  }
}
