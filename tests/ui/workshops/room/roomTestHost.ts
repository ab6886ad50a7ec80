/**
 * What the room tests use of the real room in this process: the shapes only, so the web
 * typecheck (which has no Node types) can hold the component tests. The Node side is
 * `nodeRoomHost.ts`, loaded at run time by `loadRoomTestHost`.
 */
import type { RoomEvent } from '../../../../renderer/src/core/room/protocol';
import type { RoomHost } from '../../../../renderer/src/core/room/roomHost';

/** A presenter's RoomHost over the real room module, with what a test needs to look at. */
export interface RoomTestHost extends RoomHost {
  /** The room running now (its join address and code), or null. */
  running(): { joinUrl: string; joinCode: string } | null;
  /** Every event the room sent, in order. */
  readonly events: RoomEvent[];
  /** Closes a room left open and removes the page folder. */
  dispose(): Promise<void>;
}

/** A participant on a phone, as far as the room's API is concerned. */
export interface Participant {
  /** The name they joined with; null when they stayed anonymous. */
  name: string | null;
  post(path: string, body: unknown): Promise<Response>;
}

export interface RoomTestModule {
  nodeRoomHost: () => Promise<RoomTestHost>;
  joinRoom: (joinUrl: string, code: string, name: string) => Promise<Participant>;
}

/**
 * The Node side, imported by a name the web typecheck does not follow (it would pull the room
 * server's Node types into the renderer's program); vitest runs it in Node as any module.
 */
export async function loadRoomTestHost(): Promise<RoomTestModule> {
  const nodeSide = './nodeRoomHost';
  const loaded = (await import(/* @vite-ignore */ nodeSide)) as { roomTestModule: RoomTestModule };
  return loaded.roomTestModule;
}
