import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
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

/** Sends a request with the path exactly as given (fetch would normalise `..` away). */
function rawRequest(server: RunningServer, path: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
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
