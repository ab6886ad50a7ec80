import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TEMP_FILE_PATTERN,
  removeStrayTempFiles,
  renameWithRetry,
  writeFileAtomic,
} from '../../../electron/main/atomicFile';
import { makeTempDir } from './tempDir';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await makeTempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, '{"v":1}');
    await writeFileAtomic(target, '{"v":2}');
    expect(await readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('retries a rename that Windows reports as locked (EPERM, EBUSY, EACCES)', async () => {
    const dir = await makeTempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, '{"v":1}');
    const failures = ['EPERM', 'EBUSY', 'EACCES'];
    let calls = 0;
    await writeFileAtomic(target, '{"v":2}', {
      retryDelaysMs: [1, 1, 1, 1],
      fs: {
        rename: async (from, to) => {
          calls += 1;
          const code = failures.shift();
          if (code) throw fsError(code);
          const { rename } = await import('node:fs/promises');
          await rename(from, to);
        },
      },
    });
    expect(calls).toBe(4);
    expect(await readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('gives up after the last retry, keeps the old file and removes the temp file', async () => {
    const dir = await makeTempDir();
    const target = join(dir, 'doc.json');
    await writeFile(target, '{"v":1}');
    let calls = 0;
    const write = writeFileAtomic(target, '{"v":2}', {
      retryDelaysMs: [1, 1],
      fs: {
        rename: () => {
          calls += 1;
          return Promise.reject(fsError('EBUSY'));
        },
      },
    });
    await expect(write).rejects.toThrow('EBUSY');
    expect(calls).toBe(3);
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('does not retry errors that are not transient', async () => {
    let calls = 0;
    const rename = renameWithRetry('a', 'b', {
      retryDelaysMs: [1, 1, 1],
      fs: {
        rename: () => {
          calls += 1;
          return Promise.reject(fsError('ENOSPC'));
        },
      },
    });
    await expect(rename).rejects.toThrow('ENOSPC');
    expect(calls).toBe(1);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const dir = await makeTempDir();
    await expect(writeFileAtomic(join(dir, 'missing', 'doc.json'), '{}')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('removeStrayTempFiles', () => {
  it('removes only temp files left by a killed writer', async () => {
    const dir = await makeTempDir();
    const stray = `.doc.json.tmp-1234-0123456789ab`;
    await writeFile(join(dir, stray), '{"half":');
    await writeFile(join(dir, 'doc.json'), '{}');
    await writeFile(join(dir, '.hidden-note'), 'keep');
    expect(TEMP_FILE_PATTERN.test(stray)).toBe(true);
    expect(await removeStrayTempFiles(dir)).toEqual([stray]);
    expect((await readdir(dir)).sort()).toEqual(['.hidden-note', 'doc.json']);
  });
});
