/**
 * What the room does with connections before any request is read: a connection that sends and
 * receives nothing for a while is closed, and one remote address may hold only so many at once.
 * Without these, a device that opens sockets and never sends a request (the header and request
 * timeouts start only with a request's first byte) could hold every connection the room allows.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isLoopbackAddress } from './roomHttp';

/**
 * A connection that sends and receives nothing for this long is closed. Event streams stay open:
 * their heartbeat comes twice as often (eventStreams.ts).
 */
export const ROOM_IDLE_TIMEOUT_MS = 30_000;

/** How the room treats the devices that connect to it; the defaults suit a hall. */
export interface RoomConnectionRules {
  /** A connection idle this long (nothing read or written) is closed, in ms. */
  idleTimeoutMs: number;
  /** Connections one remote address may hold open at once; more are closed as they come. */
  connectionsPerAddress: number;
  /**
   * Loopback peers (the trainer's own computer) are exempt from the per-address limits, of
   * connections and of participants: the trainer may try the room from several tabs, and the
   * end-to-end tests and the 300-participant bench run every participant on loopback. Tests
   * turn it off to check the limits.
   */
  loopbackExempt: boolean;
}

/** Applies the rules to every connection `server` accepts from now on. */
export function guardConnections(server: Server, rules: RoomConnectionRules): void {
  // Node closes a socket idle this long when nobody listens for 'timeout'. Event streams are
  // never idle for it: their heartbeat comes more often (roomServer.ts derives it from this).
  server.timeout = rules.idleTimeoutMs;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (rules.loopbackExempt && isLoopbackAddress(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= rules.connectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
