import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_PACKS_FOLDER,
  MAX_DOCUMENT_BYTES,
  dataFolderBytes,
  documentProblem,
  openDocumentFolder,
} from '../../../electron/main/storage';
import { MAX_TEXT_LENGTH } from '../../../electron/shared/ipcContract';
import { makeTempDir } from './tempDir';

describe('DocumentFolder', () => {
  it('reports a document that was never written as missing', async () => {
    const store = await openDocumentFolder(await makeTempDir());
    expect(await store.read('settings')).toEqual({ status: 'missing' });
  });

  it('writes and reads back a document, with no temp files left', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir);
    await store.write('settings', '{"theme":"dark"}');
    expect(await store.read('settings')).toEqual({ status: 'ok', text: '{"theme":"dark"}' });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the data folder when it does not exist yet', async () => {
    const dir = join(await makeTempDir(), 'profile', 'data');
    const store = await openDocumentFolder(dir);
    await store.write('planner', '[]');
    expect(await readFile(join(dir, 'planner.json'), 'utf8')).toBe('[]');
  });

  it.each([
    ['../escape'],
    ['Settings'],
    ['a/b'],
    ['a\\b'],
    [''],
    ['-dash'],
    ['x'.repeat(42)],
    ['con.json'],
    ['con'],
    ['lpt1'],
  ])('refuses the document name %j', async (key) => {
    const store = await openDocumentFolder(await makeTempDir());
    const refusal = { refusal: { code: 'badKey', key } };
    expect(() => store.read(key)).toThrow(expect.objectContaining(refusal));
    expect(() => store.write(key, '{}')).toThrow(expect.objectContaining(refusal));
  });

  it.each([
    ['', 'empty'],
    ['{"half":', 'notJson'],
    ['null', 'notObject'],
    ['42', 'notObject'],
    ['"text"', 'notObject'],
  ])('refuses to save %j, which is not a JSON object or array (%s)', async (text, code) => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir);
    await store.write('settings', '{"ok":true}');
    await expect(store.write('settings', text)).rejects.toMatchObject({
      refusal: { code: 'notDocument', key: 'settings', problem: { code } },
    });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{"ok":true}');
  });

  it('rotates three generations of backups, newest first', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, { backupIntervalMs: 0 });
    for (let version = 1; version <= 5; version += 1) {
      await store.write('planner', JSON.stringify({ version }));
    }
    const read = (name: string) =>
      readFile(join(dir, name), 'utf8').then((t): unknown => JSON.parse(t));
    expect(await read('planner.json')).toEqual({ version: 5 });
    expect(await read('planner.json.bak1')).toEqual({ version: 4 });
    expect(await read('planner.json.bak2')).toEqual({ version: 3 });
    expect(await read('planner.json.bak3')).toEqual({ version: 2 });
    expect((await readdir(dir)).sort()).toEqual([
      'planner.json',
      'planner.json.bak1',
      'planner.json.bak2',
      'planner.json.bak3',
    ]);
  });

  it('takes a backup on the first write of a session, then at most once per interval', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'notes.json'), '{"session":0}');
    let now = 1_000_000;
    const store = await openDocumentFolder(dir, { backupIntervalMs: 60_000, now: () => now });
    await store.write('notes', '{"session":1,"edit":1}');
    await store.write('notes', '{"session":1,"edit":2}');
    expect(await readFile(join(dir, 'notes.json.bak1'), 'utf8')).toBe('{"session":0}');
    expect(await readdir(dir)).not.toContain('notes.json.bak2');
    now += 60_000;
    await store.write('notes', '{"session":1,"edit":3}');
    expect(await readFile(join(dir, 'notes.json.bak1'), 'utf8')).toBe('{"session":1,"edit":2}');
    expect(await readFile(join(dir, 'notes.json.bak2'), 'utf8')).toBe('{"session":0}');
  });

  it('never pushes a good backup out with a file that does not parse', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'notes.json.bak1'), '{"good":1}');
    await writeFile(join(dir, 'notes.json'), '{"broken":');
    const store = await openDocumentFolder(dir, { backupIntervalMs: 0 });
    await store.write('notes', '{"new":1}');
    expect(await readFile(join(dir, 'notes.json.bak1'), 'utf8')).toBe('{"good":1}');
  });

  it.each([
    ['truncated JSON', '{"theme":"da'],
    ['an empty file', ''],
    ['NUL bytes', '\u0000\u0000\u0000\u0000'],
    ['null', 'null'],
  ])(
    'moves a file holding %s aside, never overwriting it, and reports it',
    async (_label, text) => {
      const dir = await makeTempDir();
      await writeFile(join(dir, 'settings.json'), text);
      await writeFile(join(dir, 'settings.json.bak1'), '{"theme":"light"}');
      const store = await openDocumentFolder(dir, {
        now: () => Date.UTC(2026, 10, 26, 14, 5, 9, 7),
      });
      const result = await store.read('settings');
      const movedTo = join(dir, 'settings.corrupt-2026-11-26T14-05-09-007Z.json');
      expect(result).toEqual({
        status: 'recovered',
        movedTo,
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
        problem: expect.objectContaining({ code: expect.any(String) }),
        backup: join(dir, 'settings.json.bak1'),
      });
      expect(await readFile(movedTo, 'utf8')).toBe(text);
      expect(await store.read('settings')).toEqual({ status: 'missing' });
      // The next save writes a fresh file; the broken one stays where it was moved.
      await store.write('settings', '{"theme":"dark"}');
      expect(await readFile(movedTo, 'utf8')).toBe(text);
    },
  );

  it('picks a free name when a corrupt file was already moved aside at the same moment', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, { now: () => 0 });
    await writeFile(join(dir, 'settings.json'), 'first');
    const first = await store.read('settings');
    await writeFile(join(dir, 'settings.json'), 'second');
    const second = await store.read('settings');
    expect(first.status === 'recovered' && first.movedTo).toMatch(
      /corrupt-1970-01-01T00-00-00-000Z\.json$/,
    );
    expect(second.status === 'recovered' && second.movedTo).toMatch(/-1\.json$/);
    expect((await readdir(dir)).length).toBe(2);
  });

  it('accepts a byte-order mark that an editor added', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'settings.json'), '\uFEFF{"a":1}');
    const store = await openDocumentFolder(dir);
    expect(await store.read('settings')).toEqual({ status: 'ok', text: '{"a":1}' });
  });

  it('keeps the last of 50 concurrent writes, in call order', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, { backupIntervalMs: 0 });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.write('burst', JSON.stringify({ i }))),
    );
    expect(JSON.parse(await readFile(join(dir, 'burst.json'), 'utf8'))).toEqual({ i: 49 });
    expect(JSON.parse(await readFile(join(dir, 'burst.json.bak1'), 'utf8'))).toEqual({ i: 48 });
    expect(store.busy).toBe(false);
  });

  it('removes temp files left by a crash when it opens', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, '.settings.json.tmp-99-aaaaaaaaaaaa'), '{"par');
    await openDocumentFolder(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('flush() waits for writes in progress', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir);
    void store.write('late', '{"saved":true}');
    expect(store.busy).toBe(true);
    await store.flush();
    expect(await readFile(join(dir, 'late.json'), 'utf8')).toBe('{"saved":true}');
  });
});

