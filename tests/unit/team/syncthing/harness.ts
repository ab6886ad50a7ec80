/**
 * Two real Syncthing daemons on loopback sharing one folder, for the team-folder tests. Each has
 * its own home (keys, config, database) in a temp folder, its REST API on 127.0.0.1 and a listen
 * address the other is told about, so nothing needs discovery, relays or the internet.
 *
 * Syncthing must be installed (`.ci/run` installs Debian's); without it the tests fail with a
 * message saying so, never skip. Every daemon started here is killed when its pair is disposed
 * and, as a last resort, when the test process exits.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { configXml, type ConfigDevice } from './syncthingConfig';

const run = promisify(execFile);

/** The one folder both daemons share. */
export const FOLDER_ID = 'onmuni-team';

/** Long enough for a loaded CI machine; a healthy pair takes about a second. */
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * How a daemon is started. On Linux through util-linux's `setpriv --pdeathsig KILL` (Essential on
 * Debian), so the kernel kills the daemon even when the test process itself is killed outright
 * and never runs its clean-up; elsewhere directly.
 */
async function daemonCommand(): Promise<string[]> {
  if (process.platform !== 'linux') return ['syncthing'];
  try {
    await run('setpriv', ['--pdeathsig', 'KILL', 'true']);
    return ['setpriv', '--pdeathsig', 'KILL', 'syncthing'];
  } catch {
    return ['syncthing'];
  }
}

/** Every daemon process alive, so that process exit can kill what a failed test left behind. */
const alive = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** Fails with a clear message when the `syncthing` program is not there. */
export async function syncthingVersion(): Promise<string> {
  try {
    const { stdout } = await run('syncthing', ['--version']);
    return stdout.trim();
  } catch (error) {
    throw new Error(
      'Syncthing is needed by the team folder tests and was not found on the PATH ' +
        `(${(error as Error).message}). Install it: \`apt-get install syncthing\` on Debian ` +
        '(bash .ci/run does this), or see https://syncthing.net/downloads/.',
      { cause: error },
    );
  }
}

/** A TCP port nobody is listening on right now (the daemon binds it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function pollUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The parts of GET /rest/db/status the tests read. */
export interface FolderStatus {
  readonly state: string;
  readonly needTotalItems: number;
  readonly globalFiles: number;
  readonly localFiles: number;
  readonly sequence: number;
  readonly errors: number;
  readonly pullErrors: number;
}

/** The parts of GET /rest/db/completion the tests read. */
interface Completion {
  readonly completion: number;
  readonly needItems: number;
  readonly needDeletes: number;
}

/** One Syncthing daemon: its home, ports and API key, and a process that can stop and start. */
export class SyncthingDaemon {
  private child: ChildProcess | undefined;
  /** The daemon's recent output, shown when it fails to start. */
  private output = '';

