/**
 * `npm start`: build everything, then launch the desktop app with `electron-vite preview`.
 *
 * The Electron binary is downloaded by electron's own install script, which cannot work on an
 * offline or locked-down machine. We never `require('electron')` here (that triggers a download
 * that can hang); we look for the binary ourselves, try the installer once with a time limit,
 * and otherwise explain in one line how to use the browser edition instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 60_000;
const isWindows = process.platform === 'win32';

/** The Electron executable if it is installed, otherwise undefined. Reads files only. */
export function findElectronBinary(
  electronDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return undefined;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : undefined;
}

/** A short reason taken from the installer's output, for the one-line message. */
export function summariseInstallFailure(output: string, timedOut: boolean): string {
  if (timedOut) return `the download did not finish within ${INSTALL_TIMEOUT_MS / 1000} s`;
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) =>
    /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/i.test(line),
  );
  const reason = (error ?? lines.at(-1) ?? 'the installer failed without a message').replace(
    /^(Error|TypeError|RequestError|HTTPError):\s*/i,
    '',
  );
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network/i;
  const shown = offline.test(reason) ? `no network access: ${reason}` : reason;
  return shown.length > 120 ? `${shown.slice(0, 117)}...` : shown;
}

function run(command: string, args: string[]): number {
  // npm is a .cmd file on Windows, which Node only starts through a shell.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows });
  return result.status ?? 1;
}

/** Runs electron's installer once, with a time limit. Returns a reason when it failed. */
function tryInstallElectron(): string | undefined {
  const installer = join(ELECTRON_DIR, 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed (run npm install)';
  console.log('Electron binary not found; trying to download it once...');
  const result = spawnSync(process.execPath, [installer], {
    cwd: ELECTRON_DIR,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const timedOut =
    result.error !== undefined && 'code' in result.error && result.error.code === 'ETIMEDOUT';
  if (result.status === 0 && findElectronBinary(ELECTRON_DIR)) return undefined;
  return summariseInstallFailure(`${result.stderr ?? ''}\n${result.stdout ?? ''}`, timedOut);
}

function main(): void {
  const buildStatus = run('npm', ['run', 'build']);
  if (buildStatus !== 0) process.exit(buildStatus);

  let binary = findElectronBinary(ELECTRON_DIR);
  if (binary === undefined) {
    const reason = tryInstallElectron();
    binary = findElectronBinary(ELECTRON_DIR);
    if (binary === undefined) {
      console.error(
        `The Electron binary could not be downloaded on this machine (${reason ?? 'unknown reason'}). Use "npm run serve" for the browser edition.`,
      );
      process.exit(1);
    }
  }

  const electronVite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [electronVite, 'preview', '--skipBuild'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: binary },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
