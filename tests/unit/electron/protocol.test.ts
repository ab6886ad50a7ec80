import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  handleAppRequest,
  registerAppScheme,
  resolveAppPath,
  serveRenderer,
} from '../../../electron/main/protocol';
import { META_CONTENT_SECURITY_POLICY } from '../../../electron/shared/servingPolicy';
import { makeTempDir } from './tempDir';

const ROOT = '/srv/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://onmuni/', '/srv/renderer/index.html'],
    ['app://onmuni/index.html', '/srv/renderer/index.html'],
    ['app://onmuni/assets/index-abc.js', '/srv/renderer/assets/index-abc.js'],
    ['app://onmuni/data/docs.json?v=2#top', '/srv/renderer/data/docs.json'],
    ['app://onmuni/assets/a%20b.css', '/srv/renderer/assets/a b.css'],
  ])('serves %s from %s', (url, expected) => {
    expect(resolveAppPath(ROOT, url)).toBe(expected);
  });

  it.each([
    'app://onmuni/../../etc/passwd',
    'app://onmuni/assets/../index.html',
    'app://onmuni/./index.html',
    'app://onmuni/assets/..',
    'app://onmuni/.%2e/secret',
    'app://onmuni/%2e%2e/%2e%2e/etc/passwd',
    'app://onmuni/%2E%2E/secret',
    'app://onmuni/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://onmuni/..%2f..%2fsecret',
    'app://onmuni/..%5c..%5csecret',
    'app://onmuni/assets\\..\\..\\secret',
    'app://onmuni/%5cetc%5cpasswd',
    'app://onmuni/C:/Windows/win.ini',
    'app://onmuni/c%3a/Windows/win.ini',
    'app://onmuni//etc/passwd/..%2f',
    'app://onmuni/index.html%00.png',
    'app://onmuni/%E0%A4%A',
    'app://onmuni/file.txt:stream',
    'app://other/index.html',
    'app://onmuni.evil.example/index.html',
    'app://user:pw@onmuni/index.html',
    'app://onmuni:8080/index.html',
    'file:///etc/passwd',
    'https://onmuni/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });
});

describe('handleAppRequest', () => {
  async function site(): Promise<{ root: string; outside: string }> {
    const base = await makeTempDir();
    const root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    const outside = join(base, 'secret.txt');
    await writeFile(outside, 'top secret');
    return { root, outside };
  }

  it('serves a file with its type and the CSP header', async () => {
    const { root } = await site();
    const response = await handleAppRequest(root, new Request('app://onmuni/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root', async () => {
    const { root } = await site();
    const response = await handleAppRequest(root, new Request('app://onmuni/'));
    expect(await response.text()).toContain('<title>x</title>');
  });

  it('answers 400 to traversal, 404 to a missing file and 405 to POST', async () => {
    const { root } = await site();
    const traversal = await handleAppRequest(root, new Request('app://onmuni/..%2fsecret.txt'));
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).not.toContain('top secret');
    // Request (like Chromium) resolves '%2e%2e' itself; what is left must still stay inside root.
    const resolved = await handleAppRequest(root, new Request('app://onmuni/%2e%2e/secret.txt'));
    expect(resolved.status).toBe(404);
    expect(await resolved.text()).not.toContain('top secret');
    expect((await handleAppRequest(root, new Request('app://onmuni/nope.js'))).status).toBe(404);
    expect((await handleAppRequest(root, new Request('app://onmuni/assets'))).status).toBe(404);
    const post = new Request('app://onmuni/index.html', { method: 'POST', body: 'x' });
    expect((await handleAppRequest(root, post)).status).toBe(405);
  });

  it('refuses a symbolic link that points outside the renderer folder', async () => {
    const { root, outside } = await site();
    await symlink(outside, join(root, 'assets', 'link.txt'));
    const response = await handleAppRequest(root, new Request('app://onmuni/assets/link.txt'));
    expect(response.status).toBe(400);
  });

  it('registers a standard, secure scheme without CSP bypass and serves it', () => {
    registerAppScheme();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    serveRenderer('/srv/renderer');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline script, no eval and nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:/,
    );
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it("matches renderer/index.html's meta tag, so both editions agree", async () => {
    const html = await readFile(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    // frame-ancestors only works as a header (browsers ignore it in a meta tag), so only the
    // header carries it.
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('maps content types, falling back to opaque bytes', () => {
    expect(contentTypeFor('a/B.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
  });
});
