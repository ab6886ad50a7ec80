/**
 * Fetches the Electron binary for `npm start`, `npm run dev` and `npm run electron:fetch`.
 *
 * Electron 45's package downloads nothing when it is installed: its binary comes from its
 * `install.js`, which someone has to run. We download the zip ourselves with @electron/get
 * (Electron's own downloader, which checks the SHA-256 against electron/checksums.json) so that
 * we can show progress and give up only when no bytes have arrived for a while: a rural link at
 * 50 KB/s still finishes, a dead one does not hang forever. Electron's install.js then finds the
 * zip in the cache, unpacks it and writes path.txt, so the layout stays exactly what
 * `require('electron')` expects. Both must ask for the same file (platform, arch and cache folder,
 * read from the same variables), or install.js would download again without our watchdog.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { downloadArtifact } from '@electron/get';
import { formatByteSize } from '../../electron/shared/byteSize';
import { messageOf } from '../../renderer/src/core/common/errorMessage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the electron package lives (its install.js, path.txt and dist/). */
export const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
/** Give up after this long without a single byte arriving. */
export const STALL_TIMEOUT_MS = 60_000;
/** Unpacking a cached zip takes seconds; install.js is stopped if it takes longer than this. */
const UNPACK_TIMEOUT_MS = 5 * 60_000;

type Env = Readonly<Record<string, string | undefined>>;

/** The Electron executable if it is installed, otherwise undefined. Reads files only. */
export function findElectronBinary(
  electronDir: string = ELECTRON_DIR,
  env: Env = process.env,
): string | undefined {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return undefined;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : undefined;
}

/** How far a download has got. */
export interface DownloadProgress {
  transferred: number;
  total: number | null;
}

/** The outcome of a fetch: the binary, or a one-line reason it could not be had. */
export type FetchResult = { ok: true; binary: string } | { ok: false; reason: string };

export interface DownloadOptions {
  version: string;
  platform?: string;
  arch?: string;
  /** Checksums of the release's files (electron/checksums.json); omitted only in tests. */
  checksums?: Record<string, string>;
  /** Cache folder for the zip; @electron/get's per-user default when omitted. */
  cacheRoot?: string;
  /** Base address of a mirror (ELECTRON_MIRROR is read too); the tests use a loopback server. */
  mirror?: string;
  stallTimeoutMs?: number;
  onProgress?: (progress: DownloadProgress) => void;
}

