/**
 * Test wiring, not a mock: the presenter's RoomHost over the real room module, started in this
 * process (`electron/room`'s startRoom) instead of a utilityProcess or the serve script. Commands
 * and events are the host contract's; the room listens on loopback on a free port, serving a
 * one-line participant page from a temporary folder (the tests play participants with fetch).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listRoomInterfaces,
  ROOM_PAGE_FILE,
  startRoom,
  type RunningRoom,
} from '../../../../electron/room';
import type { JoinAnswer, RoomEvent } from '../../../../renderer/src/core/room/protocol';
import type { Participant, RoomTestHost, RoomTestModule } from './roomTestHost';

export async function nodeRoomHost(): Promise<RoomTestHost> {
  const pageDir = await mkdtemp(join(tmpdir(), 'onmuni-room-page-'));
  await writeFile(join(pageDir, ROOM_PAGE_FILE), '<!doctype html><title>Room</title>');
  const listeners = new Set<(event: RoomEvent) => void>();
  const events: RoomEvent[] = [];
  let room: RunningRoom | null = null;
  const emit = (event: RoomEvent) => {
    events.push(event);
    for (const listener of listeners) listener(event);
  };
  return {
    available: true,
    events,
    running: () => room,
    interfaces: () => Promise.resolve(listRoomInterfaces()),
    async send(command) {
      if (command.type === 'open') {
        if (room) throw new Error('The room is already open.');
        room = await startRoom({ address: command.address, port: 0, pageDir, onEvent: emit });
        return;
      }
      if (!room) throw new Error('The room is not open.');
      if (command.type === 'close') {
        const closing = room;
        room = null;
        await closing.close('closed');
        return;
      }
      room.command(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await room?.close('closed');
      room = null;
      await rm(pageDir, { recursive: true, force: true });
    },
  };
}

/** Joins the room at `joinUrl` with `code` (the page's POST /api/join), as `name`. */
export async function joinRoom(joinUrl: string, code: string, name: string): Promise<Participant> {
  const answer = await fetch(new URL('api/join', joinUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  if (answer.status !== 200) throw new Error(`join answered ${answer.status}`);
  const { token, name: shown } = (await answer.json()) as JoinAnswer;
  return {
    name: shown,
    post: (path, body) =>
      fetch(new URL(path, joinUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
  };
}

/** What `loadRoomTestHost` hands the tests, checked against the shape they expect. */
export const roomTestModule: RoomTestModule = { nodeRoomHost, joinRoom };
