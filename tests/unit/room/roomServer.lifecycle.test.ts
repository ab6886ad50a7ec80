/**
 * Where and how the room listens: only on the address chosen, on its port or a free one, and
 * without writing tokens or the join code anywhere.
 */
import { createHook } from 'node:async_hooks';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listRoomInterfaces } from '../../../electron/room';
import { join, openStream, openTestRoom, poll, post, send, sleep } from './support';

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolveConnect) => {
    const req = request({ host, port, path: '/', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolveConnect(true);
    });
    req.on('error', () => resolveConnect(false));
    req.on('timeout', () => {
      req.destroy();
      resolveConnect(false);
    });
    req.end();
  });
}

describe('room server: listening', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists IPv4 interfaces only, loopback first', () => {
    const interfaces = listRoomInterfaces();
    expect(interfaces[0]).toEqual({ address: '127.0.0.1', name: 'loopback', loopback: true });
    for (const item of interfaces) expect(item.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(new Set(interfaces.map((item) => item.address)).size).toBe(interfaces.length);
  });

  it('binds to the chosen address only', async () => {
    const test = await openTestRoom();
    expect(await canConnect('127.0.0.1', test.room.port)).toBe(true);
    // Another address of this machine (or another loopback address) finds nothing listening.
    const other = listRoomInterfaces().find((item) => !item.loopback)?.address ?? '127.0.0.2';
    expect(await canConnect(other, test.room.port)).toBe(false);
  });

  it('falls back to a free port when the one asked for is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const test = await openTestRoom({ port: taken });
      expect(test.room.port).not.toBe(taken);
      expect(test.room.joinUrl).toBe(`http://127.0.0.1:${test.room.port}/`);
      expect((await send(test, '/')).status).toBe(200);
    } finally {
      await new Promise((resolveClose) => blocker.close(resolveClose));
    }
  });

  it('leaves no timer behind when it cannot listen (port taken, no fallback)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen));
    const taken = (blocker.address() as AddressInfo).port;
    // Every timer made while the room starts, until the hook learns it was destroyed (cleared).
    const made = new Set<number>();
    let watching = true;
    const hook = createHook({
      init(id, type) {
        if (watching && type === 'Timeout') made.add(id);
      },
      destroy(id) {
        made.delete(id);
      },
    }).enable();
    try {
      await expect(openTestRoom({ port: taken, portFallback: false })).rejects.toThrow(
        'EADDRINUSE',
      );
      watching = false;
      // Destroy hooks are reported after the turn that cleared the timers.
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      await sleep(20);
      expect(made.size).toBe(0);
    } finally {
      hook.disable();
      await new Promise((resolveClose) => blocker.close(resolveClose));
    }
  });

  it('writes no token and no join code to the console or the output', async () => {
    const written: string[] = [];
    const capture = (...args: unknown[]) => {
      written.push(args.map(String).join(' '));
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(capture);
    }
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    const test = await openTestRoom();
    const token = await join(test, 'Ann');
    const stream = await openStream(test, token);
    test.room.command({ type: 'question', question: poll });
    await post(test, '/api/vote', { questionId: poll.id, optionIds: ['o1'] }, token);
    await post(test, '/api/join', { code: '000000', name: '' });
    await send(test, '/api/state', { headers: { Authorization: 'Bearer nonsense' } });
    await send(test, '/', { headers: { Host: 'evil.example' } });
    await test.room.close();
    await stream.ended;
    vi.restoreAllMocks();
    const all = written.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(test.room.joinCode);
    expect(written).toEqual([]);
  });
});
