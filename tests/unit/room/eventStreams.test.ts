/**
 * The participants' event streams against a client that stops reading: over a real HTTP
 * connection on 127.0.0.1, whose reader is paused, so the server's socket fills up as it would
 * for a phone that walked away or a participant who means harm.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStreams, type StateJson } from '../../../electron/room/eventStreams';
import { sleep, until } from './support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A server whose one request becomes participant p1's stream, and a client that never reads. */
async function stalledStream(
  streams: EventStreams,
): Promise<{ res: ServerResponse; client: Socket }> {
  const first: StateJson = { shared: '{"question":null}', own: '{"myVote":[]}' };
  let opened: (res: ServerResponse) => void = () => undefined;
  const response = new Promise<ServerResponse>((resolveRes) => (opened = resolveRes));
  const server: Server = createServer((_req, res) => {
    streams.open('p1', res, first);
    opened(res);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  const client: Socket = connect(port, '127.0.0.1');
  client.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  // Reads nothing from now on: what the server writes piles up in the kernel, then in Node.
  client.pause();
  cleanups.push(() => {
    streams.closeAll();
    client.destroy();
    server.closeAllConnections();
    server.close();
  });
  return { res: await response, client };
}

/** A distinct state of about `bytes` bytes. */
function bigState(n: number, bytes: number): StateJson {
  return { shared: `{"notes":"${String(n).padEnd(bytes, 'x')}"}`, own: '{"myVote":[]}' };
}

describe('event streams: a client that stops reading', () => {
  it('holds at most about one state for it, however many states come', async () => {
    const streams = new EventStreams();
    const { res } = await stalledStream(streams);
    const size = 512 * 1024;
    for (let n = 0; n < 80; n += 1) {
      streams.sendState('p1', bigState(n, size));
      // Let the socket hand what it can to the kernel.
      await sleep(1);
    }
    // 80 states are 40 MB; the kernel takes a few MB of them, Node must not keep the rest.
    expect(res.writableLength).toBeLessThan(2 * size);
  });

  it('sends the latest state, not every one missed, once it reads again', async () => {
    const streams = new EventStreams();
    const { client } = await stalledStream(streams);
    const size = 1024 * 1024;
    for (let n = 0; n < 50; n += 1) {
      streams.sendState('p1', bigState(n, size));
      await sleep(1);
    }
    let text = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => (text += chunk));
    client.resume();
    await until(() => text.includes('"notes":"49'), 5000);
    // Those the kernel took before the socket filled went out (a few MB of them); the rest of
    // the 50 were never queued, only the last.
    const sent = text.match(/"notes":"\d+/g) ?? [];
    expect(sent.length).toBeLessThan(25);
  });

  it('ends a stream that took nothing for a whole heartbeat', async () => {
    const streams = new EventStreams(50);
    const { res } = await stalledStream(streams);
    streams.sendState('p1', bigState(1, 8 * 1024 * 1024));
    let closed = false;
    res.on('close', () => (closed = true));
    await until(() => closed, 2000);
    expect(streams.count('p1')).toBe(0);
  });
});
