/**
 * Main's side of the workshop room on the desktop: the room server runs in an Electron
 * utilityProcess (electron/room/roomProcess.ts, built to out/main/room.js), never in main, which
 * stays small and holds the user's files. One room at a time:
 *
 * - 'open' starts a new process (a room already open is closed first) and asks it to open;
 * - the other commands are forwarded to it, answered with what it answers;
 * - its events go to the page that opened the room, on ROOM_EVENT_CHANNEL, and to no other;
 * - 'close', the closing of that page's window and the app quitting stop the room (participants
 *   are told) and end the process, killing it if it does not stop within a moment;
 * - a process that ends by itself is reported to the page as `{ type: 'closed', reason: 'failed' }`.
 *
 * The page sees exactly one 'closed' per room, whoever ends it.
 */
import { utilityProcess } from 'electron';
import {
  isRoomEvent,
  type PresenterCommand,
  type RoomCommandAnswer,
  type RoomEvent,
} from '../../../renderer/src/core/room/protocol';
import {
  roomProcessArguments,
  type FromRoomProcess,
  type ToRoomProcess,
} from '../../room/roomProcessMessages';
import { ROOM_EVENT_CHANNEL } from '../../shared/ipcContract';

/** The process's name in the app's metrics and in `child-process-gone` (and so in the log). */
export const ROOM_SERVICE_NAME = 'OnMuni workshop room';
/** How long a stopping room gets to tell its participants, and a killed process to go. */
const STOP_GRACE_MS = 2_000;
/** How long a command may take (an 'open' binds a port and reads the page: well under this). */
const ANSWER_TIMEOUT_MS = 20_000;

/** What the launcher needs of the WebContents that sent a command (its owner, if 'open'). */
export interface RoomPage {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, event: RoomEvent): void;
  once(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'destroyed', listener: () => void): unknown;
}

export type RoomStopReason = 'closed' | 'quit';

export interface RoomLauncherOptions {
  /** The room process's entry, out/main/room.js. */
  entry: string;
  /** The built renderer folder with room.html (out/renderer; inside app.asar when packaged). */
  pageDir: string;
  /** The room's port; the room module's default (4180, or a free one) when unset. */
  port?: number;
}

/** One room process and what the launcher knows of it. */
interface RoomRun {
  readonly child: ReturnType<typeof utilityProcess.fork>;
  readonly owner: RoomPage;
  readonly answers: Map<number, (answer: RoomCommandAnswer) => void>;
  nextId: number;
  /** The owner has been sent this room's 'closed'. */
  closedSent: boolean;
  /** Main asked it to stop: its exit is no failure. */
  ending: boolean;
  exitedAlready: boolean;
  readonly exited: Promise<void>;
  /** Resolves when the process says it stopped, or ends. */
  readonly stopped: Promise<void>;
  readonly forgetOwner: () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RoomLauncher {
  private current: RoomRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RoomLauncherOptions) {}

  /** True while a room process is running. */
  get isRunning(): boolean {
    return this.current !== null;
  }

  /** Carries out a command from `page`, after the commands before it. Never rejects. */
  command(command: PresenterCommand, page: RoomPage): Promise<RoomCommandAnswer> {
    return this.enqueue(() => this.apply(command, page));
  }