/** What a write refused for the data folder's limit rejects with. */
const folderFull = { refusal: { code: 'folderFull' } };

describe('storage limits', () => {
  it('refuses a document over 25 MB on disk, even under the 25 Mi-character IPC cap', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir);
    await store.write('planner', '{"v":1}');
    // 13 Mi characters (half the IPC cap), but "é" is two bytes of UTF-8: 26 MB on disk.
    const accented = `["${'é'.repeat(13 * 1024 * 1024)}"]`;
    expect(accented.length).toBeLessThan(MAX_TEXT_LENGTH);
    await expect(store.write('planner', accented)).rejects.toMatchObject({
      refusal: {
        code: 'tooLarge',
        key: 'planner',
        sizeBytes: 26 * 1024 * 1024 + 4,
        limitBytes: 25 * 1024 * 1024,
      },
    });
    expect(await readFile(join(dir, 'planner.json'), 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['planner.json']);
    expect(MAX_DOCUMENT_BYTES).toBe(25 * 1024 * 1024);
  });

  it('accepts a document of exactly the limit and refuses one byte more', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, { maxDocumentBytes: 20 });
    const exact = `["${'x'.repeat(16)}"]`;
    expect(Buffer.byteLength(exact)).toBe(20);
    await store.write('notes', exact);
    await expect(store.write('notes', `["${'x'.repeat(17)}"]`)).rejects.toMatchObject({
      refusal: { code: 'tooLarge', key: 'notes', sizeBytes: 21, limitBytes: 20 },
    });
    expect(await readFile(join(dir, 'notes.json'), 'utf8')).toBe(exact);
  });

  it('refuses a write that would take the data folder past its limit, changing nothing', async () => {
    const dir = await makeTempDir();
    const store = await openDocumentFolder(dir, { maxFolderBytes: 1000, backups: 0 });
    await store.write('planner', `["${'p'.repeat(496)}"]`); // 500 bytes
    await store.write('annotations', `["${'a'.repeat(396)}"]`); // 400 bytes
    const before = await readdir(dir);
    await expect(store.write('settings', `["${'s'.repeat(196)}"]`)).rejects.toMatchObject({
      refusal: {
        code: 'folderFull',
        key: 'settings',
        sizeBytes: 1100,
        limitBytes: 1000,
        folder: dir,
      },
    });
    expect(await readdir(dir)).toEqual(before);
    // Replacing a document counts the new size instead of the old: 400 + 600 fits exactly.
    await store.write('planner', `["${'p'.repeat(596)}"]`);
    expect(await dataFolderBytes(dir)).toBe(1000);
  });

  it('counts the backup a write would rotate in, and every other file in the folder', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'stray.txt'), 'x'.repeat(500));
    const store = await openDocumentFolder(dir, { maxFolderBytes: 1000, backupIntervalMs: 0 });
    await store.write('planner', `["${'p'.repeat(296)}"]`); // 500 + 300
    // Another 300-byte version would also copy the current 300 bytes to .bak1: 1,100 in all.
    await expect(store.write('planner', `["${'q'.repeat(296)}"]`)).rejects.toMatchObject(
      folderFull,
    );
    expect(await readdir(dir)).toEqual(['planner.json', 'stray.txt']);
  });

  it('does not count content packs, and lets a folder already over the limit shrink', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, CONTENT_PACKS_FOLDER, 'pack-1'), { recursive: true });
    await writeFile(join(dir, CONTENT_PACKS_FOLDER, 'pack-1', 'documents.json'), 'x'.repeat(5000));
    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'other', 'big.bin'), 'y'.repeat(900));
    const store = await openDocumentFolder(dir, { maxFolderBytes: 1000, backups: 0 });
    expect(await dataFolderBytes(dir)).toBe(900);
    await expect(store.write('planner', `["${'p'.repeat(196)}"]`)).rejects.toMatchObject(
      folderFull,
    );
    await store.write('planner', '[1]');
    await writeFile(join(dir, 'other', 'big.bin'), 'y'.repeat(1200));
    await expect(store.write('planner', '[12]')).rejects.toMatchObject(folderFull);
    await store.write('planner', '[]'); // over the limit already, but shrinking
    expect(await readFile(join(dir, 'planner.json'), 'utf8')).toBe('[]');
  });
});

describe('documentProblem', () => {
  it.each([
    ['{}', undefined],
    ['[]', undefined],
    ['  ', { code: 'empty' }],
    ['nul', { code: 'notJson', detail: expect.stringContaining('JSON') as unknown }],
    ['true', { code: 'notObject' }],
  ])('%j -> %j', (text, expected) => {
    expect(documentProblem(text)).toEqual(expected);
  });
});
