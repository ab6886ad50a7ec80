/**
 * The desktop app under test, for the files of `npm run test:electron` (tests/electron/run.ts):
 * starts the real app (packaged, or the development binary on out/) with a fresh profile, a net
 * log and Chromium's `--remote-debugging-port`, attaches Playwright over CDP, and quits it as a
 * user would. Why not Playwright's `_electron.launch`: see smoke.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, type WriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RESULTS_DIR, SMOKE_ENV } from './run';

/** Every page of the app lives under this origin (electron/main/protocol.ts). */
export const APP_ORIGIN = 'app://onmuni/';
export const APP_TITLE = 'OnMuni Toolkit';
/** How long the app gets to open its debugging endpoint (a cold start on a CI runner is slow). */
const CONNECT_TIMEOUT_MS = 45_000;
/** How long the app gets to quit by itself after Browser.close, before it is killed. */
const QUIT_TIMEOUT_MS = 30_000;
/** Variables of the test runner that must not reach the app under test. */
const NOT_FOR_THE_APP: ReadonlySet<string> = new Set([
  'ELECTRON_RUN_AS_NODE',
  'NODE_OPTIONS',
  'ELECTRON_RENDERER_URL',
]);
/** Locator waits: long enough for a cold CI machine, short enough to fail in useful time. */
export const STEP_TIMEOUT_MS = 30_000;

export interface LaunchSettings {
  executable: string;
  args: string[];
  packaged: boolean;
}

export function launchSettings(): LaunchSettings {
  const executable = process.env[SMOKE_ENV.executable];
  if (!executable) {
    throw new Error(
      `${SMOKE_ENV.executable} is not set: run this test with "npm run test:electron" ` +
        '(add "-- --packaged <app>" for a packaged build).',
    );
  }
  const args = JSON.parse(process.env[SMOKE_ENV.args] ?? '[]') as unknown;
  if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
    throw new Error(`${SMOKE_ENV.args} must be a JSON array of strings.`);
  }
  return { executable, args, packaged: process.env[SMOKE_ENV.packaged] === '1' };
}

/** A free TCP port on the loopback interface (listen on port 0, note the port, close). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the operating system gave'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines the app printed, kept for failure messages. */
class OutputTail {
  private readonly lines: string[] = [];
  constructor(
    private readonly log: WriteStream,
    private readonly max = 80,
  ) {}

  add(source: string, chunk: Buffer): void {
    if (!this.log.writableEnded) this.log.write(chunk);
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (line.trim() === '') continue;
      this.lines.push(`[${source}] ${line}`);
      if (this.lines.length > this.max) this.lines.shift();
    }
  }

  text(): string {
    return this.lines.length === 0
      ? '(the app printed nothing)'
      : `the app's last output:\n  ${this.lines.join('\n  ')}`;
  }
}

export interface RunningApp {
  readonly settings: LaunchSettings;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  readonly port: number;
  readonly workDir: string;
  readonly netLogPath: string;
  readonly logPath: string;
  readonly output: OutputTail;
  browser?: Browser;
  context?: BrowserContext;
  page?: Page;
  /** Every URL a page of the app requested, in order. */
  readonly requests: string[];
  /** How the app ended: by itself after Browser.close, or killed. */
  ending?: 'quit' | 'terminated' | 'killed';
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function describeExit(child: ChildProcess): string {
  return child.signalCode !== null
    ? `killed by ${child.signalCode}`
    : `exit code ${String(child.exitCode)}`;
}

export async function waitForExit(app: RunningApp, ms: number): Promise<boolean> {
  if (hasExited(app.child)) return true;
  await Promise.race([app.exited, sleep(ms)]);
  return hasExited(app.child);
}

/** Starts the app with a debugging port, a net log and a fresh, empty profile. */
export async function launch(settings: LaunchSettings): Promise<RunningApp> {
  const workDir = await mkdtemp(join(tmpdir(), 'onmuni-smoke-'));
  const profileDir = join(workDir, 'profile');
  mkdirSync(profileDir);
  const netLogPath = join(workDir, 'netlog.json');
  const logPath = join(workDir, 'app.log');
  const port = await freePort();

  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !NOT_FOR_THE_APP.has(name)),
    ),
    // An absolute ONMUNI_DATA_DIR moves the whole profile (and the single-instance lock), so the
    // test never touches a real user's data nor collides with a running copy of the app.
    ONMUNI_DATA_DIR: profileDir,
  };

  const log = createWriteStream(logPath);
  const output = new OutputTail(log);
  const args = [
    ...settings.args,
    `--remote-debugging-port=${port}`,
    `--log-net-log=${netLogPath}`,
    // A CI Mac has no one to answer a keychain prompt for the cookie-encryption key; Chromium's
    // mock keychain keeps one from ever blocking the start (the app stores no cookies anyway).
    ...(process.platform === 'darwin' ? ['--use-mock-keychain'] : []),
  ];
  const child = spawn(settings.executable, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group on POSIX, so that a last-resort kill reaches its helper processes.
    detached: process.platform !== 'win32',
  });
  child.stdout?.on('data', (chunk: Buffer) => output.add('stdout', chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.add('stderr', chunk));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      output.add('spawn', Buffer.from(error.message));
      resolve();
    });
  });
  // 'close' comes after the last output has been read ('exit' can come before it).
  child.once('close', () => log.end());
  return {
    settings,
    child,
    exited,
    port,
    workDir,
    netLogPath,
    logPath,
    output,
    requests: [],
  };
}

