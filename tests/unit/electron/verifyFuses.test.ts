import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  FUSE_KEYS,
  compareFuses,
  formatFuseTable,
  toFuseWire,
  verifyFuses,
  type FuseKey,
} from '../../../build/scripts/verifyFuses';
import { makeTempDir } from './tempDir';

const ROOT = join(import.meta.dirname, '../../..');
const CONFIG = join(ROOT, 'electron-builder.yml');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * The fuse wire layout, written out from @electron/fuses' source (dist/index.js, constants.js)
 * rather than imported, so that a change in the library's format breaks this test: the sentinel,
 * then the wire version (the byte 1), the number of fuses, and one ASCII byte per fuse:
 * '0' off, '1' on, 'r' removed.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for an Electron binary: noise, the fuse wire, more noise. */
function fakeBinary(fuses: string, version = 1): Buffer {
  return Buffer.concat([
    Buffer.from('\u007fELF fake electron binary, not a real one\0'.repeat(20), 'latin1'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([version, fuses.length]),
    Buffer.from(fuses, 'latin1'),
    Buffer.from('\0more bytes after the wire\0'.repeat(20), 'latin1'),
  ]);
}

async function configuredFuses(): Promise<Record<string, unknown>> {
  const config = parse(await readFile(CONFIG, 'utf8')) as {
    electronFuses: Record<string, unknown>;
  };
  return config.electronFuses;
}

/** The wire a correctly packaged app carries: each configured fuse as electron-builder.yml says. */
async function wireMatchingConfig(length = 8): Promise<string> {
  const fuses = await configuredFuses();
  const bytes = Array.from({ length }, () => '1');
  for (const [key, value] of Object.entries(fuses)) {
    if (key in FUSE_KEYS) bytes[FUSE_KEYS[key as FuseKey]] = value === true ? '1' : '0';
  }
  return bytes.join('');
}

/** Flips one fuse of a wire. */
function flip(wire: string, key: FuseKey): string {
  const index = FUSE_KEYS[key];
  return `${wire.slice(0, index)}${wire[index] === '1' ? '0' : '1'}${wire.slice(index + 1)}`;
}

async function writeBinary(fuses: string): Promise<string> {
  const file = join(await makeTempDir('onmuni-fuses-'), 'onmuni-toolkit');
  await writeFile(file, fakeBinary(fuses));
  return file;
}

describe('verifyFuses', () => {
  it('maps every fuse key of electron-builder.yml to the index @electron/fuses uses', async () => {
    const fuses = await configuredFuses();
    for (const key of Object.keys(fuses)) expect(Object.keys(FUSE_KEYS)).toContain(key);
    // The order of the wire, as the library's FuseV1Options enum and Electron define it.
    expect(Object.entries(FUSE_KEYS).sort((a, b) => a[1] - b[1])).toEqual([
      ['runAsNode', 0],
      ['enableCookieEncryption', 1],
      ['enableNodeOptionsEnvironmentVariable', 2],
      ['enableNodeCliInspectArguments', 3],
      ['enableEmbeddedAsarIntegrityValidation', 4],
      ['onlyLoadAppFromAsar', 5],
      ['loadBrowserProcessSpecificV8Snapshot', 6],
      ['grantFileProtocolExtraPrivileges', 7],
    ]);
  });

  it('the real getCurrentFuseWire reads the synthetic binary', async () => {
    const file = await writeBinary('01001100');
    const wire = toFuseWire(await getCurrentFuseWire(file));
    expect(wire.version).toBe('1');
    expect([...wire.states.entries()]).toEqual(
      [...'01001100'].map((char, index) => [index, char.charCodeAt(0)]),
    );
  });

  it('passes a binary whose fuses match electron-builder.yml', async () => {
    const comparison = await verifyFuses(await writeBinary(await wireMatchingConfig()), CONFIG);
    expect(comparison.errors).toEqual([]);
    expect(comparison.ok).toBe(true);
    const configured = Object.keys(await configuredFuses()).filter((key) => key in FUSE_KEYS);
    expect(comparison.rows.map((row) => row.name).sort()).toEqual([...configured].sort());
    expect(formatFuseTable(comparison)).not.toMatch(/MISMATCH|error/);
  });

  it('fails a binary with one fuse left as Electron ships it, naming that fuse', async () => {
    const wire = flip(await wireMatchingConfig(), 'enableNodeCliInspectArguments');
    const comparison = await verifyFuses(await writeBinary(wire), CONFIG);
    expect(comparison.ok).toBe(false);
    expect(comparison.rows.filter((row) => !row.ok)).toEqual([
      {
        name: 'enableNodeCliInspectArguments',
        index: 3,
        expected: false,
        actual: 'on',
        ok: false,
      },
    ]);
    expect(formatFuseTable(comparison)).toMatch(/^MISMATCH: enableNodeCliInspectArguments$/m);
  });

  it('fails an unpackaged Electron (every fuse at its default), naming each flipped fuse', async () => {
    // Electron's defaults: run as node, cookie encryption off, NODE_OPTIONS and --inspect on,
    // no asar integrity check, loose app folders allowed, ... file:// extra privileges on.
    const comparison = await verifyFuses(await writeBinary('10110001'), CONFIG);
    expect(comparison.ok).toBe(false);
    const failed = comparison.rows.filter((row) => !row.ok).map((row) => row.name);
    expect(failed).toEqual(
      expect.arrayContaining([
        'runAsNode',
        'enableCookieEncryption',
        'enableNodeOptionsEnvironmentVariable',
        'enableNodeCliInspectArguments',
        'enableEmbeddedAsarIntegrityValidation',
        'onlyLoadAppFromAsar',
        'grantFileProtocolExtraPrivileges',
      ]),
    );
  });

  it('fails a removed or missing fuse, and lists fuses the configuration does not set', () => {
    const states = new Map<number, number>([
      [0, 0x72], // 'r': removed from this Electron
      [1, 0x31],
      [8, 0x31], // a newer fuse than this script knows
    ]);
    const comparison = compareFuses(
      { runAsNode: false, enableCookieEncryption: true, onlyLoadAppFromAsar: true },
      { version: '1', states },
    );
    expect(comparison.rows).toEqual([
      { name: 'runAsNode', index: 0, expected: false, actual: 'removed', ok: false },
      { name: 'enableCookieEncryption', index: 1, expected: true, actual: 'on', ok: true },
      { name: 'onlyLoadAppFromAsar', index: 5, expected: true, actual: 'absent', ok: false },
      { name: 'fuse #8', index: 8, expected: undefined, actual: 'on', ok: true },
    ]);
    expect(comparison.ok).toBe(false);
  });

  it('refuses unknown keys, non-boolean values and another wire version', () => {
    const states = new Map([[0, 0x30]]);
    const typo = compareFuses({ runAsNod: false }, { version: '1', states });
    expect(typo.ok).toBe(false);
    expect(typo.errors.join('\n')).toContain('electronFuses.runAsNod is not a fuse');
    const text = compareFuses({ runAsNode: 'false' }, { version: '1', states });
    expect(text.errors.join('\n')).toContain('electronFuses.runAsNode must be true or false');
    expect(compareFuses({ runAsNode: false }, { version: '2', states }).ok).toBe(false);
    // electron-builder's packaging options under electronFuses are not fuses, and are accepted.
    expect(
      compareFuses({ runAsNode: false, resetAdHocDarwinSignature: true }, { version: '1', states })
        .ok,
    ).toBe(true);
  });

  it('reads a macOS bundle through its Electron Framework', async () => {
    const app = join(await makeTempDir('onmuni-fuses-'), 'OnMuni Toolkit.app');
    const framework = join(app, 'Contents', 'Frameworks', 'Electron Framework.framework');
    await mkdir(framework, { recursive: true });
    await writeFile(join(framework, 'Electron Framework'), fakeBinary(await wireMatchingConfig()));
    expect((await verifyFuses(app, CONFIG)).ok).toBe(true);
  });

  it('as a command, prints the table and exits 0 on a match and 1 on a mismatch', async () => {
    const tsx = join(require.resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
    const script = join(ROOT, 'build', 'scripts', 'verifyFuses.ts');
    const run = (file: string) =>
      spawnSync(process.execPath, [tsx, script, file], { cwd: ROOT, encoding: 'utf8' });

    const good = run(await writeBinary(await wireMatchingConfig()));
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^onlyLoadAppFromAsar\s+5\s+on\s+on\s+ok$/m);

    const bad = run(await writeBinary(flip(await wireMatchingConfig(), 'runAsNode')));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^runAsNode\s+0\s+off\s+on\s+MISMATCH$/m);

    const missing = run(join(await makeTempDir('onmuni-fuses-'), 'nothing-here'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  }, 60_000);
});
