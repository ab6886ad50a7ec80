/**
 * `npm run serve`: the browser edition, served from the build output.
 *
 * Builds first when `out/renderer/index.html` is missing, then serves `out/renderer` at
 * http://127.0.0.1:${PORT:-4173}/. It listens on loopback only unless `--host` is given
 * (`--host` alone means every interface, `--host=<addr>` or `--host <addr>` a given one), because
 * a laptop on a municipal network should not expose the toolkit by accident. It answers only
 * requests addressed to loopback or to an address it listens on (no DNS rebinding), and never
 * sends dotfiles or source maps.
 *
 * `--room` also runs the workshop room (issue 17) in this process, with its control API for the
 * presenter on /room-control/ (roomControl.ts), and prints the presenter address that carries
 * the presenter secret. Without it, /room-control/ answers 404.
 *
 * `startServer()` is exported so the end-to-end tests and the benchmarks run the same server
 * in-process and close it when done.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeForExtension,
} from '../../electron/shared/servingPolicy';
import { messageOf } from '../../renderer/src/core/common/errorMessage';
import {
  PRESENTER_SECRET_PARAMETER,
  ROOM_CONTROL_PREFIX,
} from '../../renderer/src/core/room/roomControlApi';
import { createRoomControl, type RoomControl } from './roomControl';

export { CONTENT_SECURITY_POLICY };

/** The repository root (this file lives in build/scripts/). */
export const projectRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Where `npm run build` writes the renderer. ONMUNI_RENDERER_OUT points the server and the
 * end-to-end tests at another build of it (e.g. one made beside out/ while out/ is in use).
 */
export const rendererOutDir = process.env.ONMUNI_RENDERER_OUT
  ? resolve(process.env.ONMUNI_RENDERER_OUT)
  : join(projectRoot, 'out', 'renderer');

/** How long `close()` lets requests under way finish before it ends every connection. */
const CLOSE_GRACE_MS = 500;

/** Headers sent with every response, errors included. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What `startServer` accepts. */
export interface ServerOptions {
  /** The folder to serve; defaults to `out/renderer`. */
  root?: string;
  /** 0 picks a free port. Defaults to 4173. */
  port?: number;
  /** Defaults to 127.0.0.1 (loopback only). */
  host?: string;
  /** Runs the workshop room and its control API (`--room`). */
  room?: boolean;
  /** The room's port (0: a free one); the room module's default, 4180, when unset. */
  roomPort?: number;
}

/** A running server. */
export interface RunningServer {
  /** The base URL, with a trailing slash, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  host: string;
  server: Server;
  /** With `room`: the presenter secret, and the presenter address that carries it. */
  presenterSecret?: string;
  presenterUrl?: string;
  /**
   * Closes the room if there is one, stops accepting connections, drops idle keep-alive
   * sockets and resolves when closed.
   */
  close(): Promise<void>;
}

/** The MIME type for a file name, or `application/octet-stream` when unknown. */
export function mimeTypeFor(fileName: string): string {
  return contentTypeForExtension(extname(fileName));
}

/**
 * Maps a request path to a file inside `root`, or returns null when the path is malformed or
 * points outside `root` (`..`, encoded `%2e%2e`, backslashes, NUL bytes, absolute paths).
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // Backslashes and NUL have no business in a URL path here; on Windows `\` is a separator.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..')) return null;
  const relativePath = segments.filter((segment) => segment !== '' && segment !== '.').join(sep);
  const candidate = resolve(root, relativePath);
  return isInside(root, candidate) ? candidate : null;
}

/**
 * True for a URL path the server never sends even when the file exists: a dotfile or anything in
 * a dot-folder (`.env`, `.git/config`), and source maps (`*.map`), which would hand out the
 * source. Checked on the decoded path, so `%2eenv` is caught too.
 */
export function isHiddenPath(urlPath: string): boolean {
  try {
    return hasHiddenPart(decodeURIComponent(urlPath));
  } catch {
    return true;
  }
}

/** The same rule for a decoded path, with `/` or `\` between its parts. */
function hasHiddenPart(path: string): boolean {
  return (
    path.split(/[\\/]/).some((part) => part.startsWith('.')) || path.toLowerCase().endsWith('.map')
  );
}

