/**
 * What a host offers for the workshop room (issue 17). The presenter's room controls use only
 * this: on the desktop it is IPC to main, which runs the room server in a utilityProcess
 * (host/electronRoom.ts); in the browser edition it is the loopback control API of
 * `npm run serve -- --room`, authenticated with the presenter secret (host/servedRoom.ts).
 */
import type { PresenterCommand, RoomEvent, RoomInterface } from './protocol';

/**
 * Why this host cannot run a room:
 * - `notServed`: the browser edition was not started with `npm run serve -- --room` (or was
 *   opened without the presenter address it printed), so nothing can listen for participants.
 */
export type RoomUnavailableReason = 'notServed';

export type RoomAvailability = true | { readonly unavailableReason: RoomUnavailableReason };

export interface RoomHost {
  readonly available: RoomAvailability;
  /** This machine's IPv4 interfaces, loopback ("This computer only") first. */
  interfaces(): Promise<RoomInterface[]>;
  /**
   * Sends a command to the room. Resolves once the room has taken it; rejects with a message
   * when it could not (e.g. the chosen address cannot be bound).
   */
  send(command: PresenterCommand): Promise<void>;
  /** Listens to the room's events; returns the function that stops listening. */
  subscribe(listener: (event: RoomEvent) => void): () => void;
}
