/**
 * The workshop room on the desktop: the `room:*` channels of the preload bridge. Main runs the
 * room server in a utilityProcess and answers each command with what the room answered; the
 * room's events come back to this page only (electron/main/room/roomLauncher.ts).
 */
import type { OnmuniBridge } from '../../../electron/shared/ipcContract';
import type { PresenterCommand, RoomEvent, RoomInterface } from '../core/room/protocol';
import type { RoomAvailability, RoomHost } from '../core/room/roomHost';

export class ElectronRoom implements RoomHost {
  readonly available: RoomAvailability = true;

  constructor(private readonly bridge: OnmuniBridge) {}

  interfaces(): Promise<RoomInterface[]> {
    return this.bridge.room.interfaces({});
  }

  async send(command: PresenterCommand): Promise<void> {
    const answer = await this.bridge.room.command(command);
    if (!answer.ok) throw new Error(answer.message);
  }

  subscribe(listener: (event: RoomEvent) => void): () => void {
    return this.bridge.room.onEvent(listener);
  }
}
