/**
 * Test support for the room server: a tiny participant page written to a temporary folder (so
 * the unit tests need no renderer build), a room on 127.0.0.1 with a free port, and plain
 * node:http requests (fetch may not set a Host header, and the tests need to send wrong ones).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach } from 'vitest';
import { startRoom, type RoomOptions, type RunningRoom } from '../../../electron/room';
import type {
  ParticipantState,
  RoomEvent,
  RoomQuestion,
} from '../../../renderer/src/core/room/protocol';

/** A build folder in miniature: the room page, its assets, and files it must never serve. */
export function writeFixturePage(): string {
  const dir = mkdtempSync(joinPath(tmpdir(), 'room-page-'));
  mkdirSync(joinPath(dir, 'assets'));
  mkdirSync(joinPath(dir, 'data'));
  writeFileSync(
    joinPath(dir, 'room.html'),
    '<!doctype html><html lang="en"><head><link rel="icon" href="data:,">' +
      '<link rel="stylesheet" crossorigin href="./assets/room-abc.css">' +
      '<script type="module" crossorigin src="./assets/room-abc.js"></script></head>' +
      '<body><main><h1>Room</h1></main></body></html>',
  );
  writeFileSync(joinPath(dir, 'assets', 'room-abc.js'), 'import{x}from"./shared-def.js";x();');
  writeFileSync(joinPath(dir, 'assets', 'shared-def.js'), 'export const x=()=>1;');
  writeFileSync(joinPath(dir, 'assets', 'room-abc.css'), 'main{background:url(./dot-123.svg)}');
  writeFileSync(
    joinPath(dir, 'assets', 'dot-123.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  // Everything below exists on disk and must stay unreachable.
  writeFileSync(joinPath(dir, 'index.html'), '<!doctype html><title>The app</title>');
  writeFileSync(joinPath(dir, 'assets', 'index-app.js'), 'console.log("app")');
  writeFileSync(joinPath(dir, 'assets', 'room-abc.js.map'), '{"sources":["secret.ts"]}');
  writeFileSync(joinPath(dir, '.env'), 'SECRET=1');
  writeFileSync(joinPath(dir, 'data', 'content.json'), '{"documents":[]}');
  return dir;
}

export interface TestRoom {
  room: RunningRoom;
  events: RoomEvent[];
  /** `127.0.0.1:<port>`, the Host header the room answers to. */
  host: string;
}

const opened: RunningRoom[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((room) => room.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Opens a room on 127.0.0.1 with a free port; it is closed after the test. */
export async function openTestRoom(
  options: Partial<Omit<RoomOptions, 'onEvent'>> = {},
): Promise<TestRoom> {
  const pageDir = options.pageDir ?? writeFixturePage();
  if (options.pageDir === undefined) folders.push(pageDir);
  const events: RoomEvent[] = [];
  const room = await startRoom({
    address: '127.0.0.1',
    port: 0,
    ...options,
    pageDir,
    onEvent: (event) => events.push(event),
  });
  opened.push(room);
  return { room, events, host: `127.0.0.1:${room.port}` };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request to the room, with its Host header unless the test sets its own. */
export function send(room: TestRoom, path: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolveAnswer, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: room.room.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: room.host, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolveAnswer({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A JSON POST, with the participant's token when given. */
export function post(
  room: TestRoom,
  path: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(room, path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** Joins with the room's code; returns the token. */
export async function join(room: TestRoom, name = ''): Promise<string> {
  const answer = await post(room, '/api/join', { code: room.room.joinCode, name });
  if (answer.status !== 200) throw new Error(`join answered ${answer.status}: ${answer.text}`);
  return (answer.json as { token: string }).token;
}

/** A participant's state as GET /api/state answers it. */
export async function stateOf(room: TestRoom, token: string): Promise<ParticipantState> {
  const answer = await send(room, '/api/state', { headers: { Authorization: `Bearer ${token}` } });
  if (answer.status !== 200) throw new Error(`state answered ${answer.status}`);
  return answer.json as ParticipantState;
}

export const poll: RoomQuestion = {
  id: 'b1-poll',
  kind: 'poll',
  prompt: 'Which service first?',
  options: [
    { id: 'o1', label: 'Permits' },
    { id: 'o2', label: 'Taxes' },
    { id: 'o3', label: 'Recreation' },
  ],
  dots: 1,
};

export const dotVote: RoomQuestion = { ...poll, id: 'b1-dots', kind: 'dot-vote', dots: 3 };

export const notes: RoomQuestion = {
  id: 'b2-notes',
  kind: 'notes',
  prompt: 'What worries you?',
  options: [],
  dots: 0,
};

export const qa: RoomQuestion = { ...notes, id: 'b3-qa', kind: 'qa', prompt: 'Questions?' };

/** A participant's event stream, parsed as it arrives. */
export interface TestStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every event received so far, in order. */
  received: Array<{ event: string; data: string }>;
  /** Raw text received so far (heartbeat comments included). */
  raw(): string;
  /** Resolves with the first received event (from `from` on) that matches, or rejects. */
  waitFor(
    match: (event: { event: string; data: string }) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<{ event: string; data: string }>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openStream(room: TestRoom, token: string | null): Promise<TestStream> {
  const path = token === null ? '/api/events' : `/api/events?token=${encodeURIComponent(token)}`;
  return new Promise((resolveStream, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: room.room.port,
        path,
        headers: { Host: room.host, Accept: 'text/event-stream' },
        agent: false,
      },
      (res) => {
        let text = '';
        let parsedUpTo = 0;
        const received: Array<{ event: string; data: string }> = [];
        const waiters = new Set<() => void>();
        let endedResolve: () => void = () => undefined;
        const ended = new Promise<void>((resolveEnded) => (endedResolve = resolveEnded));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          let boundary = text.indexOf('\n\n', parsedUpTo);
          while (boundary !== -1) {
            const block = text.slice(parsedUpTo, boundary);
            parsedUpTo = boundary + 2;
            const lines = block.split('\n');
            const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
            const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
            if (event !== undefined) received.push({ event, data: data ?? '' });
            boundary = text.indexOf('\n\n', parsedUpTo);
          }
          for (const wake of waiters) wake();
        });
        res.on('end', () => endedResolve());
        res.on('close', () => endedResolve());
        resolveStream({
          status: res.statusCode ?? 0,
          headers: res.headers,
          received,
          raw: () => text,
          ended,
          close: () => req.destroy(),
          waitFor: (match, timeoutMs = 2000, from = 0) =>
            new Promise((resolveEvent, rejectEvent) => {
              const check = (): boolean => {
                const found = received.slice(from).find(match);
                if (found === undefined) return false;
                waiters.delete(wake);
                clearTimeout(timer);
                resolveEvent(found);
                return true;
              };
              const wake = (): void => void check();
              const timer = setTimeout(() => {
                waiters.delete(wake);
                rejectEvent(new Error(`no matching event within ${timeoutMs} ms`));
              }, timeoutMs);
              waiters.add(wake);
              check();
            }),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const sleep = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** Waits for a condition on the presenter's events, polling the array. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
  }
}
