/**
 * `npm run dist [-- electron-builder arguments]`: packages the built app with electron-builder,
 * adding to electron-builder.yml the signing settings that only the environment can decide.
 *
 * - macOS: with a Developer ID (CSC_LINK or CSC_NAME) the app is signed with it under the hardened
 *   runtime, and notarized when Apple's credentials are set (APPLE_API_KEY + APPLE_API_KEY_ID +
 *   APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID). Without one it
 *   is signed ad hoc: flipping fuses invalidates Electron's own signature, and Apple Silicon
 *   kills an app whose signature is invalid at launch. Ad hoc signing with the hardened runtime
 *   would reject Electron's own frameworks, so the runtime is off for that build only.
 * - Windows: electron-builder reads WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_LINK) itself;
 *   without them the installers are unsigned and SmartScreen warns (see the README).
 *
 * The merged configuration goes to a temporary file passed as --config, so the CLI still parses
 * every other argument (`--linux deb AppImage --x64`, `--mac dmg --arm64`, ...).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

type Env = Readonly<Record<string, string | undefined>>;
type Config = Record<string, unknown>;

const present = (env: Env, ...names: string[]): boolean =>
  names.every((name) => (env[name] ?? '').trim() !== '');

/** True when Apple notarization credentials are complete in the environment. */
export function hasNotarizationCredentials(env: Env): boolean {
  return (
    present(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
    present(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
    present(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE')
  );
}

/** How the macOS build is signed, given the environment. */
export type MacSigning = 'developer-id' | 'developer-id-notarized' | 'ad-hoc';

export function macSigning(env: Env): MacSigning {
  if (!present(env, 'CSC_LINK') && !present(env, 'CSC_NAME')) return 'ad-hoc';
  return hasNotarizationCredentials(env) ? 'developer-id-notarized' : 'developer-id';
}

/** electron-builder.yml with the environment's signing choices applied. */
export function effectiveConfig(base: Config, env: Env): Config {
  const mac = { ...(base.mac as Config | undefined) };
  const signing = macSigning(env);
  if (signing === 'ad-hoc') {
    mac.identity = '-';
    mac.hardenedRuntime = false;
    mac.notarize = false;
  } else {
    mac.hardenedRuntime = true;
    mac.notarize = signing === 'developer-id-notarized';
  }
  return { ...base, mac };
}

/** One line for the log: how each platform will be signed. */
export function describeSigning(env: Env): string {
  const mac = {
    'ad-hoc': 'macOS: ad hoc (no Developer ID set)',
    'developer-id': 'macOS: Developer ID, not notarized (no Apple credentials set)',
    'developer-id-notarized': 'macOS: Developer ID, notarized',
  }[macSigning(env)];
  const windows =
    present(env, 'WIN_CSC_LINK') || present(env, 'CSC_LINK')
      ? 'Windows: signed with the configured certificate'
      : 'Windows: unsigned (SmartScreen will warn)';
  return `Signing: ${mac}; ${windows}.`;
}

function main(args: readonly string[]): number {
  const base = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
  const config = effectiveConfig(base, process.env);
  console.log(describeSigning(process.env));
  const dir = mkdtempSync(join(tmpdir(), 'onmuni-dist-'));
  const configFile = join(dir, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  try {
    const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
    const result = spawnSync(
      process.execPath,
      [cli, '--config', configFile, '--publish', 'never', ...args],
      { cwd: ROOT, stdio: 'inherit' },
    );
    return result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv.slice(2)));
}
