/**
 * `npm run serve -- --room`: the room control API (build/scripts/roomControl.ts) on the real
 * serve script, with the real room module behind it, over real sockets. Each rule of the API's
 * security (loopback socket, loopback Host, presenter secret, body size and shape) has a request
 * that breaks it, and the presenter's whole round (open, results, close) runs through it.
 */
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../build/scripts/serve';
import { hasPresenterSecret } from '../../../build/scripts/roomControl';
import { isLoopbackAddress } from '../../../electron/room';
import type { RoomEvent } from '../../../renderer/src/core/room/protocol';
import {
  PRESENTER_SECRET_PATTERN,
  ROOM_CONTROL_BODY_BYTES,
  ROOM_CONTROL_PATHS,
} from '../../../renderer/src/core/room/roomControlApi';
import { ServerSentEventReader } from '../../../renderer/src/host/serverSentEvents';
import { makeRoomPageDir } from '../electron/roomChild';
import { POLL, isUnreachable, join, post } from '../electron/roomParticipant';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: { room: boolean; host?: string }): Promise<RunningServer> {
  const server = await startServer({
    root: await makeRoomPageDir(),
    port: 0,
    roomPort: 0,
    ...options,
  });
  servers.push(server);
  return server;
}

interface Raw {
  status: number;
  body: string;
}

/** One request with headers exactly as given, to `address` (the server's own by default). */
function raw(
  server: RunningServer,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    address?: string;
  },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
        // A connection of its own: a kept-alive one could be reused across servers' ports.
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = (server: RunningServer) => ({
  Authorization: `Bearer ${server.presenterSecret ?? ''}`,
});

