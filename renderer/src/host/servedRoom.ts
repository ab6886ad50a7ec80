/**
 * The workshop room in the browser edition: the loopback control API of
 * `npm run serve -- --room` (core/room/roomControlApi.ts), authenticated with the presenter
 * secret the serve script printed in the presenter address.
 *
 * The secret is read from the address (`?presenter=`) once, when the host is made, kept in this
 * tab's sessionStorage (a presenter tab the app opens from it inherits a copy) and removed from
 * the address bar at once, so that it is not bookmarked, shared or shown on a projector. Every
 * request sends it in a header, the event stream too (read with fetch, since EventSource cannot
 * send headers). Without a secret the room is unavailable: nothing could listen for participants.
 */
import {
  isRoomEvent,
  ROOM_RESULTS_EVENT_MAX_CHARS,
  type PresenterCommand,
  type RoomCommandAnswer,
  type RoomEvent,
  type RoomInterface,
} from '../core/room/protocol';
import {
  PRESENTER_SECRET_PARAMETER,
  PRESENTER_SECRET_PATTERN,
  ROOM_CONTROL_PATHS,
  ROOM_CONTROL_READY_EVENT,
} from '../core/room/roomControlApi';
import type { RoomAvailability, RoomHost } from '../core/room/roomHost';
import { ServerSentEventReader } from './serverSentEvents';

/** Where this tab keeps the presenter secret. */
export const PRESENTER_SECRET_KEY = 'onmuni-room-presenter';

/** Waits before reconnecting the event stream: first this, doubling up to the most. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MOST_MS = 8_000;

/** What the served room uses of the page's window (a plain object in Node tests). */
export interface ServedRoomWindow {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/**
 * Takes the presenter secret out of the address, if it is there, and returns the tab's secret
 * (the one just read, or one kept earlier), or null.
 */
export function takePresenterSecret(win: ServedRoomWindow): string | null {
  const url = new URL(win.location.href);
  const given = url.searchParams.get(PRESENTER_SECRET_PARAMETER);
  if (given !== null) {
    url.searchParams.delete(PRESENTER_SECRET_PARAMETER);
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  const fresh = given !== null && PRESENTER_SECRET_PATTERN.test(given) ? given : null;
  try {
    if (fresh !== null) win.sessionStorage.setItem(PRESENTER_SECRET_KEY, fresh);
    const kept = win.sessionStorage.getItem(PRESENTER_SECRET_KEY);
    return kept !== null && PRESENTER_SECRET_PATTERN.test(kept) ? kept : fresh;
  } catch {
    // Storage refused (a privacy setting): the secret still serves this page until it reloads.
    return fresh;
  }
}

/** The browser edition's RoomHost; unavailable unless this tab knows a presenter secret. */
export function createServedRoom(win: ServedRoomWindow): RoomHost {
  const secret = takePresenterSecret(win);
  return secret === null ? new UnservedRoom() : new ServedRoom(win, secret);
}

class UnservedRoom implements RoomHost {
  readonly available: RoomAvailability = { unavailableReason: 'notServed' };

  interfaces(): Promise<RoomInterface[]> {
    return Promise.reject(new Error('No room can be opened here.'));
  }

  send(): Promise<void> {
    return Promise.reject(new Error('No room can be opened here.'));
  }

  subscribe(): () => void {
    return () => undefined;
  }
}

class ServedRoom implements RoomHost {
  readonly available: RoomAvailability = true;
  private readonly listeners = new Set<(event: RoomEvent) => void>();
  private stream: AbortController | null = null;
  /** Whether the presenter was last told that a room is open. */
  private roomOpen = false;

  constructor(
    private readonly win: ServedRoomWindow,
    private readonly secret: string,
  ) {}

  async interfaces(): Promise<RoomInterface[]> {
    const response = await this.request(ROOM_CONTROL_PATHS.interfaces);
    const list = (await response.json()) as unknown;
    if (!Array.isArray(list)) throw new Error('The room sent no list of interfaces.');
    return list as RoomInterface[];
  }

  async send(command: PresenterCommand): Promise<void> {
    const response = await this.request(ROOM_CONTROL_PATHS.command, {
      method: 'POST',
      body: JSON.stringify(command),
    });
    const answer = (await response.json()) as RoomCommandAnswer;
    if (!answer.ok) throw new Error(answer.message);
  }

  subscribe(listener: (event: RoomEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.stream === null) {
      const stream = new AbortController();
      this.stream = stream;
      void this.follow(stream.signal);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stream?.abort();
        this.stream = null;
      }
    };
  }

  private url(path: string): string {
    return new URL(path, this.win.location.href).href;
  }

  private async request(
    path: string,
    init: { method?: 'POST'; body?: string } = {},
  ): Promise<Response> {
    const response = await this.win.fetch(this.url(path), {
      ...init,
      cache: 'no-store',
      headers: {
        Authorization: `Bearer ${this.secret}`,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
    });
    if (!response.ok) throw new Error(`The room control refused the request (${response.status}).`);
    return response;
  }

  private deliver(event: RoomEvent): void {
    if (event.type === 'opened') this.roomOpen = true;
    if (event.type === 'closed') this.roomOpen = false;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One listener's failure must not keep the others, or the stream, from going on.
      }
    }
  }