/** Raised when nothing arrived for the stall time: the link is dead, not slow. */
export class StalledDownloadError extends Error {
  override name = 'StalledDownloadError';
  constructor(readonly stallTimeoutMs: number) {
    super(`no data arrived for ${formatSeconds(stallTimeoutMs)}`);
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/**
 * Downloads the Electron zip (or takes it from the cache) and returns its path. The watchdog is
 * reset by every chunk, so only silence ends it, never slowness.
 */
export async function downloadElectronZip(options: DownloadOptions): Promise<string> {
  const stallTimeoutMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const watch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(
      () => controller.abort(new StalledDownloadError(stallTimeoutMs)),
      stallTimeoutMs,
    );
  };
  watch();
  try {
    return await downloadArtifact({
      version: options.version,
      artifactName: 'electron',
      platform: options.platform ?? process.platform,
      arch: options.arch ?? process.arch,
      ...(options.checksums === undefined ? {} : { checksums: options.checksums }),
      ...(options.cacheRoot === undefined ? {} : { cacheRoot: options.cacheRoot }),
      ...(options.mirror === undefined ? {} : { mirrorOptions: { mirror: options.mirror } }),
      downloadOptions: {
        // Our own progress line replaces @electron/get's bar, which only appears after 30 s.
        quiet: true,
        signal: controller.signal,
        // @electron/get's type asks for a promise; there is nothing to wait for.
        getProgressCallback: (progress: DownloadProgress) => {
          watch();
          options.onProgress?.(progress);
          return Promise.resolve();
        },
      },
    });
  } catch (error) {
    // fetch rejects with the abort reason, or with a generic AbortError that hides it.
    if (controller.signal.aborted && controller.signal.reason instanceof StalledDownloadError) {
      throw controller.signal.reason;
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The file install.js will look for: the same variables, read the same way (see install.js). */
export function installTarget(
  env: Env,
  hostPlatform: NodeJS.Platform = process.platform,
  hostArch: string = process.arch,
  runningUnderRosetta: () => boolean = isRunningUnderRosetta,
): { platform: string; arch: string; cacheRoot: string | undefined } {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || hostPlatform;
  let arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || hostArch;
  // install.js fetches the arm64 build for an x64 Node running under Rosetta on Apple Silicon.
  if (
    platform === 'darwin' &&
    hostPlatform === 'darwin' &&
    arch === 'x64' &&
    env.npm_config_arch === undefined &&
    runningUnderRosetta()
  ) {
    arch = 'arm64';
  }
  return { platform, arch, cacheRoot: env.electron_config_cache || undefined };
}

function isRunningUnderRosetta(): boolean {
  const result = spawnSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === '1';
}

/** A short reason for the one-line message, from whatever the download or install threw. */
export function describeFetchFailure(error: unknown): string {
  if (error instanceof StalledDownloadError) {
    return `the download stopped: ${error.message}`;
  }
  const parts: string[] = [];
  let current: unknown = error;
  // fetch wraps the real cause (ENOTFOUND, ECONNREFUSED...) in "fetch failed".
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(
      typeof code === 'string' && !current.message.includes(code)
        ? `${current.message} (${code})`
        : current.message,
    );
    current = current.cause;
  }
  const text = parts.join(': ') || String(error);
  const offline =
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo/i;
  const shown = offline.test(text) ? `no network access (${text})` : text;
  return shown.length > 160 ? `${shown.slice(0, 157)}...` : shown;
}

/** Formats progress as "12.3 MB of 110.2 MB (11%)", or "12.3 MB" when the size is unknown. */
export function formatProgress({ transferred, total }: DownloadProgress): string {
  const done = formatByteSize(transferred, 'measured');
  if (total === null || total <= 0) return done;
  const percent = Math.floor((transferred / total) * 100);
  return `${done} of ${formatByteSize(total, 'measured')} (${percent}%)`;
}

/** Prints progress on one rewritten line in a terminal, or every tenth in a log. */
function progressPrinter(version: string): (progress: DownloadProgress) => void {
  const tty = process.stdout.isTTY === true;
  let lastTenth = -1;
  let lastDraw = 0;
  return (progress) => {
    const line = `Downloading Electron ${version}: ${formatProgress(progress)}`;
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 100 && progress.transferred !== progress.total) return;
      lastDraw = now;
      process.stdout.write(`\r${line}\u001b[K`);
      if (progress.total !== null && progress.transferred >= progress.total)
        process.stdout.write('\n');
      return;
    }
    const tenth = progress.total ? Math.floor((progress.transferred / progress.total) * 10) : -1;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      console.log(line);
    }
  };
}

/**
 * Makes sure the Electron binary is installed: finds it, or downloads and extracts it. Never
 * throws; the reason comes back as one line for the caller's message.
 */
export async function ensureElectronBinary(env: Env = process.env): Promise<FetchResult> {
  const existing = findElectronBinary(ELECTRON_DIR, env);
  if (existing !== undefined) return { ok: true, binary: existing };
  if (!existsSync(join(ELECTRON_DIR, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const skip = env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  if (skip !== undefined && skip !== '' && skip !== '0' && skip !== 'false') {
    return { ok: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so no download was tried' };
  }
  const require = createRequire(join(ELECTRON_DIR, 'package.json'));
  const { version } = require('./package.json') as { version: string };
  const checksums = require('./checksums.json') as Record<string, string>;
  const target = installTarget(env);
  try {
    await downloadElectronZip({
      version,
      checksums,
      platform: target.platform,
      arch: target.arch,
      ...(target.cacheRoot === undefined ? {} : { cacheRoot: target.cacheRoot }),
      onProgress: progressPrinter(version),
    });
  } catch (error) {
    if (process.stdout.isTTY) process.stdout.write('\n');
    return { ok: false, reason: describeFetchFailure(error) };
  }
  // The zip is in the cache now: electron's installer finds it there and only extracts it.
  const installEnv = { ...env };
  delete installEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const install = spawnSync(process.execPath, [join(ELECTRON_DIR, 'install.js')], {
    cwd: ELECTRON_DIR,
    env: installEnv,
    encoding: 'utf8',
    timeout: UNPACK_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const binary = findElectronBinary(ELECTRON_DIR, env);
  if (install.status === 0 && binary !== undefined) return { ok: true, binary };
  const output = `${install.stderr ?? ''}\n${install.stdout ?? ''}`.trim().split(/\r?\n/).at(-1);
  return {
    ok: false,
    reason: `the downloaded Electron could not be unpacked (${output || 'no message'})`,
  };
}

async function main(): Promise<void> {
  const result = await ensureElectronBinary();
  if (result.ok) {
    console.log(`Electron is ready: ${result.binary}`);
    return;
  }
  console.error(
    `The Electron binary could not be fetched on this machine: ${result.reason}. "npm run serve" runs the browser edition instead.`,
  );
  process.exit(1);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`electron:fetch: ${messageOf(error)}`);
    process.exit(1);
  });
}
