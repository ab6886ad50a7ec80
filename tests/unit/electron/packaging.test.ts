import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));

async function loadConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('electron-builder.yml', () => {
  // Loading electron-builder takes a few seconds on a busy machine.
  it("passes electron-builder's own schema validation", { timeout: 30_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(
      validateConfiguration(await loadConfig(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('flips the fuses that let the app binary run arbitrary code', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs everything into the asar, publishes nothing and targets every platform', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'ca.onmuni.toolkit',
      productName: 'OnMuni Toolkit',
      asar: true,
    });
    expect(config.publish).toBeNull();
    expect(config).not.toHaveProperty('asarUnpack');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config).toMatchObject({
      win: { target: ['nsis', 'portable'] },
      mac: { target: ['dmg'] },
      linux: { target: ['AppImage', 'deb'] },
    });
  });

  it('points at icons that exist and have the sizes the platforms need', async () => {
    for (const [file, size] of [
      ['build/icons/icon.png', 512],
      ['build/icons/512x512.png', 512],
      ['build/icons/256x256.png', 256],
    ] as const) {
      const png = await readFile(join(ROOT, file));
      expect(png.subarray(1, 4).toString('ascii'), file).toBe('PNG');
      expect(png.readUInt32BE(16), file).toBe(size);
      expect(png.readUInt32BE(20), file).toBe(size);
    }
    const ico = await readFile(join(ROOT, 'build/icons/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
  });
});
