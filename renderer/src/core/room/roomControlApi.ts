/**
 * The browser edition's room control API (issue 17): how the presenter's page reaches the room
 * that `npm run serve -- --room` runs (build/scripts/roomControl.ts serves it,
 * host/servedRoom.ts uses it). Every request carries `Authorization: Bearer <presenter secret>`
 * and is answered only on loopback; participants never see the secret.
 *
 *   GET  /room-control/interfaces   RoomInterface[]
 *   POST /room-control/command      PresenterCommand -> RoomCommandAnswer
 *   GET  /room-control/events       text/event-stream: each RoomEvent as `data:`, after a
 *                                   (re)connect first the open room's `opened` and latest
 *                                   `results`, then one `event: ready`
 */

/** The query parameter of the presenter address the serve script prints. */
export const PRESENTER_SECRET_PARAMETER = 'presenter';

/** A presenter secret: 32 random bytes, base64url (43 characters). */
export const PRESENTER_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const ROOM_CONTROL_PREFIX = '/room-control/';

export const ROOM_CONTROL_PATHS = {
  interfaces: `${ROOM_CONTROL_PREFIX}interfaces`,
  command: `${ROOM_CONTROL_PREFIX}command`,
  events: `${ROOM_CONTROL_PREFIX}events`,
} as const;

/** The named event that ends the snapshot sent after each (re)connect of the event stream. */
export const ROOM_CONTROL_READY_EVENT = 'ready';

/** Largest command body, in bytes: a question with every option at its longest, in any script. */
export const ROOM_CONTROL_BODY_BYTES = 16 * 1024;
