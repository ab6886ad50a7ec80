/**
 * The workshop room server (issue 17): participants' phones join with the code on the screen,
 * answer the current question and post notes; the presenter gets the results. It serves only
 * the participant page and the room API, to its own Host only, on the one address chosen.
 * Every rule here is listed with its test in SECURITY.md ("Workshop room server").
 *
 * One Node module with no Electron imports: the desktop runs it in a utilityProcess
 * (roomProcess.ts), `npm run serve -- --room` runs it in the serve script, the tests run it
 * in-process on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  joinRequestSchema,
  noteRequestSchema,
  presenterCommandSchema,
  ROOM_BATCH_MS,
  ROOM_LIMITS,
  upvoteRequestSchema,
  voteRequestSchema,
  type JoinAnswer,
  type PresenterCommand,
  type RoomEvent,
} from '../../renderer/src/core/room/protocol';
import { BatchTimer } from './batchTimer';
import {
  guardConnections,
  ROOM_IDLE_TIMEOUT_MS,
  type RoomConnectionRules,
} from './connectionGuard';
import { isJoinCode, newJoinCode, newToken, tokenHash } from './credentials';
import { EventStreams, type StateJson } from './eventStreams';
import { RollingLimiter } from './limits';
import { listRoomInterfaces } from './roomInterfaces';
import { loadRoomPage, type RoomPage } from './roomPage';
import {
  isLoopbackAddress,
  isRoomHost,
  readJsonBody,
  remoteAddress,
  ROOM_SECURITY_HEADERS,
  sendError,
  sendJson,
} from './roomHttp';
import { RoomState, type RoomLimits, type RoomRefusal } from './roomState';

/** The port a room tries first (then any free one). */
export const ROOM_DEFAULT_PORT = 4180;

export type RoomCloseReason = Extract<RoomEvent, { type: 'closed' }>['reason'];
export type { RoomConnectionRules } from './connectionGuard';

/** The connection rules of a room with `limits`, unless the options say otherwise. */
function defaultConnectionRules(limits: RoomLimits): RoomConnectionRules {
  return {
    idleTimeoutMs: ROOM_IDLE_TIMEOUT_MS,
    // Each participant an address may bring: their event streams and two requests besides (a
    // phone's browser opens at most six connections to one host in any case).
    connectionsPerAddress: limits.participantsPerAddress * (limits.streamsPerParticipant + 2),
    loopbackExempt: true,
  };
}

export interface RoomOptions {
  /** The IPv4 address to bind: one of {@link listRoomInterfaces}' addresses. */
  address: string;
  /** Defaults to {@link ROOM_DEFAULT_PORT}; a free port when that is taken. 0: a free port. */
  port?: number;
  /** False: fail when `port` is taken rather than take a free one. Default true. */
  portFallback?: boolean;
  /** The folder holding the built room.html and its assets (out/renderer). */
  pageDir: string;
  /** Smaller limits for tests; the protocol's ROOM_LIMITS otherwise. */
  limits?: Partial<RoomLimits>;
  /** Other connection rules for tests; {@link defaultConnectionRules} otherwise. */
  connections?: Partial<RoomConnectionRules>;
  /** Every event for the presenter: `opened` once, `results` batched, `closed` once. */
  onEvent(event: RoomEvent): void;
  /**
   * The name a participant who gave none has in the presenter's results (and so in the capture).
   * Their own page is sent their number instead and words it in its language.
   */
  anonymousName?: (n: number) => string;
}

export interface RunningRoom {
  /** `http://<address>:<port>/`: what participants type (the QR code adds `#code=`). */
  joinUrl: string;
  joinCode: string;
  address: string;
  port: number;
  /** Applies a presenter command (validated again here); throws when it cannot. */
  command(command: PresenterCommand): void;
  /** Ends every participant's stream, stops the server; idempotent. */
  close(reason?: RoomCloseReason): Promise<void>;
}