/** The presenter's event stream, read as the app reads it (fetch with the secret in a header). */
async function eventStream(server: RunningServer) {
  const abort = new AbortController();
  const response = await fetch(new URL(ROOM_CONTROL_PATHS.events, server.url), {
    headers: bearer(server),
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const received: Array<{ event: string; data: string }> = [];
  const reader = new ServerSentEventReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        received.push(...reader.push(decoder.decode(chunk, { stream: true })));
      }
    } catch {
      // Aborted by the test.
    }
  })();
  const roomEvents = () =>
    received.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as RoomEvent);
  const until = async (test: (events: RoomEvent[]) => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!test(roomEvents())) {
      if (Date.now() > deadline) throw new Error(`stream: ${JSON.stringify(received)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return roomEvents();
  };
  return { received, roomEvents, until, ended, stop: () => abort.abort() };
}

function command(server: RunningServer, body: unknown) {
  return fetch(new URL(ROOM_CONTROL_PATHS.command, server.url), {
    method: 'POST',
    headers: { ...bearer(server), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** An IPv4 address of this machine other than loopback, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;

describe('serve without --room', () => {
  it('answers 404 for every room control path, and prints no presenter address', async () => {
    const server = await serve({ room: false });
    expect(server.presenterSecret).toBeUndefined();
    expect(server.presenterUrl).toBeUndefined();
    for (const path of Object.values(ROOM_CONTROL_PATHS)) {
      expect((await raw(server, { path })).status).toBe(404);
      expect((await raw(server, { path, method: 'POST', body: '{}' })).status).toBe(404);
    }
  });
});

describe('serve --room: who may use the control API', () => {
  it('gives a fresh 32-byte secret and the presenter address on loopback', async () => {
    const first = await serve({ room: true });
    const second = await serve({ room: true });
    expect(first.presenterSecret).toMatch(PRESENTER_SECRET_PATTERN);
    expect(Buffer.from(first.presenterSecret ?? '', 'base64url')).toHaveLength(32);
    expect(first.presenterSecret).not.toBe(second.presenterSecret);
    expect(first.presenterUrl).toBe(
      `http://127.0.0.1:${first.port}/?presenter=${first.presenterSecret ?? ''}`,
    );
    // The presenter address opens the app itself.
    expect((await fetch(first.presenterUrl ?? '')).status).toBe(200);
  });

  it('refuses a request without the secret, or with a wrong one (403)', async () => {
    const server = await serve({ room: true });
    const secret = server.presenterSecret ?? '';
    for (const authorization of [
      undefined,
      '',
      secret,
      `Basic ${secret}`,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret}x`,
      `Bearer ${secret.toLowerCase()}`,
      'Bearer ',
    ]) {
      for (const path of Object.values(ROOM_CONTROL_PATHS)) {
        const headers: Record<string, string> =
          authorization === undefined ? {} : { Authorization: authorization };
        const answer = await raw(server, { path, headers });
        expect(answer.status, `${path} with ${String(authorization)}`).toBe(403);
        expect(answer.body).toBe('');
      }
    }
    expect(
      (await raw(server, { path: ROOM_CONTROL_PATHS.interfaces, headers: bearer(server) })).status,
    ).toBe(200);
  });

  it('refuses a Host header that is not loopback with its port (421), secret or not', async () => {
    const server = await serve({ room: true, host: '0.0.0.0' });
    const hosts = ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`];
    // The app server itself answers its LAN address; its presenter controls do not.
    if (lanAddress !== undefined) hosts.push(`${lanAddress}:${server.port}`);
    for (const host of hosts) {
      const answer = await raw(server, {
        path: ROOM_CONTROL_PATHS.interfaces,
        headers: { ...bearer(server), Host: host },
      });
      expect(answer.status, host).toBe(421);
    }
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`]) {
      const answer = await raw(server, {
        path: ROOM_CONTROL_PATHS.interfaces,
        headers: { ...bearer(server), Host: host },
      });
      expect(answer.status, host).toBe(200);
    }
  });

  it.skipIf(lanAddress === undefined)(
    'refuses a request that does not come over loopback (403), even with the secret',
    async () => {
      const server = await serve({ room: true, host: '0.0.0.0' });
      const answer = await raw(server, {
        path: ROOM_CONTROL_PATHS.interfaces,
        address: lanAddress,
        headers: { ...bearer(server), Host: `127.0.0.1:${server.port}` },
      });
      expect(answer.status).toBe(403);
      // The app's own pages still answer there.
      expect(
        (
          await raw(server, {
            path: '/',
            address: lanAddress,
            headers: { Host: `${lanAddress ?? ''}:${server.port}` },
          })
        ).status,
      ).toBe(200);
    },
  );

  it('will not run a room when the app listens only on another address', async () => {
    await expect(
      startServer({
        root: await makeRoomPageDir(),
        port: 0,
        room: true,
        host: lanAddress ?? '192.0.2.2',
      }),
    ).rejects.toThrow(/--room needs the app served on loopback/);
  });

  it('compares the secret in constant time, and knows loopback peers', () => {
    const secret = 'a'.repeat(43);
    expect(hasPresenterSecret(`Bearer ${secret}`, secret)).toBe(true);
    expect(hasPresenterSecret(`Bearer ${'b'.repeat(43)}`, secret)).toBe(false);
    expect(hasPresenterSecret('Bearer', '')).toBe(false);
    expect(hasPresenterSecret(undefined, secret)).toBe(false);
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of [undefined, '192.0.2.2', '::ffff:192.0.2.2', '10.127.0.1', '::2']) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });
});

describe('serve --room: what the control API takes', () => {
  it('refuses a body over the limit (413), not JSON or not a command (400), a wrong method (405)', async () => {
    const server = await serve({ room: true });
    const send = (body: string) =>
      raw(server, {
        path: ROOM_CONTROL_PATHS.command,
        method: 'POST',
        headers: { ...bearer(server), 'Content-Type': 'application/json' },
        body,
      });
    const big = JSON.stringify({
      type: 'open',
      address: '127.0.0.1',
      pad: 'x'.repeat(ROOM_CONTROL_BODY_BYTES),
    });
    expect((await send(big)).status).toBe(413);
    expect((await send('{"type":')).status).toBe(400);
    for (const body of [
      {},
      { type: 'open', address: 'localhost' },
      { type: 'open', address: '127.0.0.1', port: 80 },
      // A name for anonymous participants must say where their number goes.
      { type: 'open', address: '127.0.0.1', anonymousName: 'Anonyme' },
      { type: 'open', address: '127.0.0.1', anonymousName: `${'x'.repeat(40)}{{number}}` },
      // ... and be written as the room shows a name: nothing the room's cleaning would change.
      ...[
        'Anon\u0000 {{number}}',
        'Anon\u001b[2J {{number}}',
        '\u202eAnon {{number}}',
        'Anon\n{{number}}',
        'Anon\ud800 {{number}}',
        ' Anon {{number}} ',
        'Anon  {{number}}',
      ].map((anonymousName) => ({ type: 'open', address: '127.0.0.1', anonymousName })),
      { type: 'question', question: { ...POLL, kind: 'quiz' } },
      { type: 'hide-note', noteId: '../x', hidden: true },
    ]) {
      const answer = await send(JSON.stringify(body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        message: 'That is not a room command.',
      });
    }
    expect(
      (await raw(server, { path: ROOM_CONTROL_PATHS.command, headers: bearer(server) })).status,
    ).toBe(405);
    expect(
      (
        await raw(server, {
          path: ROOM_CONTROL_PATHS.events,
          method: 'POST',
          headers: bearer(server),
        })
      ).status,
    ).toBe(405);
    expect(
      (await raw(server, { path: '/room-control/secret', headers: bearer(server) })).status,
    ).toBe(404);
  });

  it('lists the interfaces, loopback first', async () => {
    const server = await serve({ room: true });
    const response = await fetch(new URL(ROOM_CONTROL_PATHS.interfaces, server.url), {
      headers: bearer(server),
    });
    const interfaces = (await response.json()) as Array<{ address: string; loopback: boolean }>;
    expect(interfaces[0]).toEqual({ address: '127.0.0.1', name: 'loopback', loopback: true });
  });
});

describe('serve --room: a presenter round', () => {
  it('opens a room, streams its events, closes it; a reconnect gets the open room first', async () => {
    const server = await serve({ room: true });
    const stream = await eventStream(server);
    await expect(
      command(server, { type: 'question', question: null }).then((r) => r.json()),
    ).resolves.toEqual({
      ok: false,
      message: 'No room is open.',
    });
    expect(await (await command(server, { type: 'open', address: '127.0.0.1' })).json()).toEqual({
      ok: true,
    });
    const [opened] = await stream.until((events) => events.some((e) => e.type === 'opened'));
    if (opened?.type !== 'opened') throw new Error('no opened event');
    expect(opened.joinUrl).toBe(`http://127.0.0.1:${opened.port}/`);
    expect(opened.port).not.toBe(server.port);

    const ada = await join(opened.joinUrl, opened.joinCode, 'Ada');
    await command(server, { type: 'question', question: POLL });
    await post(opened.joinUrl, '/api/vote', { questionId: POLL.id, optionIds: ['o1'] }, ada.token);
    await stream.until((events) =>
      events.some((e) => e.type === 'results' && e.current?.voters === 1),
    );

    // A second presenter stream (a reload) is told the open room and its latest results first.
    const again = await eventStream(server);
    const replay = await again.until((events) => events.length >= 2);
    expect(replay.map((e) => e.type)).toEqual(['opened', 'results']);
    expect(replay[1]?.type === 'results' && replay[1].current?.voters).toBe(1);
    expect(again.received.map((e) => e.event)).toEqual(['message', 'message', 'ready']);

    expect(await (await command(server, { type: 'close' })).json()).toEqual({ ok: true });
    await stream.until((events) => events.some((e) => e.type === 'closed'));
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
    stream.stop();
    again.stop();

    // After the close, a new stream hears of no room: only `ready`.
    const after = await eventStream(server);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(after.received.map((e) => e.event)).toEqual(['ready']);
    after.stop();
  });

  it("names an anonymous participant in the presenter's words, which the open command carries", async () => {
    const server = await serve({ room: true });
    const stream = await eventStream(server);
    await command(server, {
      type: 'open',
      address: '127.0.0.1',
      anonymousName: 'Anonyme {{number}}',
    });
    const [opened] = await stream.until((events) => events.some((e) => e.type === 'opened'));
    if (opened?.type !== 'opened') throw new Error('no opened event');
    const someone = await join(opened.joinUrl, opened.joinCode, '');
    await command(server, { type: 'question', question: POLL });
    await post(
      opened.joinUrl,
      '/api/vote',
      { questionId: POLL.id, optionIds: ['o1'] },
      someone.token,
    );
    const events = await stream.until((all) =>
      all.some((e) => e.type === 'results' && e.current?.voters === 1),
    );
    const results = events.findLast((e) => e.type === 'results');
    expect(results?.type === 'results' && results.current?.votes).toEqual([
      { participant: 'Anonyme 1', optionIds: ['o1'] },
    ]);
    // The participant's own page is sent their number, not the presenter's word.
    expect(someone.name).toBeNull();
    await command(server, { type: 'close' });
    stream.stop();
  });

  it('closes the room and ends the streams when the server stops (SIGINT, SIGTERM)', async () => {
    const server = await serve({ room: true });
    const stream = await eventStream(server);
    await command(server, { type: 'open', address: '127.0.0.1' });
    const [opened] = await stream.until((events) => events.some((e) => e.type === 'opened'));
    servers.splice(servers.indexOf(server), 1);
    await server.close();
    await stream.ended;
    expect(stream.roomEvents().at(-1)).toEqual({ type: 'closed', reason: 'quit' });
    expect(opened?.type === 'opened' && (await isUnreachable(opened.joinUrl))).toBe(true);
  });

  it('keeps the number of event streams bounded', async () => {
    const server = await serve({ room: true });
    const streams = await Promise.all(Array.from({ length: 8 }, () => eventStream(server)));
    const refused = await raw(server, { path: ROOM_CONTROL_PATHS.events, headers: bearer(server) });
    expect(refused.status).toBe(429);
    for (const stream of streams) stream.stop();
  });
});