  /**
   * Reads the event stream until `signal` aborts, reconnecting after a break. After each
   * (re)connect the server sends the open room's state, then `ready`: a room the presenter
   * believed open that is not in that state is gone (the serve script stopped, say).
   */
  private async follow(signal: AbortSignal): Promise<void> {
    let wait = RECONNECT_FIRST_MS;
    while (!signal.aborted) {
      let response: Response | null = null;
      try {
        response = await this.win.fetch(this.url(ROOM_CONTROL_PATHS.events), {
          cache: 'no-store',
          headers: { Authorization: `Bearer ${this.secret}`, Accept: 'text/event-stream' },
          signal,
        });
      } catch {
        // Nothing answers: the serve script, and the room it ran, are gone.
        if (!signal.aborted && this.roomOpen) this.deliver({ type: 'closed', reason: 'failed' });
      }
      if (response?.status === 403 || response?.status === 404 || response?.status === 421) {
        // The secret is not (or no longer) this server's: retrying cannot help.
        if (this.roomOpen) this.deliver({ type: 'closed', reason: 'failed' });
        return;
      }
      if (response?.ok === true && response.body !== null) {
        wait = RECONNECT_FIRST_MS;
        try {
          await this.read(response.body);
        } catch {
          // A break in the stream: reconnect below, unless we were asked to stop.
        }
      }
      if (signal.aborted) return;
      await pause(wait, signal);
      wait = Math.min(wait * 2, RECONNECT_MOST_MS);
    }
  }

  /**
   * Reads one connection's events until it ends. An event too large or not JSON breaks it:
   * the stream is cancelled, which ends the request, so the server closes its side and frees its
   * slot (it keeps only a few), and follow() reconnects and is sent the room's state afresh.
   * Skipping the event instead would leave the presenter without results it was never sent again.
   */
  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = new ServerSentEventReader(ROOM_RESULTS_EVENT_MAX_CHARS);
    const decoder = new TextDecoder();
    let openedSinceConnect = false;
    // getReader(), not `for await`: Safari cannot iterate a stream yet.
    const chunks = body.getReader();
    try {
      for (;;) {
        const { done, value } = await chunks.read();
        if (done) return;
        for (const { event, data } of reader.push(decoder.decode(value, { stream: true }))) {
          if (event === ROOM_CONTROL_READY_EVENT) {
            if (this.roomOpen && !openedSinceConnect) {
              this.deliver({ type: 'closed', reason: 'failed' });
            }
            continue;
          }
          const parsed = JSON.parse(data) as unknown;
          if (!isRoomEvent(parsed)) continue;
          if (parsed.type === 'opened') openedSinceConnect = true;
          this.deliver(parsed);
        }
      }
    } catch (error) {
      await chunks.cancel().catch(() => undefined);
      throw error;
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
