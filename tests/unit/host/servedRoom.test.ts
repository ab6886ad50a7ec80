/**
 * The browser edition's RoomHost (host/servedRoom.ts): how it takes the presenter secret out of
 * the address, and the presenter's round against the real `serve --room` server and room module,
 * with Node's fetch standing in for the page's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../build/scripts/serve';
import {
  ROOM_RESULTS_EVENT_MAX_CHARS,
  type RoomEvent,
} from '../../../renderer/src/core/room/protocol';
import {
  ROOM_CONTROL_PATHS,
  ROOM_CONTROL_READY_EVENT,
} from '../../../renderer/src/core/room/roomControlApi';
import {
  PRESENTER_SECRET_KEY,
  createServedRoom,
  takePresenterSecret,
  type ServedRoomWindow,
} from '../../../renderer/src/host/servedRoom';
import { makeRoomPageDir } from '../electron/roomChild';
import { POLL, join, post } from '../electron/roomParticipant';
import { MapStorage } from './MapStorage';

const SECRET = 'Abc-_0123456789abcdefghijklmnopqrstuvwxyzAB';

/** A tab on `href`: its address bar, history and sessionStorage, and Node's fetch. */
function tab(href: string, sessionStorage: ServedRoomWindow['sessionStorage'] = new MapStorage()) {
  const addressBar: string[] = [];
  const location = { href };
  const win: ServedRoomWindow = {
    location,
    history: {
      state: { route: 'kept' },
      replaceState(state: unknown, _unused: string, url?: string | URL | null) {
        expect(state).toEqual({ route: 'kept' });
        location.href = new URL(String(url), location.href).href;
        addressBar.push(location.href);
      },
    },
    sessionStorage,
    fetch: (input, init) => fetch(input, init),
  };
  return { win, addressBar, sessionStorage };
}

describe('the presenter secret in the address', () => {
  it('is kept in the tab and taken out of the address bar, the rest of the address kept', () => {
    const { win, addressBar, sessionStorage } = tab(
      `http://127.0.0.1:4173/?presenter=${SECRET}&lang=en#/workshops/w/presenter`,
    );
    expect(takePresenterSecret(win)).toBe(SECRET);
    expect(addressBar).toEqual(['http://127.0.0.1:4173/?lang=en#/workshops/w/presenter']);
    expect(sessionStorage.getItem(PRESENTER_SECRET_KEY)).toBe(SECRET);
    // A reload (or a presenter tab opened from this one, which copies sessionStorage) finds it.
    const reloaded = tab('http://127.0.0.1:4173/#/workshops', sessionStorage);
    expect(takePresenterSecret(reloaded.win)).toBe(SECRET);
    expect(reloaded.addressBar).toEqual([]);
  });

  it('ignores a malformed secret, but takes it out of the address all the same', () => {
    const { win, addressBar, sessionStorage } = tab('http://127.0.0.1:4173/?presenter=<script>#/');
    expect(takePresenterSecret(win)).toBeNull();
    expect(addressBar).toEqual(['http://127.0.0.1:4173/#/']);
    expect(sessionStorage.getItem(PRESENTER_SECRET_KEY)).toBeNull();
  });

  it('still serves the page when the browser refuses storage', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    const { win } = tab(`http://127.0.0.1:4173/?presenter=${SECRET}`, refusing);
    expect(takePresenterSecret(win)).toBe(SECRET);
  });

  it('without a secret, the room is unavailable: not served', async () => {
    const room = createServedRoom(tab('http://127.0.0.1:4173/#/workshops').win);
    expect(room.available).toEqual({ unavailableReason: 'notServed' });
    await expect(room.interfaces()).rejects.toThrow();
    await expect(room.send({ type: 'open', address: '127.0.0.1' })).rejects.toThrow();
    expect(room.subscribe(() => undefined)).toBeTypeOf('function');
  });
});

