import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  StalledDownloadError,
  describeFetchFailure,
  downloadElectronZip,
  findElectronBinary,
  formatProgress,
  installTarget,
} from '../../../build/scripts/fetchElectron';
import { chooseBrowser, missingDisplayReason } from '../../../build/scripts/start';
import { makeTempDir } from './tempDir';

describe('findElectronBinary', () => {
  it('is undefined without path.txt, or when the binary it names is missing', async () => {
    const dir = await makeTempDir();
    expect(findElectronBinary(dir, {})).toBeUndefined();
    await writeFile(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeUndefined();
  });

  it('finds the binary under dist/, or under ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'path.txt'), 'electron');
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
    const override = await makeTempDir();
    await writeFile(join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    );
  });
});

describe('installTarget: the same file electron/install.js will look for in the cache', () => {
  const never = () => false;

  it('follows the host unless install.js would be told otherwise', () => {
    expect(installTarget({}, 'linux', 'x64', never)).toEqual({
      platform: 'linux',
      arch: 'x64',
      cacheRoot: undefined,
    });
    expect(
      installTarget(
        {
          ELECTRON_INSTALL_PLATFORM: 'win32',
          npm_config_arch: 'arm64',
          electron_config_cache: '/c',
        },
        'linux',
        'x64',
        never,
      ),
    ).toEqual({ platform: 'win32', arch: 'arm64', cacheRoot: '/c' });
    expect(
      installTarget(
        { ELECTRON_INSTALL_ARCH: 'ia32', npm_config_arch: 'arm64' },
        'win32',
        'x64',
        never,
      ).arch,
    ).toBe('ia32');
  });

  it('takes the arm64 build for an x64 Node under Rosetta, as install.js does', () => {
    expect(installTarget({}, 'darwin', 'x64', () => true).arch).toBe('arm64');
    expect(installTarget({ npm_config_arch: 'x64' }, 'darwin', 'x64', () => true).arch).toBe('x64');
    expect(installTarget({}, 'darwin', 'x64', never).arch).toBe('x64');
  });
});

describe('where npm start can open a window and a browser', () => {
  it.each([
    ['linux', {}, true],
    ['linux', { DISPLAY: ':0' }, false],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, false],
    ['win32', {}, false],
    ['darwin', {}, false],
  ] as const)('%s with %j has no display: %s', (platform, env, missing) => {
    expect(missingDisplayReason(env, platform) !== undefined).toBe(missing);
  });

  it.each([
    [{ BROWSER: 'none', DISPLAY: ':0' }, 'linux', { open: false, reason: 'BROWSER=none' }],
    [{ BROWSER: 'NONE' }, 'win32', { open: false, reason: 'BROWSER=none' }],
    [{ DISPLAY: ':0' }, 'linux', { open: true }],
    [{ BROWSER: 'firefox' }, 'darwin', { open: true, app: 'firefox' }],
    [{ BROWSER: '  ' }, 'win32', { open: true }],
  ] as const)('BROWSER in %j on %s -> %j', (env, platform, expected) => {
    expect(chooseBrowser(env, platform)).toEqual(expected);
  });

  it('opens no browser where there is no display, and says why', () => {
    const choice = chooseBrowser({}, 'linux');
    expect(choice.open).toBe(false);
    expect(choice.open ? '' : choice.reason).toMatch(/no graphical display/);
  });
});

describe('formatProgress', () => {
  it.each([
    [{ transferred: 0, total: 104_857_600 }, '0 bytes of 100.0 MB (0%)'],
    [{ transferred: 52_428_800, total: 104_857_600 }, '50.0 MB of 100.0 MB (50%)'],
    [{ transferred: 1_572_864, total: null }, '1.5 MB'],
  ])('%j -> %s', (progress, expected) => {
    expect(formatProgress(progress)).toBe(expected);
  });
});

/**
 * The real downloader against a loopback "mirror" whose pace each test sets, so the stall rule is
 * checked on real sockets: silence ends a download, slowness never does.
 */
describe('downloadElectronZip', () => {
  const VERSION = '45.5.0';
  const FILE = `electron-v${VERSION}-linux-x64.zip`;
  const servers: Server[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function mirror(respond: (res: ServerResponse) => void): Promise<string> {
    const server = createServer((_req, res) => respond(res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

  /** The real download of this release's Linux zip from `url`, into a fresh cache. */
  async function download(
    url: string,
    options: Partial<Parameters<typeof downloadElectronZip>[0]> = {},
  ): Promise<string> {
    return downloadElectronZip({
      version: VERSION,
      platform: 'linux',
      arch: 'x64',
      checksums: { [FILE]: '0'.repeat(64) },
      cacheRoot: await makeTempDir(),
      mirror: url,
      ...options,
    });
  }

  it('gives up when no bytes arrive for the stall time', async () => {
    const url = await mirror((res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write(Buffer.alloc(10)); // then silence
    });
    const error = await download(url, { stallTimeoutMs: 400 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StalledDownloadError);
    expect(describeFetchFailure(error)).toBe('the download stopped: no data arrived for 0.4 s');
  });

  it('keeps going on a slow link that is still moving, far past the stall time', async () => {
    const body = Buffer.from('z'.repeat(120));
    const url = await mirror((res) => {
      res.writeHead(200, { 'Content-Length': String(body.length) });
      let sent = 0;
      // 12 chunks 100 ms apart: 1.2 s in all, longer than the stall time, with a wide margin
      // between each chunk and the stall so a busy machine cannot turn it into a stall.
      const timer = setInterval(() => {
        res.write(body.subarray(sent, sent + 10));
        sent += 10;
        if (sent >= body.length) {
          clearInterval(timer);
          res.end();
        }
      }, 100);
    });
    const seen: number[] = [];
    const zip = await download(url, {
      checksums: { [FILE]: sha256(body) },
      stallTimeoutMs: 1000,
      onProgress: ({ transferred }) => seen.push(transferred),
    });
    expect(await readFile(zip)).toEqual(body);
    expect(seen.at(-1)).toBe(body.length);
    expect(seen.length).toBeGreaterThanOrEqual(12);
  });

  it('refuses a file whose checksum does not match', async () => {
    const url = await mirror((res) => res.end('not electron'));
    const error = await download(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(StalledDownloadError);
    expect(describeFetchFailure(error)).toMatch(/checksum|sha/i);
  });

  it('says "no network access" when nothing answers', async () => {
    const url = await mirror(() => undefined);
    await Promise.all(servers.splice(0).map((server) => new Promise((r) => server.close(r))));
    const error = await download(url).catch((caught: unknown) => caught);
    expect(describeFetchFailure(error)).toMatch(/^no network access \(fetch failed.*ECONNREFUSED/);
  });
});
