/**
 * The participants' Server-Sent Event streams: who is listening, what each was last sent, the
 * heartbeat that keeps idle connections (and the proxies of hall routers) from timing out, and
 * the `closed` event that tells every page the room is over.
 */
import type { ServerResponse } from 'node:http';
import { ROOM_IDLE_TIMEOUT_MS } from './connectionGuard';
import { ROOM_SECURITY_HEADERS } from './roomHttp';

/**
 * A comment line every 15 s: invisible to the page, keeps the connection alive, here (the room
 * closes connections idle for twice as long) and in the proxies of hall routers.
 */
export const HEARTBEAT_MS = ROOM_IDLE_TIMEOUT_MS / 2;

/**
 * A participant's state, serialised: the part everyone shares (built once per batch) and their
 * own part, each a JSON object with at least one field (SharedState and OwnState always have
 * theirs). Kept apart so 300 participants cost one serialisation of the notes, not 300.
 */
export interface StateJson {
  shared: string;
  own: string;
}

export class EventStreams {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  /** What each participant was last sent, so an unchanged state is not sent again. */
  private readonly lastSent = new Map<string, StateJson>();
  private readonly heartbeat: NodeJS.Timeout;
  /** The shared part of the last batch as bytes, written to every stream without copying. */
  private sharedBytes: { json: string; bytes: Buffer } | null = null;
  /**
   * Streams that missed a state because their client had not taken what was written before (the
   * socket wants a drain): they get only the latest state, once it drains. Without this, a
   * client that stops reading makes Node queue every state for it, without end (tens of MB a
   * minute while notes come in).
   */
  private readonly missed = new Set<ServerResponse>();
  /** Streams a heartbeat found still waiting for a drain: the next heartbeat ends them. */
  private readonly stalled = new Set<ServerResponse>();

  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Open streams of one participant (the server refuses more than the limit). */
  count(participantId: string): number {
    return this.streams.get(participantId)?.size ?? 0;
  }

  /** Starts a stream and sends the participant's current state on it at once. */
  open(participantId: string, res: ServerResponse, state: StateJson): void {
    res.writeHead(200, {
      ...ROOM_SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.socket?.setNoDelay(true);
    // The browser waits this long before it reconnects after a dropped connection.
    res.write('retry: 2000\n\n');
    this.writeState(res, state);
    this.lastSent.set(participantId, state);
    const set = this.streams.get(participantId) ?? new Set();
    set.add(res);
    this.streams.set(participantId, set);
    res.on('drain', () => {
      this.stalled.delete(res);
      if (!this.missed.delete(res)) return;
      const latest = this.lastSent.get(participantId);
      if (latest !== undefined) this.writeState(res, latest);
    });
    res.on('close', () => {
      set.delete(res);
      this.missed.delete(res);
      this.stalled.delete(res);
      if (set.size === 0) this.streams.delete(participantId);
    });
  }

  /** Participants with at least one open stream. */
  listeners(): string[] {
    return [...this.streams.keys()];
  }

  /** Sends a participant's state to their streams, unless it is what they were last sent. */
  sendState(participantId: string, state: StateJson): void {
    const last = this.lastSent.get(participantId);
    if (last !== undefined && last.shared === state.shared && last.own === state.own) return;
    this.lastSent.set(participantId, state);
    for (const res of this.streams.get(participantId) ?? []) this.writeState(res, state);
  }

  /** Tells every page the room closed, ends every stream and stops the heartbeat. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) {
      for (const res of set) res.end('event: closed\ndata: {}\n\n');
    }
    this.streams.clear();
    this.missed.clear();
    this.stalled.clear();
  }

  /** One `state` event: `{...shared, ...own}` as one JSON object, in three writes. */
  private writeState(res: ServerResponse, state: StateJson): void {
    if (res.writableNeedDrain) {
      // Sent on 'drain' instead, as the latest state then.
      this.missed.add(res);
      return;
    }
    if (this.sharedBytes?.json !== state.shared) {
      // `{"question":…,"notes":[…]}` without its closing brace, then a comma.
      this.sharedBytes = {
        json: state.shared,
        bytes: Buffer.from(`event: state\ndata: ${state.shared.slice(0, -1)},`),
      };
    }
    res.cork();
    res.write(this.sharedBytes.bytes);
    res.write(`${state.own.slice(1)}\n\n`);
    res.uncork();
  }

  /**
   * The heartbeat: a comment to every stream that keeps up; a stream that has taken nothing
   * since the last heartbeat is ended (its page reconnects, if it is still there, and gets the
   * state afresh), so a stalled client holds neither memory nor one of its streams for long.
   */
  private beat(): void {
    for (const set of this.streams.values()) {
      for (const res of set) {
        if (!res.writableNeedDrain) res.write(': heartbeat\n\n');
        else if (this.stalled.has(res)) res.destroy();
        else this.stalled.add(res);
      }
    }
  }
}
