/**
 * The room's utilityProcess entry (electron/room/roomProcess.ts), run for real: this very file
 * in a Node child process with a stand-in for Electron's `process.parentPort`, the real room
 * module behind it, and participants joining and voting over loopback with Node's fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../../renderer/src/core/room/protocol';
import {
  roomProcessArguments,
  type FromRoomProcess,
} from '../../../electron/room/roomProcessMessages';
import { ROOM_PROCESS_ENTRY, forkRoomChild, makeRoomPageDir, type RoomChild } from './roomChild';
import { POLL, isUnreachable, join, post } from './roomParticipant';

type EventOf<T extends RoomEvent['type']> = Extract<RoomEvent, { type: T }>;

/** Everything a room process sent, and a way to wait for a message that matches. */
class Inbox {
  readonly messages: FromRoomProcess[] = [];
  private waiters: Array<() => void> = [];

  constructor(child: RoomChild) {
    child.on('message', (message: FromRoomProcess) => {
      this.messages.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  async find<T extends FromRoomProcess>(
    test: (message: FromRoomProcess) => message is T,
    what: string,
  ): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.messages.find(test);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} from the room process`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  answer(id: number) {
    return this.find(
      (m): m is Extract<FromRoomProcess, { kind: 'answer' }> => m.kind === 'answer' && m.id === id,
      `answer ${id}`,
    ).then((m) => m.answer);
  }

  event<T extends RoomEvent['type']>(type: T, test: (event: EventOf<T>) => boolean = () => true) {
    return this.find(
      (m): m is Extract<FromRoomProcess, { kind: 'event' }> & { event: EventOf<T> } =>
        m.kind === 'event' && m.event.type === type && test(m.event as EventOf<T>),
      `${type} event`,
    ).then((m) => m.event);
  }

  events(): RoomEvent[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
  }
}

const children: RoomChild[] = [];

async function start(args?: string[]): Promise<{ child: RoomChild; inbox: Inbox }> {
  const child = forkRoomChild(
    ROOM_PROCESS_ENTRY,
    args ?? roomProcessArguments(await makeRoomPageDir(), 0),
  );
  children.push(child);
  return { child, inbox: new Inbox(child) };
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill();
    await child.ended;
  }
});

describe('the room process', () => {
  it('opens a room on loopback, takes the presenter commands, and closes it on stop', async () => {
    const { child, inbox } = await start();
    child.postMessage({ kind: 'command', id: 1, command: { type: 'question', question: null } });
    expect(await inbox.answer(1)).toEqual({ ok: false, message: 'No room is open.' });

    child.postMessage({ kind: 'command', id: 2, command: { type: 'open', address: '127.0.0.1' } });
    expect(await inbox.answer(2)).toEqual({ ok: true });
    const opened = await inbox.event('opened');
    expect(opened.joinUrl).toBe(`http://127.0.0.1:${opened.port}/`);
    expect(opened.joinCode).toMatch(/^\d{6}$/);
    const page = await fetch(opened.joinUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Workshop room</title>');

    const ada = await join(opened.joinUrl, opened.joinCode, 'Ada');
    child.postMessage({ kind: 'command', id: 3, command: { type: 'question', question: POLL } });
    expect(await inbox.answer(3)).toEqual({ ok: true });
    const vote = await post(
      opened.joinUrl,
      '/api/vote',
      {
        questionId: POLL.id,
        optionIds: ['o2'],
      },
      ada.token,
    );
    expect(vote.status).toBe(204);
    const results = await inbox.event('results', (event) => event.current?.voters === 1);
    expect(results.participants).toBe(1);
    expect(results.current?.tallies).toContainEqual({ optionId: 'o2', count: 1 });
    expect(results.current?.votes).toEqual([{ participant: 'Ada', optionIds: ['o2'] }]);

    child.postMessage({ kind: 'stop', reason: 'closed' });
    await inbox.find((m): m is { kind: 'stopped' } => m.kind === 'stopped', 'stopped');
    expect(await inbox.event('closed')).toEqual({ type: 'closed', reason: 'closed' });
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
    // Exactly one 'opened' and one 'closed' for the one room.
    expect(inbox.events().filter((e) => e.type === 'opened')).toHaveLength(1);
    expect(inbox.events().filter((e) => e.type === 'closed')).toHaveLength(1);
  });

  it('drops malformed messages, refuses what is not a command, and reports a failed open', async () => {
    const { child, inbox } = await start();
    for (const junk of [
      'open',
      null,
      { kind: 'command', id: -1, command: { type: 'close' } },
      { kind: 'command', id: 1.5, command: { type: 'close' } },
      { kind: 'shutdown' },
      { kind: 'stop', reason: 'because' },
      { kind: 'command', id: 9, command: { type: 'close' }, extra: true },
    ]) {
      child.postMessage(junk);
    }
    child.postMessage({ kind: 'command', id: 1, command: { type: 'open', address: 'localhost' } });
    expect(await inbox.answer(1)).toEqual({ ok: false, message: 'That is not a room command.' });
    // An IPv4 address that is not this computer's cannot be bound.
    child.postMessage({ kind: 'command', id: 2, command: { type: 'open', address: '192.0.2.1' } });
    const refused = await inbox.answer(2);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.message).toContain('192.0.2.1');
    // Still alive and roomless: nothing of the junk was acted on.
    child.postMessage({ kind: 'command', id: 3, command: { type: 'close-question' } });
    expect(await inbox.answer(3)).toEqual({ ok: false, message: 'No room is open.' });
    expect(inbox.messages.filter((m) => m.kind !== 'answer')).toEqual([]);
    expect(inbox.messages.map((m) => m.kind === 'answer' && m.id)).toEqual([1, 2, 3]);
  });

  it('a second open replaces the room: the first closes, its address stops answering', async () => {
    const { child, inbox } = await start();
    child.postMessage({ kind: 'command', id: 1, command: { type: 'open', address: '127.0.0.1' } });
    const first = await inbox.event('opened');
    child.postMessage({ kind: 'command', id: 2, command: { type: 'open', address: '127.0.0.1' } });
    expect(await inbox.answer(2)).toEqual({ ok: true });
    const second = await inbox.event('opened', (event) => event.port !== first.port);
    expect(inbox.events().map((e) => e.type)).toEqual(
      expect.arrayContaining(['opened', 'closed', 'opened']),
    );
    expect(await isUnreachable(first.joinUrl)).toBe(true);
    expect((await fetch(second.joinUrl)).status).toBe(200);
  });

  it('will not start without the folder of the participant page', async () => {
    const { child } = await start([]);
    const code = await new Promise<number>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(child.stderr()).toContain('--page-dir=');
  });
});