/** Hosts a browser on this computer uses for loopback, whatever interface the server is on. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The names a Host header may carry: loopback, plus what the server listens on. */
function listeningHostNames(listenHost: string): string[] {
  const names = [...LOOPBACK_HOSTS];
  const bracket = (address: string) => (address.includes(':') ? `[${address}]` : address);
  if (listensOnEveryInterface(listenHost)) {
    // Every interface: a room's laptops reach it by any of this machine's addresses.
    for (const entries of Object.values(networkInterfaces())) {
      for (const entry of entries ?? []) {
        if (listenHost === '0.0.0.0' && entry.family !== 'IPv4') continue;
        names.push(bracket(entry.address));
      }
    }
  } else {
    names.push(bracket(listenHost));
  }
  return names.map((name) => name.toLowerCase());
}

/**
 * True when a request's Host header names this server: loopback or an address it listens on,
 * with its port. Anything else (a DNS name that an attacker's page re-pointed at 127.0.0.1, to
 * read the toolkit from its own origin: DNS rebinding) is refused. A missing header is refused.
 */
export function isAllowedHostHeader(
  hostHeader: string | undefined,
  listenHost: string,
  port: number,
): boolean {
  const name = hostNameFor(hostHeader, port);
  if (name === null) return false;
  if (LOOPBACK_HOSTS.includes(name)) return true;
  return listeningHostNames(listenHost).includes(name);
}

/** True when a Host header names loopback with `port` (what the room control API requires). */
export function isLoopbackHostHeader(hostHeader: string | undefined, port: number): boolean {
  const name = hostNameFor(hostHeader, port);
  return name !== null && LOOPBACK_HOSTS.includes(name);
}

/** The lowercased host name of a Host header for `port`, or null when missing or for another. */
function hostNameFor(hostHeader: string | undefined, port: number): string | null {
  if (hostHeader === undefined) return null;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim());
  // No port in the header means HTTP's default, 80.
  if (match === null || Number(match[2] ?? '80') !== port) return null;
  return (match[1] ?? '').toLowerCase();
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Finds the file to send for a request: the file itself, or a folder's index.html. */
async function findFile(realRoot: string, requested: string): Promise<string | null> {
  let path = requested;
  let info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    // No directory listings: a folder is served only through its index.html.
    path = join(path, 'index.html');
    info = await stat(path).catch(() => null);
  }
  if (!info?.isFile()) return null;
  // A symlink inside the root must not lead outside it.
  const real = await realpath(path).catch(() => null);
  return real !== null && isInside(realRoot, real) ? real : null;
}

/** Refuses a request for another host: 421 Misdirected Request, with no body of ours. */
function refuseHost(res: ServerResponse): void {
  res.writeHead(421, { ...SECURITY_HEADERS, 'Content-Length': '0', 'Cache-Control': 'no-store' });
  res.end();
}

