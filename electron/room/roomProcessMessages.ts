/**
 * What crosses between the desktop's main process and the room's utilityProcess
 * (roomProcess.ts). Main forwards the page's commands, already checked against the IPC contract,
 * each with an id its answer carries back; the room process sends the room's events as they come.
 * The room process checks every message again before acting on it: a process boundary is a trust
 * boundary, whoever sits on the other side today.
 */
import { z } from 'zod';
import type { RoomCommandAnswer, RoomEvent } from '../../renderer/src/core/room/protocol';

/** Main → room process. `command` is checked by the session against the protocol's schema. */
export const toRoomProcessSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('command'),
    id: z.number().int().nonnegative(),
    command: z.unknown(),
  }),
  /** Close the room (participants are told); main ends the process once it says `stopped`. */
  z.strictObject({ kind: z.literal('stop'), reason: z.enum(['closed', 'quit']) }),
]);
export type ToRoomProcess = z.output<typeof toRoomProcessSchema>;

/** Room process → main. */
export type FromRoomProcess =
  | { kind: 'answer'; id: number; answer: RoomCommandAnswer }
  | { kind: 'event'; event: RoomEvent }
  /** The answer to `stop`: the room is closed and the process may be ended. */
  | { kind: 'stopped' };

/** The room process's argument that names the built renderer folder (room.html and assets). */
export const PAGE_DIR_ARGUMENT = '--page-dir=';
/** The room process's argument that sets the room's port (tests use 0: a free port). */
export const PORT_ARGUMENT = '--port=';

/** The arguments main starts the room process with. */
export function roomProcessArguments(pageDir: string, port?: number): string[] {
  return [
    `${PAGE_DIR_ARGUMENT}${pageDir}`,
    ...(port === undefined ? [] : [`${PORT_ARGUMENT}${port}`]),
  ];
}

/** Reads {@link roomProcessArguments} back from the process's argv. */
export function parseRoomProcessArguments(argv: readonly string[]): {
  pageDir: string;
  port?: number;
} {
  const value = (prefix: string) =>
    argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  const pageDir = value(PAGE_DIR_ARGUMENT);
  if (pageDir === undefined || pageDir === '') {
    throw new Error(`The room process needs ${PAGE_DIR_ARGUMENT}<folder of room.html>.`);
  }
  const portText = value(PORT_ARGUMENT);
  if (portText === undefined) return { pageDir };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The room process's port must be 0 to 65535, not "${portText}".`);
  }
  return { pageDir, port };
}
