/**
 * `npm start`: build, then open the desktop app; where the desktop window cannot open, serve the
 * browser edition instead, so the command always starts the app's main job.
 *
 * The Electron binary is fetched with progress by fetchElectron.ts when it is missing. Where it
 * cannot be had (no network, a locked-down machine, ELECTRON_SKIP_BINARY_DOWNLOAD) or there is no
 * display, `npm start` serves the browser edition, prints its address, says in one line why it is
 * not the desktop window, and opens the default browser (BROWSER=none prevents that; BROWSER=<app>
 * picks the browser). It exits non-zero only when nothing could start.
 *
 * `npm start -- --no-build` skips the build when out/ is already fresh (the tests use it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureElectronBinary } from './fetchElectron';
import { closeOnSignals, parsePort, startServer, type RunningServer } from './serve';
import { messageOf } from '../../renderer/src/core/common/errorMessage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const isWindows = process.platform === 'win32';

type Env = Readonly<Record<string, string | undefined>>;

/** Why no desktop window can open on this machine before trying, or undefined when it may. */
export function missingDisplayReason(env: Env, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

/** Whether to open a browser on the served address, and with which program. */
export type BrowserChoice = { open: false; reason: string } | { open: true; app?: string };

/** Reads BROWSER the way other dev tools do: "none" turns it off, anything else names a program. */
export function chooseBrowser(env: Env, platform: NodeJS.Platform): BrowserChoice {
  const browser = env.BROWSER?.trim();
  if (browser !== undefined && browser.toLowerCase() === 'none') {
    return { open: false, reason: 'BROWSER=none' };
  }
  const noDisplay = missingDisplayReason(env, platform);
  if (noDisplay !== undefined) return { open: false, reason: noDisplay };
  return browser ? { open: true, app: browser } : { open: true };
}

function run(command: string, args: string[]): number {
  // npm is a .cmd file on Windows, which Node only starts through a shell.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
  return result.status ?? 1;
}

/** Serves on the preferred port, or on any free one when it is taken (another copy running). */
async function serveAnywhere(port: number): Promise<RunningServer> {
  try {
    return await startServer({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    console.log(`Port ${port} is in use; choosing a free one.`);
    return startServer({ port: 0 });
  }
}

async function openBrowser(url: string, choice: BrowserChoice): Promise<void> {
  if (!choice.open) {
    console.log(`Open ${url} in a browser (no browser was opened: ${choice.reason}).`);
    return;
  }
  try {
    const { default: open, apps } = await import('open');
    const known =
      choice.app === undefined
        ? undefined
        : (apps as Record<string, string | readonly string[]>)[choice.app];
    const child = await open(
      url,
      choice.app === undefined ? {} : { app: { name: known ?? choice.app } },
    );
    child.once('error', () => console.log(`Could not open a browser; open ${url} yourself.`));
    child.unref();
  } catch {
    console.log(`Could not open a browser; open ${url} yourself.`);
  }
}

/** The fallback: the browser edition, served until Ctrl+C. */
async function serveBrowserEdition(why: string): Promise<void> {
  console.log(`No desktop window: ${why}. Serving the browser edition instead.`);
  const running = await serveAnywhere(parsePort(process.env.PORT));
  console.log(`OnMuni Toolkit (browser edition) is being served at ${running.url}`);
  await openBrowser(running.url, chooseBrowser(process.env, process.platform));
  console.log('Press Ctrl+C to stop.');
  closeOnSignals(running);
}

/**
 * A desktop app that fails within this long of starting never opened a usable window (a missing
 * system library, a sandbox the OS refuses, no GPU): the browser edition is served instead.
 */
const EARLY_EXIT_MS = 30_000;

function launchDesktop(binary: string): void {
  const electronVite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const started = Date.now();
  const child = spawn(process.execPath, [electronVite, 'preview', '--skipBuild'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: binary },
  });
  child.on('exit', (code, signal) => {
    const failed = code !== 0;
    if (failed && Date.now() - started < EARLY_EXIT_MS) {
      const how =
        code === null ? `was stopped by ${signal ?? 'a signal'}` : `exited with code ${code}`;
      serveBrowserEdition(`the desktop app ${how} as it started`).catch((error: unknown) => {
        console.error(`npm start: ${messageOf(error)}`);
        process.exit(1);
      });
      return;
    }
    process.exit(code ?? 1);
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const built = existsSync(join(ROOT, 'out', 'renderer', 'index.html'));
  if (!(argv.includes('--no-build') && built)) {
    const status = run('npm', ['run', 'build']);
    if (status !== 0) {
      console.error(
        'npm start: the build failed, so neither the desktop app nor the browser edition can start.',
      );
      process.exit(status);
    }
  }
  const noDisplay = missingDisplayReason(process.env, process.platform);
  if (noDisplay !== undefined) {
    await serveBrowserEdition(noDisplay);
    return;
  }
  const electron = await ensureElectronBinary();
  if (electron.ok) {
    launchDesktop(electron.binary);
    return;
  }
  await serveBrowserEdition(`the Electron binary could not be had (${electron.reason})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`npm start: ${messageOf(error)}`);
    process.exit(1);
  });
}
