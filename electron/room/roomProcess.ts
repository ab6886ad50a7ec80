/**
 * The entry of the room's Electron utilityProcess (built to out/main/room.js): one room server
 * (startRoom, through a {@link PresenterSession}) per process, away from the privileged main
 * process. Main starts it on 'open' with the renderer folder in its arguments
 * (roomProcessMessages.ts), forwards the page's commands through `process.parentPort` and ends
 * it on 'close', when the window that opened the room closes, and when the app quits.
 *
 * Plain Node apart from `process.parentPort`, which Electron gives a utility process; the unit
 * tests run this very file in a Node child process with a stand-in for that port.
 */
import type { RoomEvent } from '../../renderer/src/core/room/protocol';
import { PresenterSession } from './presenterSession';
import {
  parseRoomProcessArguments,
  toRoomProcessSchema,
  type FromRoomProcess,
} from './roomProcessMessages';

/** What this file uses of Electron's `process.parentPort`. */
interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: FromRoomProcess): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort === undefined) {
  throw new Error('The room process runs only as a utility process (process.parentPort).');
}
const port: ParentPortLike = parentPort;
const post = (message: FromRoomProcess): void => port.postMessage(message);

const session = new PresenterSession({
  ...parseRoomProcessArguments(process.argv),
  onEvent: (event: RoomEvent) => post({ kind: 'event', event }),
});

// A packaged app's utility process has been seen to end once its script has run, before a queued
// message arrived (electron/electron#42978); this keeps it alive until main ends it.
setInterval(() => undefined, 2 ** 30);

port.on('message', ({ data }) => {
  const parsed = toRoomProcessSchema.safeParse(data);
  // Nothing but main can write to this port; anything malformed is dropped, never acted on.
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.kind === 'command') {
    void session
      .handle(message.command)
      .then((answer) => post({ kind: 'answer', id: message.id, answer }));
  } else {
    // Stopped either way: a close that failed leaves main to end the process, which it does.
    void session
      .stop(message.reason)
      .catch(() => undefined)
      .then(() => post({ kind: 'stopped' }));
  }
});