  constructor(
    readonly name: string,
    readonly home: string,
    readonly folderPath: string,
    readonly deviceId: string,
    readonly guiPort: number,
    readonly listenPort: number,
    readonly apiKey: string,
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the daemon and waits until its REST API answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`Syncthing ${this.name} is already running`);
    const [command = 'syncthing', ...prefix] = await daemonCommand();
    const child = spawn(
      command,
      [
        ...prefix,
        'serve',
        `--home=${this.home}`,
        '--no-browser',
        '--no-restart',
        '--no-default-folder',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          STNOUPGRADE: '1',
          STNORESTART: '1',
          STNODEFAULTFOLDER: '1',
          // One process: without it Syncthing starts a monitor that forks the daemon proper,
          // which would not inherit the death signal above.
          STMONITORED: 'yes',
        },
      },
    );
    this.child = child;
    alive.add(child);
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => {
      alive.delete(child);
      if (this.child === child) this.child = undefined;
    });
    try {
      await pollUntil(`Syncthing ${this.name} to answer`, START_TIMEOUT_MS, async () => {
        if (this.child !== child) throw new Error(`it exited:\n${this.output}`);
        await this.get('/rest/system/ping');
        return true;
      });
    } catch (error) {
      await this.stop();
      throw new Error(`${(error as Error).message}\nSyncthing said:\n${this.output}`, {
        cause: error,
      });
    }
  }

  /** Stops the daemon with SIGTERM (SIGKILL if it does not exit in time) and waits for it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Calls the REST API and returns the parsed JSON (or nothing for an empty reply). */
  async request<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      method,
      headers: { 'X-API-Key': this.apiKey },
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** Scans the shared folder now (returns when the scan is done), not waiting for the watcher. */
  async scan(): Promise<void> {
    await this.request('POST', `/rest/db/scan?folder=${FOLDER_ID}`);
  }

  folderStatus(): Promise<FolderStatus> {
    return this.get<FolderStatus>(`/rest/db/status?folder=${FOLDER_ID}`);
  }

  /** How complete `device`'s copy of the folder is, as far as this daemon knows. */
  completionOf(device: SyncthingDaemon): Promise<Completion> {
    return this.get<Completion>(
      `/rest/db/completion?folder=${FOLDER_ID}&device=${device.deviceId}`,
    );
  }

  /** True when this daemon has a live connection to `device`. */
  async isConnectedTo(device: SyncthingDaemon): Promise<boolean> {
    const reply = await this.get<{ connections: Record<string, { connected: boolean }> }>(
      '/rest/system/connections',
    );
    return reply.connections[device.deviceId]?.connected === true;
  }
}

/** Two daemons sharing FOLDER_ID, at `<root>/a/folder` and `<root>/b/folder`. */
export class SyncthingPair {
  constructor(
    readonly a: SyncthingDaemon,
    readonly b: SyncthingDaemon,
  ) {}

  get daemons(): readonly SyncthingDaemon[] {
    return [this.a, this.b];
  }

  /** Waits until both daemons are running and connected to each other. */
  async waitUntilConnected(timeoutMs = START_TIMEOUT_MS): Promise<void> {
    await pollUntil('the two daemons to connect', timeoutMs, async () =>
      (await this.a.isConnectedTo(this.b)) && (await this.b.isConnectedTo(this.a))
        ? true
        : undefined,
    );
  }

  /**
   * Waits until both copies of the folder hold the same files: both daemons connected, each has
   * scanned what is on its disk, is idle with nothing left to pull, knows the other is complete,
   * and the same state is seen twice in a row (so an index update in flight is not missed).
   * Returns the number of files each daemon counts in the folder.
   */
  async waitUntilInSync(timeoutMs = 30_000): Promise<number> {
    await this.waitUntilConnected(timeoutMs);
    await Promise.all(this.daemons.map((daemon) => daemon.scan()));
    let previous = '';
    return pollUntil('the two folders to be in sync', timeoutMs, async () => {
      const [statusA, statusB, bOfA, aOfB] = await Promise.all([
        this.a.folderStatus(),
        this.b.folderStatus(),
        this.a.completionOf(this.b),
        this.b.completionOf(this.a),
      ]);
      const settled =
        statusA.state === 'idle' &&
        statusB.state === 'idle' &&
        statusA.needTotalItems === 0 &&
        statusB.needTotalItems === 0 &&
        bOfA.completion === 100 &&
        aOfB.completion === 100 &&
        statusA.globalFiles === statusB.globalFiles;
      const seen = JSON.stringify([statusA.sequence, statusB.sequence, statusA.globalFiles]);
      const stable = settled && seen === previous;
      previous = settled ? seen : '';
      return stable ? statusA.globalFiles : undefined;
    });
  }

  /** Stops both daemons (safe to call twice, and after a failed start). */
  async dispose(): Promise<void> {
    await Promise.all(this.daemons.map((daemon) => daemon.stop()));
  }
}

