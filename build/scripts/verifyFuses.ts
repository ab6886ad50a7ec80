/**
 * Reads the Electron fuses back from a packaged app and checks each against `electronFuses` in
 * electron-builder.yml (Electron security checklist #19). electron-builder flips the fuses while
 * packaging; this proves the binary we ship really carries them.
 *
 *   tsx build/scripts/verifyFuses.ts <OnMuni Toolkit.app | OnMuni Toolkit.exe | onmuni-toolkit>
 *   tsx build/scripts/verifyFuses.ts <app> --config <path to electron-builder.yml>
 *
 * Prints one row per fuse and exits 1 on any mismatch, on a fuse the binary does not have, or on a
 * key in electron-builder.yml that this script does not know (so a new fuse is never skipped
 * silently). Fuses the binary has but the configuration leaves alone are listed, not failed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { messageOf } from '../../renderer/src/core/common/errorMessage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CONFIG = join(ROOT, 'electron-builder.yml');

/** electron-builder's `electronFuses` keys and the fuse-wire index each one sets. */
export const FUSE_KEYS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const satisfies Record<string, FuseV1Options>;

export type FuseKey = keyof typeof FUSE_KEYS;

/** FUSE_KEYS the other way round: the key of the fuse at a wire index (any number a binary has). */
const KEY_AT_INDEX: ReadonlyMap<number, FuseKey> = new Map(
  (Object.keys(FUSE_KEYS) as FuseKey[]).map((key) => [FUSE_KEYS[key], key]),
);

/** Keys electron-builder accepts under `electronFuses` that are packaging options, not fuses. */
const OPTION_KEYS: ReadonlySet<string> = new Set([
  'resetAdHocDarwinSignature',
  'strictlyRequireAllFuses',
]);

/** How a fuse byte reads in the binary ('0', '1' and 'r' in the wire). */
export type FuseReading = 'off' | 'on' | 'removed' | 'absent' | 'unknown';

const BYTE_DISABLE = 0x30; // '0'
const BYTE_ENABLE = 0x31; // '1'
const BYTE_REMOVED = 0x72; // 'r'

/** The fuse wire as read from a binary: its version and one byte per fuse, by index. */
export interface FuseWire {
  version: string;
  /** Fuse states by index (the raw bytes: 0x30 off, 0x31 on, 0x72 removed). */
  states: ReadonlyMap<number, number>;
}

/** One row of the comparison. */
export interface FuseRow {
  /** The electron-builder.yml key, or `fuse #<index>` for a fuse the configuration leaves alone. */
  name: string;
  index: number;
  /** What electron-builder.yml asks for, or undefined when it says nothing about this fuse. */
  expected: boolean | undefined;
  actual: FuseReading;
  ok: boolean;
}

export interface FuseComparison {
  rows: FuseRow[];
  /** Configuration problems (unknown keys, non-boolean values, an unsupported wire version). */
  errors: string[];
  ok: boolean;
}

/** Converts what @electron/fuses' getCurrentFuseWire returns into a FuseWire. */
export function toFuseWire(raw: Readonly<Record<string, unknown>>): FuseWire {
  const states = new Map<number, number>();
  for (const [key, value] of Object.entries(raw)) {
    if (/^\d+$/.test(key) && typeof value === 'number') states.set(Number(key), value);
  }
  return { version: String(raw.version), states };
}

function reading(byte: number | undefined): FuseReading {
  if (byte === undefined) return 'absent';
  if (byte === BYTE_ENABLE) return 'on';
  if (byte === BYTE_DISABLE) return 'off';
  if (byte === BYTE_REMOVED) return 'removed';
  return 'unknown';
}

function isFuseKey(key: string): key is FuseKey {
  return Object.hasOwn(FUSE_KEYS, key);
}

/**
 * Compares the `electronFuses` section of electron-builder.yml with a fuse wire. Pure: no files.
 * A configured fuse passes only when the binary holds exactly the configured state; a removed,
 * absent or unreadable fuse fails.
 */