/** Attaches Playwright once the debugging endpoint answers; fails early if the app dies. */
export async function connect(app: RunningApp): Promise<Browser> {
  const endpoint = `http://127.0.0.1:${app.port}`;
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited(app.child)) {
      throw new Error(
        `The app ended (${describeExit(app.child)}) before its debugging endpoint answered.\n` +
          app.output.text(),
      );
    }
    try {
      return await chromium.connectOverCDP(endpoint, {
        timeout: Math.max(1_000, Math.min(10_000, deadline - Date.now())),
      });
    } catch (error) {
      lastError = error;
      await sleep(500);
    }
  }
  throw new Error(
    `The app's debugging endpoint ${endpoint} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s ` +
      `(last error: ${lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError)}).\n` +
      app.output.text(),
  );
}

/** The app's window: the page whose address is under app://onmuni/. */
export async function findAppPage(app: RunningApp, browser: Browser): Promise<Page> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const context of browser.contexts()) {
      const page = context.pages().find((candidate) => candidate.url().startsWith(APP_ORIGIN));
      if (page !== undefined) return page;
    }
    if (hasExited(app.child)) break;
    await sleep(250);
  }
  const seen = browser
    .contexts()
    .flatMap((context) => context.pages().map((page) => page.url()))
    .join(', ');
  throw new Error(
    `No page of the app (${APP_ORIGIN}) appeared; pages seen: ${seen || 'none'}.\n${app.output.text()}`,
  );
}

/**
 * Quits the app the way a user would, so that it flushes its files and the net log: Electron
 * answers the DevTools command Browser.close by quitting (it never replies, so nothing waits for
 * a reply). If it is still running after QUIT_TIMEOUT_MS it is terminated, then killed.
 */
export async function quit(app: RunningApp): Promise<void> {
  if (app.ending !== undefined) return;
  if (!hasExited(app.child) && app.browser?.isConnected()) {
    try {
      const session = await app.browser.newBrowserCDPSession();
      void session.send('Browser.close').catch(() => undefined);
    } catch {
      // The connection is gone; the kill below still ends the app.
    }
  }
  if (await waitForExit(app, QUIT_TIMEOUT_MS)) {
    app.ending = 'quit';
  } else {
    // SIGTERM lets Electron quit cleanly on Linux and macOS; on Windows kill() terminates.
    signal(app, 'SIGTERM');
    if (await waitForExit(app, 10_000)) {
      app.ending = 'terminated';
    } else {
      signal(app, 'SIGKILL');
      await waitForExit(app, 10_000);
      app.ending = 'killed';
    }
  }
  await app.browser?.close().catch(() => undefined);
}

function signal(app: RunningApp, name: NodeJS.Signals): void {
  const { pid } = app.child;
  if (pid === undefined || hasExited(app.child)) return;
  try {
    // The app leads its own process group on POSIX: signal the group, helpers included.
    if (process.platform !== 'win32') process.kill(-pid, name);
    else app.child.kill(name);
  } catch {
    app.child.kill(name);
  }
}

/** Keeps the net log and the app's output of a failed run where CI uploads them. */
export function keepForInspection(app: RunningApp): void {
  const target = join(RESULTS_DIR, `${process.platform}-${Date.now()}`);
  mkdirSync(target, { recursive: true });
  for (const file of [app.netLogPath, app.logPath]) {
    if (existsSync(file)) copyFileSync(file, join(target, basename(file)));
  }
  console.log(`test:electron: the net log and the app's output are in ${target}`);
}