async function eventually<T>(find: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('it did not happen');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a control stream it cannot read', () => {
  it('is cancelled, so the server sees it close, and followed by a new one', async () => {
    const opened: RoomEvent = {
      type: 'opened',
      joinUrl: 'http://127.0.0.1:4180/',
      joinCode: '123456',
      address: '127.0.0.1',
      port: 4180,
    };
    // What each connection is sent: an event that is not JSON, one too large, then a good one.
    const streams = [
      'data: {"type":"opened",\n\n',
      `data: ${'x'.repeat(ROOM_RESULTS_EVENT_MAX_CHARS + 10)}`,
      `data: ${JSON.stringify(opened)}\n\nevent: ${ROOM_CONTROL_READY_EVENT}\ndata: {}\n\n`,
    ];
    const closed: number[] = [];
    let connections = 0;
    const server = createServer((req, res) => {
      if (req.url !== ROOM_CONTROL_PATHS.events || connections >= streams.length) {
        res.writeHead(404).end();
        return;
      }
      const n = connections;
      connections += 1;
      res.on('close', () => closed.push(n));
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(streams[n]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const room = createServedRoom(tab(`http://127.0.0.1:${port}/?presenter=${SECRET}`).win);
      const events: RoomEvent[] = [];
      const stop = room.subscribe((event) => events.push(event));
      await eventually(() => events.find((event) => event.type === 'opened'));
      await eventually(() => (closed.includes(0) && closed.includes(1) ? true : undefined));
      expect(connections).toBe(3);
      expect(closed).not.toContain(2);
      expect(events).toEqual([opened]);
      stop();
      await eventually(() => (closed.includes(2) ? true : undefined));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the served room against serve --room', () => {
  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  async function serveRoom(): Promise<RunningServer> {
    const server = await startServer({
      root: await makeRoomPageDir(),
      port: 0,
      roomPort: 0,
      room: true,
    });
    servers.push(server);
    return server;
  }

  it('lists interfaces, opens a room, hears its results and closes it', async () => {
    const server = await serveRoom();
    const room = createServedRoom(tab(server.presenterUrl ?? '').win);
    expect(room.available).toBe(true);
    expect((await room.interfaces())[0]).toMatchObject({ address: '127.0.0.1', loopback: true });

    const events: RoomEvent[] = [];
    const stop = room.subscribe((event) => events.push(event));
    await room.send({ type: 'open', address: '127.0.0.1' });
    const opened = await eventually(() => events.find((e) => e.type === 'opened'));
    if (opened.type !== 'opened') throw new Error('not opened');
    const ada = await join(opened.joinUrl, opened.joinCode, '');
    await room.send({ type: 'question', question: POLL });
    await post(opened.joinUrl, '/api/vote', { questionId: POLL.id, optionIds: ['o2'] }, ada.token);
    const results = await eventually(() =>
      events.find((e) => e.type === 'results' && e.current?.voters === 1),
    );
    expect(results.type === 'results' && results.current?.tallies).toContainEqual({
      optionId: 'o2',
      count: 1,
    });
    await expect(room.send({ type: 'open', address: '192.0.2.1' })).rejects.toThrow('192.0.2.1');
    await room.send({ type: 'close' });
    await eventually(() => events.find((e) => e.type === 'closed'));
    stop();
  });

  it('tells the presenter the room is gone when the serve script stops', async () => {
    const server = await serveRoom();
    const room = createServedRoom(tab(server.presenterUrl ?? '').win);
    const events: RoomEvent[] = [];
    const stop = room.subscribe((event) => events.push(event));
    await room.send({ type: 'open', address: '127.0.0.1' });
    await eventually(() => events.find((e) => e.type === 'opened'));
    servers.splice(0);
    await server.close();
    const closed = await eventually(() => events.find((e) => e.type === 'closed'));
    expect(['quit', 'failed']).toContain(closed.type === 'closed' && closed.reason);
    stop();
  });

  it('is refused with the secret of another serve run', async () => {
    const server = await serveRoom();
    const url = new URL(server.presenterUrl ?? '');
    url.searchParams.set('presenter', SECRET);
    const room = createServedRoom(tab(url.href).win);
    expect(room.available).toBe(true);
    await expect(room.interfaces()).rejects.toThrow('403');
    await expect(room.send({ type: 'open', address: '127.0.0.1' })).rejects.toThrow('403');
  });
});