async function handle(
  realRoot: string,
  listening: { host: string; port: number },
  room: RoomControl | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!isAllowedHostHeader(req.headers.host, listening.host, listening.port)) {
    refuseHost(res);
    return;
  }
  const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (path.startsWith(ROOM_CONTROL_PREFIX)) {
    if (room === null) send(res, 404, 'Not found\n');
    else await room.handle(req, res, path);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const rawPath = path;
  if (!rawPath.startsWith('/')) {
    send(res, 400, 'Bad request\n');
    return;
  }
  const requested = resolveRequestPath(realRoot, rawPath);
  if (requested === null) {
    send(res, 403, 'Forbidden\n');
    return;
  }
  const file = isHiddenPath(rawPath) ? null : await findFile(realRoot, requested);
  // A symlink with an innocent name must not lead to a hidden file either.
  if (file === null || hasHiddenPart(relative(realRoot, file))) {
    send(res, 404, 'Not found\n');
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Content-Length': String(info.size),
    // Hashed assets never change; the HTML and data must be re-checked after every build.
    'Cache-Control': relative(realRoot, file).startsWith(`assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Starts a static server for the built renderer. Resolves once it is listening.
 * Pass `port: 0` for a free port (tests and benchmarks do).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = options.root ?? rendererOutDir;
  const host = options.host ?? '127.0.0.1';
  const realRoot = await realpath(root);
  const presenterHost = options.room === true ? presenterHostFor(host) : null;
  // The port is known only once listening (port 0 picks one); no request arrives before that.
  const listening = { host, port: options.port ?? 4173 };
  const room =
    options.room === true
      ? createRoomControl({
          pageDir: realRoot,
          ...(options.roomPort === undefined ? {} : { roomPort: options.roomPort }),
          headers: SECURITY_HEADERS,
          isLoopbackHost: (hostHeader) => isLoopbackHostHeader(hostHeader, listening.port),
        })
      : null;
  const server = createServer((req, res) => {
    handle(realRoot, listening, room, req, res).catch((error: unknown) => {
      console.error('serve: request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  listening.port = port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const presenter =
    room === null || presenterHost === null
      ? {}
      : {
          presenterSecret: room.secret,
          presenterUrl: `http://${presenterHost}:${port}/?${PRESENTER_SECRET_PARAMETER}=${room.secret}`,
        };
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    host,
    server,
    ...presenter,
    close: async () => {
      // The room first: it tells its participants, and ends the presenter's event streams.
      await room?.close();
      await new Promise<void>((resolveClose, reject) => {
        // Requests under way get a moment to finish; then every connection goes, the ones a
        // client opened and never used too (fetch does, and they would hold the close for seconds).
        const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((error) => {
          clearTimeout(cutOff);
          if (error) reject(error);
          else resolveClose();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** True for a `--host` that means every interface of this machine. */
function listensOnEveryInterface(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/**
 * The host of the presenter address: the room control API answers only on loopback, so the app
 * must listen there (the default) or on every interface; a `--host` of one other address cannot
 * carry a room.
 */
function presenterHostFor(host: string): string {
  if (listensOnEveryInterface(host) || host === '127.0.0.1' || host === 'localhost') {
    return '127.0.0.1';
  }
  if (host === '::1') return '[::1]';
  throw new Error(
    `--room needs the app served on loopback (the default) or on every interface (--host), not only on ${host}: the presenter's controls answer only on this computer.`,
  );
}

/**
 * Runs `npm run build` when the renderer has not been built yet. Returns true when it built.
 * Throws when the build fails, so callers never serve a half-built folder.
 */
export function ensureBuilt(): boolean {
  const index = join(rendererOutDir, 'index.html');
  if (existsSync(index)) return false;
  console.log(`serve: ${relative(projectRoot, index)} is missing; running npm run build`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal ?? 'unknown'}).`);
  }
  if (!existsSync(index)) {
    throw new Error(`npm run build finished but ${index} is still missing.`);
  }
  return true;
}

/** Parses `--host`, `--host=<addr>` and `--host <addr>` from the command line. */
export function parseHostArgument(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--host=')) return arg.slice('--host='.length) || '0.0.0.0';
    if (arg === '--host') {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('-') ? next : '0.0.0.0';
    }
  }
  return '127.0.0.1';
}

/** PORT as a number (4173 when unset); throws with a clear message on anything else. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 4173;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const host = parseHostArgument(argv);
  const port = parsePort(process.env.PORT);
  const room = argv.includes('--room');
  ensureBuilt();
  const running = await startServer({ host, port, room });
  const shown = listensOnEveryInterface(host) ? `http://127.0.0.1:${running.port}/` : running.url;
  console.log(`OnMuni Toolkit (browser edition) is being served at ${shown}`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.log(`Listening on ${host}: other machines on this network can reach it too.`);
  }
  if (running.presenterUrl !== undefined) {
    console.log(`Presenter address: ${running.presenterUrl}`);
    console.log(
      "Open it in this computer's browser to run a workshop room; keep it to yourself. " +
        'Participants use the join address the app shows after "Open room".',
    );
  }
  console.log('Press Ctrl+C to stop.');
  closeOnSignals(running);
}

/** Closes the server on Ctrl+C or SIGTERM, then ends the process (0 when it closed cleanly). */
export function closeOnSignals(running: RunningServer): void {
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`serve: ${messageOf(error)}`);
    process.exit(1);
  });
}
