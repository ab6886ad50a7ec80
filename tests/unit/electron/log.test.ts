import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real electron-log/main requires the real 'electron' package, which outside Electron tries to
// download a binary: both are replaced here.
const fakes = vi.hoisted(() => {
  const transport = (level: string | false) => ({ level });
  const logger = {
    error: vi.fn(),
    warn: vi.fn(),
    info: vi.fn(),
    initialize: vi.fn(),
    errorHandler: { startCatching: vi.fn() },
    transports: {
      file: {
        ...transport('silly'),
        fileName: 'main.log',
        resolvePathFn: (_variables: Record<string, string>): string => '',
        getFile: vi.fn(() => ({ path: '/logs/main.log' })),
      },
      console: transport('silly'),
      ipc: transport('silly'),
      remote: transport(false),
    } as Record<string, { level: string | false }> & {
      file: {
        level: string | false;
        fileName: string;
        resolvePathFn: (variables: Record<string, string>) => string;
        getFile: () => { path: string };
      };
    },
  };
  return {
    logger,
    ipcMain: { removeAllListeners: vi.fn(), removeHandler: vi.fn() },
  };
});
vi.mock('electron-log/main', () => ({ default: fakes.logger }));
vi.mock('electron', () => ({ ipcMain: fakes.ipcMain }));

import {
  appLog,
  configureLogging,
  describeError,
  logFilePath,
  redactContents,
} from '../../../electron/main/log';

beforeEach(() => {
  vi.clearAllMocks();
});

/** A stored document, as a clerk might have written it. */
const SECRET = 'In camera: the sale of 12 Main Street to the Smith family';

function parseError(text: string): Error {
  try {
    JSON.parse(text);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the text parsed');
}

describe('configureLogging', () => {
  it.each([
    [false, false],
    [true, 'info'],
  ])('isDev %s: file at info, console %s, no ipc or remote', (isDev, consoleLevel) => {
    configureLogging({ isDev });
    const { transports } = fakes.logger;
    expect(transports.file.level).toBe('info');
    expect(transports.console?.level).toBe(consoleLevel);
    expect(transports.ipc?.level).toBe(false);
    expect(transports.remote?.level).toBe(false);
    expect(fakes.logger.initialize).not.toHaveBeenCalled();
  });

  it("closes electron-log's renderer channel", () => {
    configureLogging({ isDev: false });
    expect(fakes.ipcMain.removeAllListeners).toHaveBeenCalledWith('__ELECTRON_LOG__');
    expect(fakes.ipcMain.removeHandler).toHaveBeenCalledWith('__ELECTRON_LOG__');
  });

  it('names the channel electron-log really opens (checked against its source)', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const dir = join(import.meta.dirname, '../../../node_modules/electron-log/src/main');
    const sources = await Promise.all(
      (await readdir(dir, { recursive: true }))
        .filter((name) => name.endsWith('.js'))
        .map((name) => readFile(join(dir, name), 'utf8')),
    );
    expect(sources.some((source) => source.includes("'__ELECTRON_LOG__'"))).toBe(true);
  });

  it('logs uncaught errors through the same filter, with no dialog of its own', () => {
    configureLogging({ isDev: false });
    const options = fakes.logger.errorHandler.startCatching.mock.calls[0]?.[0] as {
      showDialog: boolean;
      onError: (input: { error: Error; errorName: string }) => unknown;
    };
    expect(options.showDialog).toBe(false);
    const handled = options.onError({
      error: parseError(`{"minutes": ${SECRET}}`),
      errorName: 'Unhandled',
    });
    expect(handled).toBe(false);
    const written = String(fakes.logger.error.mock.calls[0]?.[0]);
    expect(written).toContain('Unhandled error in the main process.');
    expect(written).not.toContain('Smith');
  });

  it("writes to Electron's logs folder (app.getPath('logs')), so setAppLogsPath is honoured", () => {
    configureLogging({ isDev: false });
    const path = fakes.logger.transports.file.resolvePathFn({
      electronDefaultDir: '/portable/logs',
      libraryDefaultDir: '/Users/clerk/Library/Logs/OnMuni Toolkit',
    });
    expect(path).toBe(join('/portable/logs', 'main.log'));
  });
});

describe('logFilePath', () => {
  it("is the file transport's path, or undefined when it cannot be found", () => {
    expect(logFilePath()).toBe('/logs/main.log');
    fakes.logger.transports.file.getFile = () => {
      throw new Error('no app name');
    };
    expect(logFilePath()).toBeUndefined();
  });
});

describe('no document contents in the log', () => {
  it.each([
    JSON.stringify({ minutes: SECRET }).slice(0, -2),
    `{"minutes": ${SECRET}}`,
    `${SECRET}`,
    'Smith',
    `{"a": 1, "b": "${SECRET}" x}`,
    `{"notes": "${SECRET}"}\n{"more": "${SECRET}"}`,
  ])('JSON.parse errors lose the quoted input: %s', (text) => {
    const error = parseError(text);
    const line = describeError(error);
    expect(line).toMatch(/^SyntaxError: /);
    expect(line).not.toMatch(/Smith|Main Street|camera/);
  });

  it('also cuts the short form V8 uses for whole inputs such as "undefined"', () => {
    const error = parseError('undefined');
    expect(error.message).toBe('"undefined" is not valid JSON');
    expect(describeError(error)).toMatch(/^SyntaxError: the text is not valid JSON\n/);
  });

  it('keeps messages that carry no input', () => {
    const error = parseError('{"a": 1,');
    expect(describeError(error)).toContain(error.message);
    expect(redactContents('Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
  });

  it('catches the snippet inside our own wrapping messages too', () => {
    const inner = parseError(`{"minutes": ${SECRET}}`);
    const wrapped = `the file is not valid JSON (${inner.message})`;
    expect(redactContents(wrapped)).not.toContain('Smith');
    expect(redactContents(wrapped)).toMatch(/^the file is not valid JSON \(/);
  });

  it('never serialises a thrown object', () => {
    expect(describeError({ minutes: SECRET })).toBe('(a thrown [object Object])');
    expect(describeError([SECRET])).toBe('(a thrown [object Array])');
  });

  it('keeps name, code, stack frames and cause', () => {
    const cause = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = new Error('Could not open the data folder', { cause });
    const text = describeError(error);
    expect(text).toMatch(/^Error: Could not open the data folder\n\s+at /);
    expect(text).toContain('Caused by: Error [EACCES]: EACCES: permission denied');
  });

  it('appLog passes one redacted string to electron-log', () => {
    appLog.error('Could not read "settings".', parseError(`{"x": ${SECRET}}`));
    appLog.warn('The page is not responding.');
    appLog.info('Reloading the page.');
    const [[errorLine]] = fakes.logger.error.mock.calls as [[string]];
    expect(errorLine).toMatch(/^Could not read "settings"\.\nSyntaxError: /);
    expect(errorLine).not.toContain('Smith');
    expect(fakes.logger.warn).toHaveBeenCalledWith('The page is not responding.');
    expect(fakes.logger.info).toHaveBeenCalledWith('Reloading the page.');
  });
});
