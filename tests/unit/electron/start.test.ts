import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, summariseInstallFailure } from '../../../build/scripts/start';
import { makeTempDir } from './tempDir';

describe('findElectronBinary', () => {
  it('is undefined without path.txt, or when the binary it names is missing', async () => {
    const dir = await makeTempDir();
    expect(findElectronBinary(dir, {})).toBeUndefined();
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeUndefined();
  });

  it('finds the binary under dist/, or under ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
    const override = await makeTempDir();
    await writeFile(join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    );
  });
});

describe('summariseInstallFailure', () => {
  it.each([
    ['TypeError: fetch failed\n    at node:internal', false, 'no network access: fetch failed'],
    [
      'Error: getaddrinfo ENOTFOUND github.com',
      false,
      'no network access: getaddrinfo ENOTFOUND github.com',
    ],
    ['', true, 'the download did not finish within 60 s'],
    ['', false, 'the installer failed without a message'],
    ['Error: checksum mismatch', false, 'checksum mismatch'],
  ])('%j (timed out: %s) -> %j', (output, timedOut, expected) => {
    expect(summariseInstallFailure(output, timedOut)).toBe(expected);
  });
});