  /** Stops the room, if one runs (the app is quitting). */
  stop(reason: RoomStopReason): Promise<void> {
    return this.enqueue(async () => {
      if (this.current !== null) await this.end(this.current, reason);
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(command: PresenterCommand, page: RoomPage): Promise<RoomCommandAnswer> {
    if (command.type === 'open') {
      if (this.current !== null) await this.end(this.current, 'closed');
      const run = this.spawn(page);
      const answer = await this.ask(run, command);
      // The page never heard 'opened': it hears no 'closed' either.
      if (!answer.ok) await this.end(run, 'closed', { tell: false });
      return answer;
    }
    const run = this.current;
    if (run === null) {
      return command.type === 'close' ? { ok: true } : { ok: false, message: 'No room is open.' };
    }
    if (run.owner.id !== page.id) {
      return { ok: false, message: 'The room was opened in another window.' };
    }
    if (command.type === 'close') {
      await this.end(run, 'closed');
      return { ok: true };
    }
    return this.ask(run, command);
  }

  private spawn(owner: RoomPage): RoomRun {
    const child = utilityProcess.fork(
      this.options.entry,
      roomProcessArguments(this.options.pageDir, this.options.port),
      { serviceName: ROOM_SERVICE_NAME },
    );
    let exited = (): void => undefined;
    let stopped = (): void => undefined;
    const ownerGone = (): void => {
      // The window that opened the room closed: nobody can run it any more.
      if (this.current === run) void this.stop('closed');
    };
    const run: RoomRun = {
      child,
      owner,
      answers: new Map(),
      nextId: 0,
      closedSent: false,
      ending: false,
      exitedAlready: false,
      exited: new Promise<void>((resolve) => (exited = resolve)),
      stopped: new Promise<void>((resolve) => (stopped = resolve)),
      forgetOwner: () => owner.removeListener('destroyed', ownerGone),
    };
    this.current = run;
    owner.once('destroyed', ownerGone);
    child.on('message', (message: unknown) => {
      if (isMessage(message, 'answer')) {
        const answered = run.answers.get(message.id);
        run.answers.delete(message.id);
        answered?.(message.answer);
      } else if (isMessage(message, 'event') && isRoomEvent(message.event)) {
        this.relay(run, message.event);
      } else if (isMessage(message, 'stopped')) {
        stopped();
      }
    });
    // Electron has been seen to emit 'exit' twice (electron/electron#44012): act on the first.
    child.once('exit', (code: number) => {
      run.exitedAlready = true;
      if (this.current === run) this.current = null;
      run.forgetOwner();
      const message = `The room process stopped (exit code ${code}).`;
      for (const answer of run.answers.values()) answer({ ok: false, message });
      run.answers.clear();
      if (!run.ending) this.tellClosed(run, { type: 'closed', reason: 'failed', message });
      stopped();
      exited();
    });
    return run;
  }

  private relay(run: RoomRun, event: RoomEvent): void {
    if (event.type !== 'closed') {
      this.send(run, event);
      return;
    }
    this.tellClosed(run, event);
    // The room closed by itself (its server failed): end the idle process too.
    if (!run.ending) void this.enqueue(() => this.end(run, 'closed'));
  }

  private tellClosed(run: RoomRun, event: Extract<RoomEvent, { type: 'closed' }>): void {
    if (run.closedSent) return;
    run.closedSent = true;
    this.send(run, event);
  }

  private send(run: RoomRun, event: RoomEvent): void {
    if (!run.owner.isDestroyed()) run.owner.send(ROOM_EVENT_CHANNEL, event);
  }

  private ask(run: RoomRun, command: PresenterCommand): Promise<RoomCommandAnswer> {
    if (run.exitedAlready) {
      return Promise.resolve({ ok: false, message: 'The room process has stopped.' });
    }
    const id = run.nextId;
    run.nextId += 1;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        run.answers.delete(id);
        resolve({ ok: false, message: 'The room did not answer in time.' });
      }, ANSWER_TIMEOUT_MS);
      run.answers.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.post(run, { kind: 'command', id, command });
    });
  }

  /**
   * Stops a room: asks its process to close the room (participants are told), then ends the
   * process, by force if it takes longer than STOP_GRACE_MS. `tell: false` keeps the 'closed'
   * from the page (an 'open' that failed).
   */
  private async end(
    run: RoomRun,
    reason: RoomStopReason,
    { tell = true }: { tell?: boolean } = {},
  ): Promise<void> {
    if (this.current === run) this.current = null;
    run.forgetOwner();
    if (!tell) run.closedSent = true;
    if (!run.ending && !run.exitedAlready) {
      run.ending = true;
      this.post(run, { kind: 'stop', reason });
      await Promise.race([run.stopped, sleep(STOP_GRACE_MS)]);
    }
    run.ending = true;
    if (!run.exitedAlready) {
      run.child.kill();
      await Promise.race([run.exited, sleep(STOP_GRACE_MS)]);
    }
    this.tellClosed(run, { type: 'closed', reason });
  }

  private post(run: RoomRun, message: ToRoomProcess): void {
    run.child.postMessage(message);
  }
}

/** True for a message of the room process of the given kind (it is checked, not trusted). */
function isMessage<K extends FromRoomProcess['kind']>(
  message: unknown,
  kind: K,
): message is Extract<FromRoomProcess, { kind: K }> {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as { kind?: unknown; id?: unknown; answer?: unknown };
  if (candidate.kind !== kind) return false;
  if (kind !== 'answer') return true;
  return (
    typeof candidate.id === 'number' &&
    typeof candidate.answer === 'object' &&
    candidate.answer !== null &&
    typeof (candidate.answer as { ok?: unknown }).ok === 'boolean'
  );
}
