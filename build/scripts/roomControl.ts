/**
 * The room control API of `npm run serve -- --room` (issue 17): how the browser edition's
 * presenter page drives the workshop room, which runs in the serve process itself through the
 * same PresenterSession as the desktop's room process. Paths and wire format:
 * renderer/src/core/room/roomControlApi.ts.
 *
 * Only the presenter may use it, and only from this computer. Every request must
 *   1. come over a loopback socket (403 otherwise),
 *   2. name a loopback host with the server's port in its Host header (421 otherwise), and
 *   3. carry `Authorization: Bearer <presenter secret>`, compared in constant time (403).
 * A command body is at most ROOM_CONTROL_BODY_BYTES (413) of JSON (400) that passes the
 * protocol's presenterCommandSchema (400). The event stream is limited to a few connections.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { presenterCommandSchema, type RoomEvent } from '../../renderer/src/core/room/protocol';
import {
  ROOM_CONTROL_BODY_BYTES,
  ROOM_CONTROL_PATHS,
  ROOM_CONTROL_READY_EVENT,
} from '../../renderer/src/core/room/roomControlApi';
import { isLoopbackAddress, listRoomInterfaces } from '../../electron/room';
import { PresenterSession } from '../../electron/room/presenterSession';

/** Event streams open at once: a presenter tab or two, reconnects; not a flood. */
const MAX_EVENT_STREAMS = 8;
/** A comment line this often keeps idle streams from being cut by anything in between. */
const KEEP_ALIVE_MS = 15_000;

export interface RoomControlOptions {
  /** The built renderer folder, with room.html and its assets. */
  pageDir: string;
  /** The room's port (0: a free one); the room module's default when unset. */
  roomPort?: number;
  /** Headers every answer carries (the serve script's security headers). */
  headers: Readonly<Record<string, string>>;
  /** True when a Host header names loopback with the serve script's own port. */
  isLoopbackHost(hostHeader: string | undefined): boolean;
}

export interface RoomControl {
  /** 32 random bytes, base64url: what the presenter address carries. */
  readonly secret: string;
  /** Answers one request whose path starts with /room-control/. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** Closes the room (participants are told) and ends the event streams. */
  close(): Promise<void>;
}

/** A new presenter secret. */
export function newPresenterSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a request's Authorization header with `Bearer <secret>` in constant time. */
export function hasPresenterSecret(header: string | undefined, secret: string): boolean {
  const given = /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? '';
  // Hashing first gives both sides one length, so neither the length nor the bytes leak.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret)) && given !== '';
}

export function createRoomControl(options: RoomControlOptions): RoomControl {
  const secret = newPresenterSecret();
  const streams = new Set<ServerResponse>();
  /** What a stream that (re)connects is told first: the open room and its latest results. */
  let opened: RoomEvent | null = null;
  let results: RoomEvent | null = null;

  const broadcast = (event: RoomEvent): void => {
    if (event.type === 'opened') [opened, results] = [event, null];
    else if (event.type === 'results') results = event;
    else [opened, results] = [null, null];
    for (const stream of streams) writeEvent(stream, event);
  };
  const session = new PresenterSession({
    pageDir: options.pageDir,
    ...(options.roomPort === undefined ? {} : { port: options.roomPort }),
    onEvent: broadcast,
  });

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      ...options.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-store',
    });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, allow?: string): void => {
    res.writeHead(status, {
      ...options.headers,
      'Content-Length': '0',
      'Cache-Control': 'no-store',
      ...(allow === undefined ? {} : { Allow: allow }),
    });
    res.end();
  };

  const openStream = (res: ServerResponse): void => {
    if (streams.size >= MAX_EVENT_STREAMS) {
      refuse(res, 429);
      return;
    }
    res.writeHead(200, {
      ...options.headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // A stream is never followed by another request: its connection ends with it.
      Connection: 'close',
    });
    streams.add(res);
    for (const event of [opened, results]) if (event !== null) writeEvent(res, event);
    res.write(`event: ${ROOM_CONTROL_READY_EVENT}\ndata: {}\n\n`);
    const keepAlive = setInterval(() => {
      // close() ends the stream before its 'close' event clears this: a write after the end
      // would be an 'error' event nobody listens for, which ends the serve script.
      if (!res.writableEnded) res.write(': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    // The response closes when the presenter's page goes away, or when it is ended here.
    res.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
    });
  };

  const command = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, ROOM_CONTROL_BODY_BYTES);
    if (body === null) {
      // The rest of an oversized body is thrown away unread, and the connection not reused.
      res.setHeader('Connection', 'close');
      req.resume();
      refuse(res, 413);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      answer(res, 400, { ok: false, message: 'The body is not JSON.' });
      return;
    }
    if (!presenterCommandSchema.safeParse(parsed).success) {
      answer(res, 400, { ok: false, message: 'That is not a room command.' });
      return;
    }
    answer(res, 200, await session.handle(parsed));
  };

  return {
    secret,
    async handle(req, res, path) {
      if (!isLoopbackAddress(req.socket.remoteAddress)) return refuse(res, 403);
      if (!options.isLoopbackHost(req.headers.host)) return refuse(res, 421);
      if (!hasPresenterSecret(req.headers.authorization, secret)) return refuse(res, 403);
      const route = `${req.method ?? ''} ${path}`;
      if (route === `GET ${ROOM_CONTROL_PATHS.interfaces}`) {
        return answer(res, 200, listRoomInterfaces());
      }
      if (route === `POST ${ROOM_CONTROL_PATHS.command}`) return command(req, res);
      if (route === `GET ${ROOM_CONTROL_PATHS.events}`) return openStream(res);
      if (!Object.values(ROOM_CONTROL_PATHS).some((known) => known === path)) {
        return refuse(res, 404);
      }
      return refuse(res, 405, path === ROOM_CONTROL_PATHS.command ? 'POST' : 'GET');
    },
    async close() {
      await session.stop('quit');
      // Sent in full (the 'closed' above included) before the server stops taking connections.
      await Promise.all(
        [...streams].map((stream) => new Promise((resolve) => stream.end(resolve))),
      );
      streams.clear();
    },
  };
}

function writeEvent(res: ServerResponse, event: RoomEvent): void {
  // JSON has no raw line breaks, so one `data:` line carries the whole event.
  res.write(`data: ${JSON.stringify(event)}\n\n`);
}

/** The request body as text, or null (too large) as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
