/**
 * The room's utilityProcess entry (electron/room/roomProcess.ts) run for real in a Node child
 * process: the same file, the real room module, real sockets. Only Electron's process plumbing
 * is stood in for, by child_process.fork and a `process.parentPort` shim
 * (fixtures/parentPortShim.mjs). `forkRoomChild` has the shape of `utilityProcess.fork`, so the
 * launcher's tests hand it to main's code as Electron's.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from './tempDir';

const ROOT = join(import.meta.dirname, '../../..');
/** The entry main forks (out/main/room.js once built), as its source. */
export const ROOM_PROCESS_ENTRY = join(ROOT, 'electron/room/roomProcess.ts');
const SHIM = join(import.meta.dirname, 'fixtures/parentPortShim.mjs');

/** A child process with the parts of Electron's UtilityProcess that main uses. */
export interface RoomChild extends EventEmitter {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  /** Resolves once the process has ended. */
  readonly ended: Promise<void>;
  /** What the process wrote to stderr (kept for failure messages, not printed). */
  stderr(): string;
}

/** Starts `modulePath` as utilityProcess.fork would, with Electron's `exit` and `message`. */
export function forkRoomChild(modulePath: string, args: readonly string[]): RoomChild {
  const child = fork(modulePath, [...args], {
    execArgv: ['--import', 'tsx', '--import', SHIM],
    // Structured clone, as Electron's ports use.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    cwd: ROOT,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const emitter = new EventEmitter();
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message) => emitter.emit('message', message));
  // UtilityProcess reports a code only; a signal counts as a failure, as a crash would.
  child.once('exit', (code, signal) => emitter.emit('exit', code ?? (signal === null ? 0 : 1)));
  return Object.assign(emitter, {
    get pid() {
      return child.pid;
    },
    postMessage: (message: unknown) => {
      if (child.connected) child.send(message as never);
    },
    kill: () => child.kill(),
    ended,
    stderr: () => stderr,
  });
}

/**
 * A folder standing in for out/renderer (removed after the test): a participant page with the
 * one script it references, and the app's page, which the room must never serve.
 */
export async function makeRoomPageDir(): Promise<string> {
  const dir = await makeTempDir('onmuni-room-page-');
  await writeFile(
    join(dir, 'room.html'),
    '<!doctype html><html lang="en"><title>Workshop room</title><script type="module" src="./room.js"></script></html>',
  );
  await writeFile(join(dir, 'room.js'), 'export {};\n');
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>The app, never served</title>');
  return dir;
}
