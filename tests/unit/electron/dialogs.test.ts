import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/home/clerk/Documents') },
  // Called as (options) or (parentWindow, options): the options are always the last argument.
  dialog: {
    showOpenDialog:
      vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(),
    showSaveDialog:
      vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>>(),
  },
}));
vi.mock('electron', () => electron);

import { openTextFile, readTextFileCapped, saveFile } from '../../../electron/main/dialogs';
import { printPage, printToPdf } from '../../../electron/main/print';
import { ipcContract } from '../../../electron/shared/ipcContract';
import { makeTempDir } from './tempDir';

beforeEach(() => {
  vi.clearAllMocks();
});

/** The options of the first save dialog the code under test showed. */
function saveDialogOptions(): SaveDialogOptions | undefined {
  return electron.dialog.showSaveDialog.mock.calls[0]?.at(-1) as SaveDialogOptions | undefined;
}

describe('readTextFileCapped', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const path = join(await makeTempDir(), 'plan.json');
    await writeFile(path, '\uFEFF{"title":"Plan d’action"}');
    expect(await readTextFileCapped(path, 1000)).toEqual({
      status: 'ok',
      name: 'plan.json',
      text: '{"title":"Plan d’action"}',
    });
  });

  it('refuses a file over the limit without reading it', async () => {
    const path = join(await makeTempDir(), 'big.json');
    await writeFile(path, 'x'.repeat(2048));
    const result = await readTextFileCapped(path, 1024);
    expect(result).toEqual({
      status: 'error',
      name: 'big.json',
      message: '"big.json" is 2.0 KB; files up to 1 KB can be opened.',
    });
  });

  it('accepts a file exactly at the limit', async () => {
    const path = join(await makeTempDir(), 'edge.txt');
    await writeFile(path, 'y'.repeat(1024));
    expect(await readTextFileCapped(path, 1024)).toMatchObject({ status: 'ok' });
  });

  it('refuses bytes that are not UTF-8, a folder and a missing file', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    expect(await readTextFileCapped(join(dir, 'binary.json'), 100)).toMatchObject({
      status: 'error',
      name: 'binary.json',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
      message: expect.stringContaining('not a UTF-8 text file'),
    });
    expect(await readTextFileCapped(dir, 100)).toMatchObject({ status: 'error' });
    expect(await readTextFileCapped(join(dir, 'gone.json'), 100)).toMatchObject({
      status: 'error',
      name: 'gone.json',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
      message: expect.stringContaining('ENOENT'),
    });
  });
});

describe('openTextFile', () => {
  it('returns cancelled when the user closes the dialog', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const input = { title: 'Import a plan', extensions: ['json'], maxBytes: 100 };
    expect(await openTextFile(null, input)).toEqual({ status: 'cancelled' });
    expect(electron.dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({
      title: 'Import a plan',
      properties: ['openFile'],
      filters: [{ extensions: ['json'] }],
    });
  });

  it('reads the file the user chose', async () => {
    const path = join(await makeTempDir(), 'a.md');
    await writeFile(path, '# Hello');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const input = { title: 'Open', extensions: ['md'], maxBytes: 100 };
    expect(await openTextFile(null, input)).toEqual({
      status: 'ok',
      name: 'a.md',
      text: '# Hello',
    });
  });
});

describe('saveFile', () => {
  it('suggests the name in Documents and writes where the user chose, atomically', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'plan.csv');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const result = await saveFile(null, {
      suggestedName: 'plan.csv',
      extensions: ['csv'],
      contents: 'a,b\n1,2\n',
    });
    expect(result).toEqual({ status: 'saved', where: path });
    expect(saveDialogOptions()?.defaultPath).toBe(join('/home/clerk/Documents', 'plan.csv'));
    expect(await readFile(path, 'utf8')).toBe('a,b\n1,2\n');
    expect(await readdir(dir)).toEqual(['plan.csv']);
  });

  it('writes bytes as they are (a content pack)', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'north.onmunipack');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0a, 0x0d]);
    const input = ipcContract['file:save'].input.parse({
      suggestedName: 'north.onmunipack',
      extensions: ['onmunipack'],
      contents: bytes,
    });
    expect(await saveFile(null, input)).toEqual({ status: 'saved', where: path });
    expect([...(await readFile(path))]).toEqual([...bytes]);
  });

  it('reports a folder that cannot be written as an error, not a crash', async () => {
    const dir = await makeTempDir();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'missing', 'plan.csv'),
    });
    const result = await saveFile(null, {
      suggestedName: 'plan.csv',
      extensions: ['csv'],
      contents: '',
    });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('ENOENT') });
  });

  it('returns cancelled when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const result = await saveFile(null, {
      suggestedName: 'x.csv',
      extensions: ['csv'],
      contents: '',
    });
    expect(result).toEqual({ status: 'cancelled' });
  });
});

