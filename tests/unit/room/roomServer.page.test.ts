/**
 * What the room serves besides its API: the participant page at `/` and the assets it
 * references, with a strict CSP and security headers, and nothing else of the build folder.
 */
import { describe, expect, it } from 'vitest';
import { loadRoomPage } from '../../../electron/room/roomPage';
import { ROOM_CONTENT_SECURITY_POLICY } from '../../../electron/room/roomHttp';
import { join, openTestRoom, send, writeFixturePage } from './support';

describe('room server: the participant page', () => {
  it('serves room.html at / and the assets it references, transitively', async () => {
    const test = await openTestRoom();
    const page = await send(test, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<h1>Room</h1>');
    for (const [path, type] of [
      ['/assets/room-abc.js', 'text/javascript; charset=utf-8'],
      ['/assets/shared-def.js', 'text/javascript; charset=utf-8'],
      ['/assets/room-abc.css', 'text/css; charset=utf-8'],
      ['/assets/dot-123.svg', 'image/svg+xml'],
    ]) {
      const asset = await send(test, path ?? '');
      expect(asset.status, path).toBe(200);
      expect(asset.headers['content-type']).toBe(type);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await send(test, '/?x=1')).status).toBe(200);
    // The browser's own favicon request gets an empty answer rather than a 404 in the console.
    const icon = await send(test, '/favicon.ico');
    expect(icon.status).toBe(204);
    expect(icon.text).toBe('');
    const head = await send(test, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('serves nothing else: the app, data, dotfiles, source maps, traversal', async () => {
    const test = await openTestRoom();
    for (const path of [
      '/index.html',
      '/room.html',
      '/assets/index-app.js',
      '/assets/room-abc.js.map',
      '/.env',
      '/%2eenv',
      '/data/content.json',
      '/assets/../index.html',
      '/assets/%2e%2e/index.html',
      '/assets/..%2findex.html',
      '/assets/',
      '/assets',
      '//etc/passwd',
      '/api',
    ]) {
      const answer = await send(test, path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain('The app');
    }
  });

  it('sends the strict CSP and security headers on pages, API answers and errors, and no CORS', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    const answers = [
      await send(test, '/'),
      await send(test, '/assets/room-abc.js'),
      await send(test, '/nothing'),
      await send(test, '/api/state', { headers: { Authorization: `Bearer ${token}` } }),
      await send(test, '/api/state', { headers: { Origin: 'http://evil.example' } }),
      await send(test, '/', { headers: { Host: 'evil.example' } }),
    ];
    expect(ROOM_CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe(ROOM_CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(
        Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
    }
    const preflight = await send(test, '/api/join', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reads the page once: later changes on disk are not served', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = writeFixturePage();
    const test = await openTestRoom({ pageDir: dir });
    writeFileSync(`${dir}/room.html`, 'changed');
    expect((await send(test, '/')).text).toContain('<h1>Room</h1>');
  });

  it('refuses to open without a built page, or on an address not of this computer', async () => {
    await expect(openTestRoom({ pageDir: '/nonexistent-room-page' })).rejects.toThrow();
    await expect(openTestRoom({ address: '0.0.0.0' })).rejects.toThrow(/not an IPv4 address/);
    await expect(openTestRoom({ address: '203.0.113.9' })).rejects.toThrow(/not an IPv4 address/);
  });

  it('maps only referenced files, never outside the page folder', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const page = await loadRoomPage(writeFixturePage());
    expect([...page.keys()].sort()).toEqual([
      '/',
      '/assets/dot-123.svg',
      '/assets/room-abc.css',
      '/assets/room-abc.js',
      '/assets/shared-def.js',
    ]);
    const dir = mkdtempSync(`${tmpdir()}/room-bad-`);
    writeFileSync(`${dir}/room.html`, '<script src="./.secret.js"></script>');
    await expect(loadRoomPage(dir)).rejects.toThrow(/never serves/);
  });
});