/** Generates a daemon's keys in `home` and returns its device ID. */
async function generateDevice(home: string): Promise<string> {
  await run('syncthing', ['generate', `--home=${home}`, '--no-default-folder']);
  const generated = await readFile(join(home, 'config.xml'), 'utf8');
  const id = /<device id="([A-Z0-9-]+)"/.exec(generated)?.[1];
  if (!id) throw new Error(`syncthing generate wrote no device ID in ${home}/config.xml`);
  return id;
}

/**
 * Creates and starts two daemons under `root` (an empty temp folder), each knowing the other by
 * its loopback address and sharing FOLDER_ID, and waits until they are connected. Call
 * `dispose()` afterwards whatever happened (the caller's afterAll/afterEach).
 */
export async function startSyncthingPair(root: string): Promise<SyncthingPair> {
  await syncthingVersion();
  const made = await Promise.all(
    ['a', 'b'].map(async (name) => {
      const home = join(root, name, 'home');
      const folderPath = join(root, name, 'folder');
      // The marker tells Syncthing the folder is mounted and really its own (a missing marker
      // stops the folder, so a vanished drive is never read as "everything deleted").
      await mkdir(join(folderPath, '.stfolder'), { recursive: true });
      const device: ConfigDevice & { home: string; folderPath: string } = {
        id: await generateDevice(home),
        name,
        address: 'dynamic',
        home,
        folderPath,
      };
      return { device, guiPort: await freePort(), listenPort: await freePort() };
    }),
  );
  const daemons = made.map(({ device, guiPort, listenPort }) => {
    const apiKey = randomBytes(16).toString('hex');
    return new SyncthingDaemon(
      device.name,
      device.home,
      device.folderPath,
      device.id,
      guiPort,
      listenPort,
      apiKey,
    );
  });
  await Promise.all(
    daemons.map((daemon) => {
      const peers = daemons
        .filter((other) => other !== daemon)
        .map((other) => ({
          id: other.deviceId,
          name: other.name,
          address: `tcp://127.0.0.1:${other.listenPort}`,
        }));
      return writeFile(
        join(daemon.home, 'config.xml'),
        configXml({
          self: { id: daemon.deviceId, name: daemon.name, address: 'dynamic' },
          peers,
          guiPort: daemon.guiPort,
          listenPort: daemon.listenPort,
          apiKey: daemon.apiKey,
          folderId: FOLDER_ID,
          folderPath: daemon.folderPath,
        }),
      );
    }),
  );
  const [a, b] = daemons as [SyncthingDaemon, SyncthingDaemon];
  const pair = new SyncthingPair(a, b);
  try {
    await Promise.all(daemons.map((daemon) => daemon.start()));
    await pair.waitUntilConnected();
  } catch (error) {
    await pair.dispose();
    throw error;
  }
  return pair;
}

/** A started pair and the temp folder it lives in (free for the test's own folders too). */
export interface PairFixture {
  readonly pair: SyncthingPair;
  readonly root: string;
}

/**
 * Starts a pair in a fresh temp folder before the tests of the calling `describe` (or file) and,
 * after them, whatever happened, stops both daemons and removes the folder. Returns a getter for
 * the tests. When the pair cannot start (Syncthing missing), every test fails with the reason:
 * a failing beforeAll would have vitest report the tests as skipped.
 */
export function useSyncthingPair(): () => PairFixture {
  let fixture: PairFixture | undefined;
  let startError: unknown = new Error('The Syncthing pair was not started');
  let root = '';
  beforeAll(async () => {
    try {
      root = await mkdtemp(join(tmpdir(), 'onmuni-syncthing-'));
      fixture = { pair: await startSyncthingPair(join(root, 'syncthing')), root };
    } catch (error) {
      startError = error;
    }
  }, 30_000);
  afterAll(async () => {
    await fixture?.pair.dispose();
    if (root) await rm(root, { recursive: true, force: true });
  }, 30_000);
  return () => {
    if (!fixture) throw startError;
    return fixture;
  };
}