describe('saveFile writes only the file types the app writes', () => {
  it.each([
    ['plan', 'plan.csv'],
    ['plan.exe', 'plan.exe.csv'],
    ['plan.csv.lnk', 'plan.csv.lnk.csv'],
    ['PLAN.CSV', 'PLAN.CSV'],
  ])('a name typed as %j is saved as %j', async (typed, saved) => {
    const dir = await makeTempDir();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, typed),
    });
    const result = await saveFile(null, {
      suggestedName: 'plan.csv',
      extensions: ['csv'],
      contents: 'a,b\r\n',
    });
    expect(result).toEqual({ status: 'saved', where: join(dir, saved) });
    expect(await readdir(dir)).toEqual([saved]);
  });

  it('keeps a name that ends with any of the allowed extensions', async () => {
    const dir = await makeTempDir();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'notes.json'),
    });
    const result = await saveFile(null, {
      suggestedName: 'notes.jsonld',
      extensions: ['jsonld', 'json'],
      contents: '{}',
    });
    expect(result).toEqual({ status: 'saved', where: join(dir, 'notes.json') });
  });

  it('never replaces a file the dialog did not ask about', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'budget.csv'), 'keep me');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'budget'),
    });
    const result = await saveFile(null, {
      suggestedName: 'plan.csv',
      extensions: ['csv'],
      contents: 'new',
    });
    expect(result).toMatchObject({
      status: 'error',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
      message: expect.stringContaining('"budget.csv" already exists and was not replaced'),
    });
    expect(await readFile(join(dir, 'budget.csv'), 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['budget.csv']);
  });

  it('refuses another file type without opening a dialog', async () => {
    const result = await saveFile(null, {
      suggestedName: 'run.bat',
      extensions: ['bat'],
      contents: 'calc',
    });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('.bat') });
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    [{ suggestedName: 'plan.csv', extensions: ['csv'] }, true],
    [{ suggestedName: 'due.ics', extensions: ['ics'] }, true],
    [{ suggestedName: 'notes.md', extensions: ['md'] }, true],
    [{ suggestedName: 'report.pdf', extensions: ['pdf'] }, true],
    [{ suggestedName: 'backup.JSON', extensions: ['json'] }, true],
    [{ suggestedName: 'notes.jsonld', extensions: ['jsonld', 'json'] }, true],
    [{ suggestedName: 'run.exe', extensions: ['exe'] }, false],
    [{ suggestedName: 'page.html', extensions: ['html'] }, false],
    [{ suggestedName: 'plan.csv', extensions: ['csv', 'bat'] }, false],
    [{ suggestedName: 'run.bat', extensions: ['csv'] }, false],
    [{ suggestedName: 'plan', extensions: ['csv'] }, false],
    [{ suggestedName: 'plancsv', extensions: ['csv'] }, false],
    [{ suggestedName: 'plan.csv', extensions: [] }, false],
  ])('the file:save contract accepts %j: %s', (input, ok) => {
    const result = ipcContract['file:save'].input.safeParse({ ...input, contents: '' });
    expect(result.success).toBe(ok);
  });
});

describe('print', () => {
  function fakeWindow() {
    return {
      webContents: {
        printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7 fake'))),
        print: vi.fn((_options: unknown, callback: (ok: boolean, reason: string) => void) =>
          callback(false, 'cancelled'),
        ),
      },
    };
  }

  it('saves the PDF to the chosen path, adding .pdf to the suggestion', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'plan.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    const window = fakeWindow();
    expect(await printToPdf(window as never, { suggestedName: 'plan' })).toEqual({
      status: 'saved',
      where: path,
    });
    expect(saveDialogOptions()?.defaultPath).toMatch(/plan\.pdf$/);
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('says why, rather than cancelling quietly, when the typed name’s .pdf already exists', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'minutes.pdf'), 'keep me');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'minutes'),
    });
    const window = fakeWindow();
    expect(await printToPdf(window as never, { suggestedName: 'plan' })).toMatchObject({
      status: 'error',
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
      message: expect.stringContaining('"minutes.pdf" already exists and was not replaced'),
    });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(await readFile(join(dir, 'minutes.pdf'), 'utf8')).toBe('keep me');
  });

  it('does not render a PDF when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const window = fakeWindow();
    expect(await printToPdf(window as never, { suggestedName: 'plan.pdf' })).toEqual({
      status: 'cancelled',
    });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('reports a cancelled print job', async () => {
    expect(await printPage(fakeWindow() as never)).toEqual({
      status: 'cancelled',
      reason: 'cancelled',
    });
  });
});
