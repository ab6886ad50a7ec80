import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedHostHeader,
  isHiddenPath,
  parseHostArgument,
  resolveRequestPath,
  startServer,
  type RunningServer,
} from '../../build/scripts/serve';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request with the path exactly as given (fetch would normalise `..` away). `hostHeader`
 * replaces the Host header (null: send none), as a page on a rebound DNS name would.
 */
function rawRequest(
  server: RunningServer,
  path: string,
  method = 'GET',
  hostHeader?: string | null,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    if (hostHeader === null) req.removeHeader('Host');
    else if (hostHeader !== undefined) req.setHeader('Host', hostHeader);
    req.on('error', reject);
    req.end();
  });
}

describe('build/scripts/serve.ts', () => {
  let parent: string;
  let root: string;
  let server: RunningServer;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'onmuni-serve-'));
    root = join(parent, 'site');
    mkdirSync(join(root, 'assets'), { recursive: true });
    mkdirSync(join(root, 'data'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'data', 'docs.json'), '{"ok":true}');
    writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
    writeFileSync(join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(root, 'assets', 'blob.xyz'), 'x');
    writeFileSync(join(parent, 'secret.txt'), 'outside the root');
    symlinkSync(join(parent, 'secret.txt'), join(root, 'link-out.txt'));
    // Files that sit in the served folder but must never be sent.
    writeFileSync(join(root, '.env'), 'SECRET=dotfile');
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'config'), 'SECRET=dot-folder');
    mkdirSync(join(root, 'assets', '.cache'));
    writeFileSync(join(root, 'assets', '.cache', 'x.js'), 'SECRET=nested');
    writeFileSync(join(root, 'assets', 'app.js.map'), '{"sourcesContent":["SECRET=map"]}');
    symlinkSync(join(root, '.env'), join(root, 'innocent.txt'));
    server = await startServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  test('listens on loopback by default and reports its URL', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  test.for([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/data/docs.json', 'application/json; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/blob.xyz', 'application/octet-stream'],
    ['/data/docs.json?v=2#x', 'application/json; charset=utf-8'],
  ] as const)('serves %s as %s with the security headers', async ([path, type]) => {
    const response = await rawRequest(server, path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test.for([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const response = await rawRequest(server, path);
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('outside the root');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('does not follow a symlink out of the root', async () => {
    const response = await rawRequest(server, '/link-out.txt');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside the root');
  });

  test('never lists a folder', async () => {
    for (const path of ['/assets/', '/assets', '/docs/']) {
      const response = await rawRequest(server, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('app.js');
    }
  });

  test('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(server, '/data/docs.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('11');
    const post = await rawRequest(server, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  test.for([
    '/.env',
    '/%2eenv',
    '/.git/config',
    '/.git/',
    '/assets/.cache/x.js',
    '/assets/app.js.map',
    '/assets/app.js.map?v=1',
    '/innocent.txt',
  ])('never sends the hidden file at %s', async (path) => {
    const response = await rawRequest(server, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('SECRET');
  });

  test('still sends the files beside the hidden ones', async () => {
    expect((await rawRequest(server, '/assets/app.js')).status).toBe(200);
  });

  test.for([
    ['localhost', 200],
    ['LOCALHOST', 200],
    ['127.0.0.1', 200],
    ['[::1]', 200],
    ['evil.example', 421],
    ['localhost.evil.example', 421],
    ['127.0.0.1.nip.io', 421],
    ['0.0.0.0', 421],
  ] as const)('answers a request for host %s:<port> with %d', async ([name, status]) => {
    const response = await rawRequest(server, '/index.html', 'GET', `${name}:${server.port}`);
    expect(response.status).toBe(status);
    if (status === 421) expect(response.body).toBe('');
  });

  test('refuses a Host header with another port or without a port', async () => {
    for (const host of [`127.0.0.1:${server.port + 1}`, 'localhost']) {
      const response = await rawRequest(server, '/data/docs.json', 'GET', host);
      expect(response.status, host).toBe(421);
      expect(response.body, host).toBe('');
    }
  });

  test('refuses a request with no Host header (Node answers 400 before our handler)', async () => {
    const response = await rawRequest(server, '/data/docs.json', 'GET', null);
    expect(response.status).toBe(400);
    expect(response.body).toBe('');
  });

  test('isHiddenPath covers dot segments anywhere, encoded dots and source maps', () => {
    expect(isHiddenPath('/a/.b/c.js')).toBe(true);
    expect(isHiddenPath('/%2Egit/HEAD')).toBe(true);
    expect(isHiddenPath('/assets/index.CSS.MAP')).toBe(true);
    expect(isHiddenPath('/%E0%A4%A')).toBe(true);
    expect(isHiddenPath('/assets/index-abc.js')).toBe(false);
    expect(isHiddenPath('/maps/town.json')).toBe(false);
  });

  test("when listening on every interface, accepts this machine's addresses and no others", () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.family === 'IPv4')
      .map((entry) => entry?.address ?? '');
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) {
      expect(isAllowedHostHeader(`${address}:8080`, '0.0.0.0', 8080), address).toBe(true);
      expect(isAllowedHostHeader(`${address}:8081`, '0.0.0.0', 8080), address).toBe(false);
    }
    expect(isAllowedHostHeader('192.0.2.77:8080', '0.0.0.0', 8080)).toBe(false);
    expect(isAllowedHostHeader('toolkit.example:8080', '0.0.0.0', 8080)).toBe(false);
    expect(isAllowedHostHeader('192.168.1.5:8080', '192.168.1.5', 8080)).toBe(true);
    expect(isAllowedHostHeader('192.168.1.6:8080', '192.168.1.5', 8080)).toBe(false);
    expect(isAllowedHostHeader('localhost:80', '127.0.0.1', 80)).toBe(true);
    expect(isAllowedHostHeader('localhost', '127.0.0.1', 80)).toBe(true);
  });

  test('resolveRequestPath keeps every path inside the root', () => {
    expect(resolveRequestPath(root, '/a/./b.txt')).toBe(join(root, 'a', 'b.txt'));
    expect(resolveRequestPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveRequestPath(root, '/a/../b')).toBeNull();
  });

  test.for([
    [[], '127.0.0.1'],
    [['--host'], '0.0.0.0'],
    [['--host', '192.168.1.5'], '192.168.1.5'],
    [['--host=::'], '::'],
    [['--host', '--verbose'], '0.0.0.0'],
  ] as const)('parseHostArgument(%j) is %s', ([argv, host]) => {
    expect(parseHostArgument(argv)).toBe(host);
  });
});
