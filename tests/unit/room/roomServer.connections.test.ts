/**
 * What the room does with connections before any request, over raw TCP sockets on 127.0.0.1:
 * an idle one is closed (event streams, with their heartbeat, are not), and one address may
 * hold only so many at once. Loopback is exempt from the cap unless the test says otherwise.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ROOM_IDLE_TIMEOUT_MS } from '../../../electron/room/connectionGuard';
import { HEARTBEAT_MS } from '../../../electron/room/eventStreams';
import { join, openStream, openTestRoom, sleep, type TestRoom } from './support';

interface RawSocket {
  socket: Socket;
  /** Resolves with the milliseconds from connecting to the server closing it. */
  closed: Promise<number>;
  /** Sends one keep-alive GET / and resolves with the status line of the answer. */
  get(): Promise<string>;
}

async function rawSocket(test: TestRoom): Promise<RawSocket> {
  const socket = connect(test.room.port, '127.0.0.1');
  await new Promise<void>((resolveConnect, reject) => {
    socket.once('connect', resolveConnect);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  const connectedAt = Date.now();
  const closed = new Promise<number>((resolveClosed) =>
    socket.once('close', () => resolveClosed(Date.now() - connectedAt)),
  );
  const get = () =>
    new Promise<string>((resolveAnswer, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (!text.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        resolveAnswer(text.split('\r\n', 1)[0] ?? '');
      };
      socket.on('data', onData);
      socket.once('close', () => reject(new Error('closed before an answer')));
      // HEAD: the answer is headers only, so the whole of it is in `text`.
      socket.write(`HEAD / HTTP/1.1\r\nHost: ${test.host}\r\n\r\n`);
    });
  return { socket, closed, get };
}

describe('room server: connections', () => {
  it('closes a connection that never sends a request, or stops halfway through one', async () => {
    expect(ROOM_IDLE_TIMEOUT_MS).toBe(30_000);
    expect(HEARTBEAT_MS).toBeLessThan(ROOM_IDLE_TIMEOUT_MS);
    const test = await openTestRoom({ connections: { idleTimeoutMs: 300 } });
    const silent = await rawSocket(test);
    const halfway = await rawSocket(test);
    halfway.socket.write(`GET / HTTP/1.1\r\nHost: ${test.host}\r\nAccept: `);
    for (const raw of [silent, halfway]) {
      const after = await Promise.race([raw.closed, sleep(3000).then(() => -1)]);
      expect(after).toBeGreaterThanOrEqual(250);
      expect(after).toBeLessThan(3000);
    }
  });

  it('keeps an event stream open past the idle timeout: its heartbeat comes more often', async () => {
    const test = await openTestRoom({ connections: { idleTimeoutMs: 300 } });
    const token = await join(test);
    const stream = await openStream(test, token);
    const silent = await rawSocket(test);
    await sleep(1200);
    expect(await Promise.race([silent.closed.then(() => 'closed'), sleep(0)])).toBe('closed');
    const ended = await Promise.race([stream.ended.then(() => true), sleep(0).then(() => false)]);
    expect(ended).toBe(false);
    expect(stream.raw()).toContain(': heartbeat');
    stream.close();
  });

  it('closes connections beyond the cap per address at once, and takes new ones later', async () => {
    const test = await openTestRoom({
      connections: { connectionsPerAddress: 3, loopbackExempt: false },
    });
    const held: RawSocket[] = [];
    for (let i = 0; i < 3; i += 1) {
      const raw = await rawSocket(test);
      // An answer means the room counted it.
      expect(await raw.get()).toBe('HTTP/1.1 200 OK');
      held.push(raw);
    }
    const extra = await rawSocket(test);
    expect(await Promise.race([extra.closed, sleep(2000).then(() => -1)])).toBeGreaterThanOrEqual(
      0,
    );
    // The three it holds still work; one closed makes room for another.
    expect(await held[0]?.get()).toBe('HTTP/1.1 200 OK');
    held[1]?.socket.destroy();
    await held[1]?.closed;
    await sleep(50);
    const next = await rawSocket(test);
    expect(await next.get()).toBe('HTTP/1.1 200 OK');
    for (const raw of [...held, next]) raw.socket.destroy();
  });

  it('does not cap loopback by default (the trainer’s computer, the tests, the bench)', async () => {
    const test = await openTestRoom({ connections: { connectionsPerAddress: 3 } });
    const held = await Promise.all(Array.from({ length: 8 }, () => rawSocket(test)));
    for (const raw of held) expect(await raw.get()).toBe('HTTP/1.1 200 OK');
    for (const raw of held) raw.socket.destroy();
  });
});
