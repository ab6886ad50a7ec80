/**
 * `npm run test:electron`: the desktop tests (tests/electron/*.test.ts: the smoke test and the
 * workshop room) on a real Electron, either the packaged app or the development binary. Not part of `npm test`: it needs an
 * Electron binary and a display, which the build machines do not have.
 *
 *   npm run test:electron                                   the development binary on out/
 *   npm run test:electron -- --packaged <executable>        a packaged app (the release workflow)
 *   ONMUNI_PACKAGED_APP=<executable> npm run test:electron  the same
 *
 * <executable> is dist/linux-unpacked/onmuni-toolkit, "dist/win-unpacked/OnMuni Toolkit.exe" or a
 * macOS bundle ("dist/mac-arm64/OnMuni Toolkit.app", or the executable inside it). Other
 * arguments go to vitest. On Linux without a display, run it under `xvfb-run -a`.
 *
 * With no packaged app and no Electron binary installed, it prints one line and exits 0: there is
 * nothing to test on such a machine, and `npm run electron:fetch` says how to get a binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findElectronBinary } from '../../build/scripts/fetchElectron';
import { nodeVersionProblem } from '../../build/scripts/requireNode';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const isWindows = process.platform === 'win32';

/** How run.ts tells the smoke test what to launch (vitest passes the environment through). */
export const SMOKE_ENV = {
  /** Absolute path of the executable to start. */
  executable: 'ONMUNI_SMOKE_EXECUTABLE',
  /** JSON array of arguments that come before the test's own (the app folder, for dev runs). */
  args: 'ONMUNI_SMOKE_ARGS',
  /** "1" for a packaged app, "0" for the development binary. */
  packaged: 'ONMUNI_SMOKE_PACKAGED',
} as const;

/** Where a failed run leaves its net log and the app's output (gitignored; uploaded by CI). */
export const RESULTS_DIR = join(ROOT, 'test-results', 'electron');

/** What to launch, as worked out from the command line and the environment. */
export type LaunchPlan =
  | { kind: 'packaged'; executable: string }
  | { kind: 'development'; executable: string; appDir: string }
  | { kind: 'none'; message: string; exitCode: number };

/** Splits our own `--packaged <path>` (or `--packaged=<path>`) from the arguments for vitest. */
export function parseArgs(argv: readonly string[]): { packaged?: string; rest: string[] } {
  const rest: string[] = [];
  let packaged: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--packaged') {
      packaged = argv[i + 1] ?? '';
      i += 1;
    } else if (arg.startsWith('--packaged=')) {
      packaged = arg.slice('--packaged='.length);
    } else {
      rest.push(arg);
    }
  }
  return packaged === undefined ? { rest } : { packaged, rest };
}

/**
 * The executable of a packaged app: the path itself, or for a macOS bundle the program in
 * Contents/MacOS (named after the bundle, or the only one there). Undefined when missing.
 */
export function packagedExecutable(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (!path.replace(/[\\/]+$/, '').endsWith('.app')) {
    return statSync(path).isFile() ? path : undefined;
  }
  const macOS = join(path, 'Contents', 'MacOS');
  if (!existsSync(macOS)) return undefined;
  const named = join(macOS, basename(path.replace(/[\\/]+$/, ''), '.app'));
  if (existsSync(named)) return named;
  const programs = readdirSync(macOS);
  return programs.length === 1 && programs[0] !== undefined ? join(macOS, programs[0]) : undefined;
}

/** Decides what to launch. Reads files only. */
export function planLaunch(
  packagedArg: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): LaunchPlan {
  const packaged = packagedArg ?? (env.ONMUNI_PACKAGED_APP || undefined);
  if (packaged !== undefined) {
    const executable = packaged === '' ? undefined : packagedExecutable(resolve(cwd, packaged));
    if (executable === undefined) {
      return {
        kind: 'none',
        message: `test:electron: no packaged app at "${packaged}" (build one with npm run dist; on macOS pass the .app bundle or the program inside it).`,
        exitCode: 1,
      };
    }
    return { kind: 'packaged', executable };
  }
  const executable = findElectronBinary(join(ROOT, 'node_modules', 'electron'), env);
  if (executable === undefined) {
    return {
      kind: 'none',
      message:
        'test:electron did not run: no Electron binary on this machine (run "npm run electron:fetch" to download it, or pass --packaged <path to a packaged app>).',
      exitCode: 0,
    };
  }
  return { kind: 'development', executable, appDir: ROOT };
}

/** Runs a command in the project root and returns its exit code. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  // npm is a .cmd file on Windows, which Node only starts through a shell.
  const shell = isWindows && command === 'npm';
  const result = spawnSync(command, [...args], { cwd: ROOT, stdio: 'inherit', env, shell });
  if (result.error !== undefined) console.error(`test:electron: ${result.error.message}`);
  return result.status ?? 1;
}

function main(argv: readonly string[]): number {
  const { packaged, rest } = parseArgs(argv);
  const plan = planLaunch(packaged, process.env);
  // Nothing to launch is answered first: with no binary there is no Electron tooling to run, so
  // the Node.js version does not matter (this is what the build machines, on Node 20, see).
  if (plan.kind === 'none') {
    (plan.exitCode === 0 ? console.log : console.error)(plan.message);
    return plan.exitCode;
  }
  const problem = nodeVersionProblem('npm run test:electron');
  if (problem !== undefined) {
    console.error(problem);
    return 1;
  }
  if (plan.kind === 'development' && !existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    // The development binary runs the app from out/, which only `npm run build` writes.
    console.log('test:electron: out/ has not been built yet; running npm run build first.');
    const status = run('npm', ['run', 'build'], process.env);
    if (status !== 0) return status;
  }
  console.log(
    plan.kind === 'packaged'
      ? `test:electron: smoke test of the packaged app ${plan.executable}`
      : `test:electron: smoke test of out/ in the development Electron ${plan.executable}`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [SMOKE_ENV.executable]: plan.executable,
    [SMOKE_ENV.args]: JSON.stringify(plan.kind === 'development' ? [plan.appDir] : []),
    [SMOKE_ENV.packaged]: plan.kind === 'packaged' ? '1' : '0',
  };
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const config = join('tests', 'electron', 'vitest.config.ts');
  return run(process.execPath, [vitest, 'run', '--config', config, ...rest], env);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv.slice(2)));
}