/** Statuses for the room's refusals of an answer. */
const REFUSAL_STATUS: Record<RoomRefusal, number> = {
  'question-moved': 409,
  'question-closed': 409,
  'wrong-kind': 409,
  'note-limit': 409,
  'question-full': 409,
  'bad-vote': 400,
  'empty-text': 400,
  'unknown-note': 404,
};

const ACTION_WINDOW_MS = 10_000;
const WRONG_CODE_WINDOW_MS = 60_000;

/** The request path without its query. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?', 1)[0] ?? '/';
}

function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** EventSource cannot send headers, so the stream takes the token in its query. */
function queryToken(req: IncomingMessage): string | null {
  const query = (req.url ?? '').split('?')[1] ?? '';
  const token = new URLSearchParams(query).get('token');
  return token !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/** Opens a room. Resolves once it listens, after sending the presenter `opened`. */
export async function startRoom(options: RoomOptions): Promise<RunningRoom> {
  const limits: RoomLimits = { ...ROOM_LIMITS, ...options.limits };
  const rules: RoomConnectionRules = { ...defaultConnectionRules(limits), ...options.connections };
  /** True when the per-address limits apply to a peer. */
  const isLimited = (address: string): boolean =>
    !(rules.loopbackExempt && isLoopbackAddress(address));
  if (!listRoomInterfaces().some((candidate) => candidate.address === options.address)) {
    throw new Error(`${options.address} is not an IPv4 address of this computer.`);
  }
  const page = await loadRoomPage(options.pageDir);
  const joinCode = newJoinCode();
  const tokens = new Map<string, string>(); // token hash → participant id
  const joinsFrom = new Map<string, number>(); // remote address → participants who joined
  const actions = new RollingLimiter(limits.actionsPer10s, ACTION_WINDOW_MS);
  const wrongCodes = new RollingLimiter(limits.wrongCodesPerMinute, WRONG_CODE_WINDOW_MS);
  // Half the idle timeout: a live stream is never idle long enough to be closed.
  const streams = new EventStreams(rules.idleTimeoutMs / 2);
  let lastResults = '';
  let closed = false;

  /** A participant's state as the streams send it; `shared` is serialised once per batch. */
  const stateJson = (participantId: string, shared: string): StateJson => ({
    shared,
    own: JSON.stringify(state.ownState(participantId)),
  });

  const flush = (): void => {
    const shared = JSON.stringify(state.sharedState());
    for (const participantId of streams.listeners()) {
      streams.sendState(participantId, stateJson(participantId, shared));
    }
    const results = state.results();
    const json = JSON.stringify(results);
    if (json !== lastResults) {
      lastResults = json;
      options.onEvent({ type: 'results', ...results });
    }
  };
  const batch = new BatchTimer(ROOM_BATCH_MS, flush);
  const state = new RoomState(limits, options.anonymousName ?? ((n) => `Anonymous ${n}`), () =>
    batch.markChanged(),
  );
  const pruning = setInterval(() => {
    actions.prune(Date.now());
    wrongCodes.prune(Date.now());
  }, WRONG_CODE_WINDOW_MS);
  pruning.unref();

  /** The participant a request's token names, or null after answering 401. */
  const authenticate = (token: string | null, res: ServerResponse): string | null => {
    const participantId = token === null ? undefined : tokens.get(tokenHash(token));
    if (participantId === undefined) {
      sendError(res, 401, 'unauthorized');
      return null;
    }
    return participantId;
  };

  /** Takes one of the participant's actions, or answers 429 and returns false. */
  const takeAction = (participantId: string, res: ServerResponse): boolean => {
    if (actions.take(participantId, Date.now())) return true;
    sendError(res, 429, 'too-many-actions', { 'Retry-After': '10' });
    return false;
  };

  /** Reads and validates a JSON body, or answers 413/415/400 and returns null. */
  const body = async <T>(
    req: IncomingMessage,
    res: ServerResponse,
    schema: z.ZodType<T>,
  ): Promise<T | null> => {
    const read = await readJsonBody(req, limits.bodyBytes);
    if (!read.ok) {
      // The connection may still hold unread bytes of a refused body: do not reuse it.
      res.setHeader('Connection', 'close');
      sendError(res, read.status, read.error);
      return null;
    }
    const parsed = schema.safeParse(read.value);
    if (!parsed.success) {
      sendError(res, 400, 'bad-request');
      return null;
    }
    return parsed.data;
  };

  const join = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const from = remoteAddress(req);
    const request = await body(req, res, joinRequestSchema);
    if (request === null) return;
    // Checked only now, with nothing awaited between the check and the record: checked before
    // the body, requests sent together (headers first, bodies after) would all pass the check
    // before the first wrong code was recorded, and an address could try far more codes.
    if (wrongCodes.isOver(from, Date.now())) {
      sendError(res, 429, 'too-many-codes', { 'Retry-After': '60' });
      return;
    }
    if (!isJoinCode(request.code, joinCode)) {
      wrongCodes.record(from, Date.now());
      sendError(res, 403, 'wrong-code');
      return;
    }
    // Checked after the code, so that an address without it learns nothing; recorded with
    // nothing awaited in between, so joins sent together cannot all pass the check.
    const joined = joinsFrom.get(from) ?? 0;
    if (isLimited(from) && joined >= limits.participantsPerAddress) {
      sendError(res, 429, 'too-many-from-here');
      return;
    }
    const participant = state.join(request.name);
    if (participant === null) {
      sendError(res, 503, 'room-full');
      return;
    }
    if (isLimited(from)) joinsFrom.set(from, joined + 1);
    const token = newToken();
    tokens.set(tokenHash(token), participant.id);
    // An anonymous participant's page words "Anonymous 12" itself, in its own language.
    const answer: JoinAnswer = {
      token,
      name: participant.anonymous ? null : participant.shownName,
      number: participant.number,
    };
    sendJson(res, 200, answer);
  };

  /** A vote, note or upvote: token, rate, body, then the room's own rules. */
  const action = async <T>(
    req: IncomingMessage,
    res: ServerResponse,
    schema: z.ZodType<T>,
    apply: (participantId: string, request: T) => ReturnType<RoomState['vote']>,
  ): Promise<void> => {
    const participantId = authenticate(bearerToken(req), res);
    if (participantId === null || !takeAction(participantId, res)) return;
    const request = await body(req, res, schema);
    if (request === null) return;
    const outcome = apply(participantId, request);
    if (outcome.ok) sendJson(res, 204);
    else sendError(res, REFUSAL_STATUS[outcome.refusal], outcome.refusal);
  };

  const events = (req: IncomingMessage, res: ServerResponse): void => {
    const participantId = authenticate(queryToken(req), res);
    if (participantId === null) return;
    if (streams.count(participantId) >= limits.streamsPerParticipant) {
      sendError(res, 429, 'too-many-streams');
      return;
    }
    streams.open(participantId, res, stateJson(participantId, JSON.stringify(state.sharedState())));
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const routes: Record<string, { method: 'GET' | 'POST'; run: () => unknown }> = {
      '/api/join': { method: 'POST', run: () => join(req, res) },
      '/api/events': { method: 'GET', run: () => events(req, res) },
      '/api/state': {
        method: 'GET',
        run: () => {
          // Building a state costs what a batch costs one participant (all the visible notes,
          // sorted): it counts as an action, so a participant cannot ask for it without end.
          const participantId = authenticate(bearerToken(req), res);
          if (participantId === null || !takeAction(participantId, res)) return;
          sendJson(res, 200, state.participantState(participantId));
        },
      },
      '/api/vote': {
        method: 'POST',
        run: () => action(req, res, voteRequestSchema, (id, r) => state.vote(id, r)),
      },
      '/api/note': {
        method: 'POST',
        run: () => action(req, res, noteRequestSchema, (id, r) => state.note(id, r)),
      },
      '/api/upvote': {
        method: 'POST',
        run: () => action(req, res, upvoteRequestSchema, (id, r) => state.upvote(id, r)),
      },
    };
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route === undefined) {
      sendError(res, 404, 'not-found');
    } else if (req.method !== route.method) {
      sendError(res, 405, 'method-not-allowed', { Allow: route.method });
    } else {
      await route.run();
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isRoomHost(req.headers.host, options.address, listening.port)) {
      res.writeHead(421, { ...ROOM_SECURITY_HEADERS, 'Content-Length': '0' });
      res.end();
      return;
    }
    const path = pathOf(req);
    if (path.startsWith('/api/')) {
      await api(req, res, path);
      return;
    }
    servePage(page, req, res, path);
  };

  // Known once listening (port 0 or a taken default picks another); no request comes before.
  const listening = { port: 0 };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Nothing about the request is logged: its URL or headers may hold a token.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(500, { ...ROOM_SECURITY_HEADERS, 'Content-Length': '0' });
      res.end();
    });
  });
  // Slow or half-sent requests must not hold connections open (a phone that walked away).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.maxConnections = limits.participants * (limits.streamsPerParticipant + 2) + 64;
  // Nor may connections that never send a request, or too many from one device.
  guardConnections(server, rules);

  /** Stops everything that runs on a clock: the batch, the pruning, the heartbeat. */
  const stopTimers = (): void => {
    batch.stop();
    clearInterval(pruning);
    streams.closeAll();
  };
  try {
    listening.port = await listen(server, options.address, options.port, options.portFallback);
  } catch (error) {
    // Nothing of a room that never opened may outlive it: its intervals hold the whole room.
    stopTimers();
    throw error;
  }
  const port = listening.port;
  const joinUrl = `http://${options.address}:${port}/`;

  const close = async (reason: RoomCloseReason = 'closed', message?: string): Promise<void> => {
    if (closed) return;
    closed = true;
    stopTimers();
    const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    server.closeAllConnections();
    await stopped;
    options.onEvent({ type: 'closed', reason, ...(message === undefined ? {} : { message }) });
  };
  server.on('error', (error) => void close('failed', error.message));

  options.onEvent({ type: 'opened', joinUrl, joinCode, address: options.address, port });
  batch.markChanged();

  return {
    joinUrl,
    joinCode,
    address: options.address,
    port,
    command(command: PresenterCommand): void {
      const parsed = presenterCommandSchema.safeParse(command);
      if (!parsed.success) throw new Error('The room does not understand that command.');
      if (closed) throw new Error('The room is closed.');
      const valid = parsed.data;
      switch (valid.type) {
        case 'open':
          throw new Error('The room is already open.');
        case 'question':
          state.setQuestion(valid.question);
          return;
        case 'close-question':
          state.closeQuestion();
          return;
        case 'hide-note':
          if (!state.hideNote(valid.noteId, valid.hidden)) throw new Error('No such note.');
          return;
        case 'close':
          void close('closed');
          return;
      }
    },
    close: (reason) => close(reason),
  };
}

/** Listens on `port` of `address`; when the port is taken, on any free one (if `fallback`). */
async function listen(
  server: Server,
  address: string,
  port = ROOM_DEFAULT_PORT,
  fallback = true,
): Promise<number> {
  const attempt = (candidate: number) =>
    new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(candidate, address, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  try {
    await attempt(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || !fallback) {
      throw error;
    }
    await attempt(0);
  }
  return (server.address() as AddressInfo).port;
}

/** The page at `/` and its assets; 404 for everything else, whatever exists on disk. */
function servePage(page: RoomPage, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...ROOM_SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Length': '0' });
    res.end();
    return;
  }
  if (path === '/favicon.ico') {
    // Browsers ask for it by themselves; the page has none, and a 404 is a console error.
    res.writeHead(204, { ...ROOM_SECURITY_HEADERS, 'Cache-Control': 'public, max-age=86400' });
    res.end();
    return;
  }
  const file = page.get(path);
  if (file === undefined) {
    const text = 'Not found\n';
    res.writeHead(404, {
      ...ROOM_SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  res.writeHead(200, {
    ...ROOM_SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.length),
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
