/**
 * The presenter's side of the room, the same in both hosts: at most one room at a time, started
 * on 'open' and driven by the later commands, each answered with a {@link RoomCommandAnswer}.
 * The desktop's room process (roomProcess.ts) and the serve script's control API
 * (build/scripts/roomControl.ts) both hold one, so the two editions cannot differ in what a
 * command does.
 *
 * Commands are taken one at a time, in order: an 'open' that is still binding its port is
 * finished before a 'question' or a second 'open' is looked at.
 */
import { messageOf } from '../../renderer/src/core/common/errorMessage';
import {
  anonymousNameOf,
  presenterCommandSchema,
  type PresenterCommand,
  type RoomCommandAnswer,
  type RoomEvent,
} from '../../renderer/src/core/room/protocol';
import { startRoom, type RoomCloseReason, type RunningRoom } from './index';

export interface PresenterSessionOptions {
  /** The built renderer folder that holds room.html and its assets. */
  pageDir: string;
  /** The room's port; the room module's default (4180, or a free one when taken) when unset. */
  port?: number;
  /** Every event of every room this session opens, in order. */
  onEvent(event: RoomEvent): void;
}

export class PresenterSession {
  private room: RunningRoom | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PresenterSessionOptions) {}

  /** True while a room is open (its server listening). */
  get isOpen(): boolean {
    return this.room !== null;
  }

  /**
   * Checks `input` against the protocol's command schema, then carries it out after the
   * commands before it. Never rejects: what went wrong is in the answer.
   */
  handle(input: unknown): Promise<RoomCommandAnswer> {
    const parsed = presenterCommandSchema.safeParse(input);
    if (!parsed.success) {
      return Promise.resolve({ ok: false, message: 'That is not a room command.' });
    }
    return this.enqueue(() => this.apply(parsed.data));
  }

  /** Closes the open room, if any (participants are told), after the commands already taken. */
  stop(reason: RoomCloseReason): Promise<void> {
    return this.enqueue(() => this.closeRoom(reason));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(command: PresenterCommand): Promise<RoomCommandAnswer> {
    try {
      switch (command.type) {
        case 'open':
          // A second 'open' (another interface, say) replaces the room: the old one closes first.
          await this.closeRoom('closed');
          this.room = await this.start(command.address, command.anonymousName);
          return { ok: true };
        case 'close':
          await this.closeRoom('closed');
          return { ok: true };
        default:
          if (this.room === null) return { ok: false, message: 'No room is open.' };
          this.room.command(command);
          return { ok: true };
      }
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  }

  private async start(address: string, anonymousName?: string): Promise<RunningRoom> {
    // Set once started; the room may emit before then ('opened' always does).
    const started: { room?: RunningRoom } = {};
    started.room = await startRoom({
      address,
      ...(this.options.port === undefined ? {} : { port: this.options.port }),
      pageDir: this.options.pageDir,
      ...(anonymousName === undefined
        ? {}
        : { anonymousName: (n: number) => anonymousNameOf(anonymousName, n) }),
      onEvent: (event) => {
        // A room that failed closes itself: forget it, so that the next 'open' starts afresh.
        if (event.type === 'closed' && this.room !== null && this.room === started.room) {
          this.room = null;
        }
        this.options.onEvent(event);
      },
    });
    return started.room;
  }

  private async closeRoom(reason: RoomCloseReason): Promise<void> {
    const room = this.room;
    this.room = null;
    await room?.close(reason);
  }
}