export function compareFuses(electronFuses: unknown, wire: FuseWire): FuseComparison {
  const errors: string[] = [];
  const rows: FuseRow[] = [];
  if (wire.version !== '1') {
    errors.push(`the binary's fuse wire is version ${wire.version}; this script reads version 1`);
  }
  if (typeof electronFuses !== 'object' || electronFuses === null) {
    errors.push('electron-builder.yml has no electronFuses section');
  }
  const configured = new Map<number, FuseKey>();
  for (const [key, value] of Object.entries((electronFuses ?? {}) as Record<string, unknown>)) {
    if (OPTION_KEYS.has(key)) continue;
    if (!isFuseKey(key)) {
      errors.push(`electronFuses.${key} is not a fuse this script knows; add it to FUSE_KEYS`);
      continue;
    }
    if (typeof value !== 'boolean') {
      errors.push(`electronFuses.${key} must be true or false, not ${JSON.stringify(value)}`);
      continue;
    }
    const index = FUSE_KEYS[key];
    configured.set(index, key);
    const actual = reading(wire.states.get(index));
    rows.push({
      name: key,
      index,
      expected: value,
      actual,
      ok: actual === (value ? 'on' : 'off'),
    });
  }
  // Fuses the binary has that the configuration does not mention: shown, never failed.
  for (const [index, byte] of wire.states) {
    if (configured.has(index)) continue;
    const known = KEY_AT_INDEX.get(index);
    rows.push({
      name: known ?? `fuse #${index}`,
      index,
      expected: undefined,
      actual: reading(byte),
      ok: true,
    });
  }
  rows.sort((a, b) => a.index - b.index);
  return { rows, errors, ok: errors.length === 0 && rows.every((row) => row.ok) };
}

/** The comparison as a plain-text table, then the problems, one a line. */
export function formatFuseTable(comparison: FuseComparison): string {
  const header = ['Fuse', '#', 'electron-builder.yml', 'binary', 'result'];
  const body = comparison.rows.map((row) => [
    row.name,
    String(row.index),
    row.expected === undefined ? '(not set)' : row.expected ? 'on' : 'off',
    row.actual,
    row.expected === undefined ? 'not checked' : row.ok ? 'ok' : 'MISMATCH',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)];
  for (const error of comparison.errors) lines.push(`error: ${error}`);
  const mismatches = comparison.rows.filter((row) => !row.ok).map((row) => row.name);
  if (mismatches.length > 0) lines.push(`MISMATCH: ${mismatches.join(', ')}`);
  return lines.join('\n');
}

/** The file @electron/fuses reads for `appPath` (the framework binary inside a macOS bundle). */
export function fuseFileFor(appPath: string): string {
  if (appPath.endsWith('.app')) {
    return join(
      appPath,
      'Contents',
      'Frameworks',
      'Electron Framework.framework',
      'Electron Framework',
    );
  }
  if (appPath.includes('.app')) {
    return resolve(
      appPath,
      '..',
      '..',
      'Frameworks',
      'Electron Framework.framework',
      'Electron Framework',
    );
  }
  return appPath;
}

/** Reads the fuses of the packaged app at `appPath` and compares them with the configuration. */
export async function verifyFuses(
  appPath: string,
  configPath: string = DEFAULT_CONFIG,
): Promise<FuseComparison> {
  const config = parse(await readFile(configPath, 'utf8')) as { electronFuses?: unknown } | null;
  const wire = toFuseWire(await getCurrentFuseWire(appPath));
  return compareFuses(config?.electronFuses, wire);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  let configPath = DEFAULT_CONFIG;
  const configAt = args.indexOf('--config');
  if (configAt !== -1) {
    configPath = resolve(args[configAt + 1] ?? '');
    args.splice(configAt, 2);
  }
  const [target, ...extra] = args;
  if (target === undefined || extra.length > 0) {
    console.error(
      'Usage: tsx build/scripts/verifyFuses.ts <packaged app: .app bundle, .exe or Linux executable> [--config electron-builder.yml]',
    );
    return 1;
  }
  const appPath = resolve(target);
  const fuseFile = fuseFileFor(appPath);
  if (!existsSync(fuseFile)) {
    console.error(`verifyFuses: ${fuseFile} does not exist; package the app first (npm run dist).`);
    return 1;
  }
  const comparison = await verifyFuses(appPath, configPath);
  console.log(
    `Electron fuses of ${appPath}\n(read from ${fuseFile}, expected from ${configPath})\n`,
  );
  console.log(formatFuseTable(comparison));
  console.log(comparison.ok ? '\nAll configured fuses match.' : '\nFuse check FAILED.');
  return comparison.ok ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`verifyFuses: ${messageOf(error)}`);
      process.exit(1);
    },
  );
}
