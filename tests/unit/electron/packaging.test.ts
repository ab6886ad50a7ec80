import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../electron/main/appId';
import { describeSigning, effectiveConfig, macSigning } from '../../../build/scripts/dist';

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

  it('uses the app id the main process gives Windows (setAppUserModelId)', async () => {
    expect((await loadConfig()).appId).toBe(APP_ID);
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
      win: { target: ['nsis', 'portable'], icon: 'build/icons/icon.ico' },
      // Both Mac architectures; the .deb is the main Linux download, listed first.
      mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], icon: 'build/icons/icon.icns' },
      linux: { target: ['deb', 'AppImage'], icon: 'build/icons', syncDesktopName: true },
    });
  });

  it('offers a per-machine install to administrators and keeps user data on uninstall', async () => {
    expect((await loadConfig()).nsis).toMatchObject({
      oneClick: false,
      perMachine: false, // the assisted installer asks; `/S /allusers` installs for everyone
      allowElevation: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('names the entitlements file a hardened-runtime build needs, and it exists', async () => {
    const { mac } = (await loadConfig()) as { mac: Record<string, string> };
    const plist = await readFile(join(ROOT, mac.entitlements ?? ''), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('disable-library-validation');
  });
});

describe('package.json for the installers', () => {
  it('has what the .deb and the desktop integration need', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository).toMatchObject({ type: 'git' });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.any(String) });
    expect(pkg.desktopName).toBe('onmuni-toolkit.desktop');
  });
});

describe('build/scripts/dist.ts signing', () => {
  const base = { mac: { hardenedRuntime: true, notarize: false, category: 'x' } };

  it.each([
    [{}, 'ad-hoc'],
    [{ CSC_LINK: '  ' }, 'ad-hoc'],
    [{ CSC_LINK: 'cert.p12' }, 'developer-id'],
    [{ CSC_NAME: 'Developer ID Application: Town (ABC)' }, 'developer-id'],
    [
      { CSC_LINK: 'c', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' },
      'developer-id-notarized',
    ],
    [{ CSC_LINK: 'c', APPLE_ID: 'a', APPLE_TEAM_ID: 't' }, 'developer-id'], // incomplete
    [
      { CSC_LINK: 'c', APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' },
      'developer-id-notarized',
    ],
  ] as const)('%j -> %s', (env, expected) => {
    expect(macSigning(env)).toBe(expected);
  });

  it('signs ad hoc, without the hardened runtime, when no Developer ID is configured', () => {
    expect(effectiveConfig(base, {}).mac).toEqual({
      identity: '-',
      hardenedRuntime: false,
      notarize: false,
      category: 'x',
    });
    expect(describeSigning({})).toBe(
      'Signing: macOS: ad hoc (no Developer ID set); Windows: unsigned (SmartScreen will warn).',
    );
  });

  it('keeps the hardened runtime and notarizes with a Developer ID and Apple credentials', () => {
    const env = {
      CSC_LINK: 'c',
      APPLE_ID: 'a',
      APPLE_APP_SPECIFIC_PASSWORD: 'p',
      APPLE_TEAM_ID: 't',
    };
    const mac = effectiveConfig(base, env).mac as Record<string, unknown>;
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(mac).not.toHaveProperty('identity');
  });

  it.each([{}, { CSC_LINK: 'c' }])(
    'gives electron-builder a configuration its schema accepts (%j)',
    { timeout: 30_000 },
    async (env) => {
      const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
        validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
      };
      const { DebugLogger } = require('builder-util') as {
        DebugLogger: new (on: boolean) => unknown;
      };
      const config = effectiveConfig(await loadConfig(), env);
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    },
  );
});
