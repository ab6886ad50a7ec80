/**
 * The participants' Server-Sent Event streams: who is listening, what each was last sent, the
 * heartbeat that keeps idle connections (and the proxies of hall routers) from timing out, and
 * the `closed` event that tells every page the room is over.
 */
import type { ServerResponse } from 'node:http';
import { ROOM_SECURITY_HEADERS } from './roomHttp';

/** A comment line every ~15 s: invisible to the page, keeps the connection alive. */
export const HEARTBEAT_MS = 15_000;

export class EventStreams {
  private readonly streams = new Map<string, Set<ServerResponse>>();
  /** The last `state` JSON sent to each participant, so an unchanged state is not sent again. */
  private readonly lastSent = new Map<string, string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.heartbeat = setInterval(() => this.writeAll(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Open streams of one participant (the server refuses more than the limit). */
  count(participantId: string): number {
    return this.streams.get(participantId)?.size ?? 0;
  }

  /** Starts a stream and sends the participant's current state on it at once. */
  open(participantId: string, res: ServerResponse, stateJson: string): void {
    res.writeHead(200, {
      ...ROOM_SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.socket?.setNoDelay(true);
    // The browser waits this long before it reconnects after a dropped connection.
    res.write('retry: 2000\n\n');
    res.write(stateEvent(stateJson));
    this.lastSent.set(participantId, stateJson);
    const set = this.streams.get(participantId) ?? new Set();
    set.add(res);
    this.streams.set(participantId, set);
    res.on('close', () => {
      set.delete(res);
      if (set.size === 0) this.streams.delete(participantId);
    });
  }

  /** Participants with at least one open stream. */
  listeners(): string[] {
    return [...this.streams.keys()];
  }

  /** Sends a participant's state to their streams, unless it is what they were last sent. */
  sendState(participantId: string, stateJson: string): void {
    if (this.lastSent.get(participantId) === stateJson) return;
    this.lastSent.set(participantId, stateJson);
    for (const res of this.streams.get(participantId) ?? []) res.write(stateEvent(stateJson));
  }

  /** Tells every page the room closed, ends every stream and stops the heartbeat. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const set of this.streams.values()) {
      for (const res of set) res.end('event: closed\ndata: {}\n\n');
    }
    this.streams.clear();
  }

  private writeAll(text: string): void {
    for (const set of this.streams.values()) for (const res of set) res.write(text);
  }
}

function stateEvent(json: string): string {
  return `event: state\ndata: ${json}\n\n`;
}
