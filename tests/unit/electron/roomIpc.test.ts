/**
 * The workshop room on the desktop, from the presenter page's RoomHost (host/electronRoom.ts)
 * through the preload bridge, the IPC contract's checks and main's real handlers and launcher
 * (electron/main/room/roomLauncher.ts) to a real room process. Only Electron is faked, and of it
 * only what cannot run here: `utilityProcess.fork` starts the room's entry in a Node child process
 * (roomChild.ts), and a page is an object that records what main sends it.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { on: vi.fn(), getPath: vi.fn(() => '/home/clerk/Documents') },
  dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
  session: { defaultSession: {} },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
  utilityProcess: { fork: vi.fn() },
}));
vi.mock('electron', () => electron);

import { createIpcHandlers } from '../../../electron/main/handlers';
import {
  IpcRefusedError,
  registerIpcHandlers,
  type IpcHandlers,
  type InvokeEvent,
  type SenderFrame,
} from '../../../electron/main/ipc';
import { ROOM_SERVICE_NAME, RoomLauncher } from '../../../electron/main/room/roomLauncher';
import { openDocumentFolder } from '../../../electron/main/storage';
import { buildBridge } from '../../../electron/preload/bridge';
import { roomProcessArguments } from '../../../electron/room/roomProcessMessages';
import {
  ROOM_EVENT_CHANNEL,
  ipcChannels,
  type IpcChannel,
} from '../../../electron/shared/ipcContract';
import { ROOM_LIMITS, type RoomEvent } from '../../../renderer/src/core/room/protocol';
import type { RoomHost } from '../../../renderer/src/core/room/roomHost';
import { ElectronHost } from '../../../renderer/src/host/electronHost';
import { ROOM_PROCESS_ENTRY, forkRoomChild, makeRoomPageDir, type RoomChild } from './roomChild';
import { POLL, isUnreachable, join, post } from './roomParticipant';
import { makeTempDir } from './tempDir';

type Listener = (event: InvokeEvent<FakePage>, ...args: unknown[]) => Promise<unknown>;

/** A page's WebContents as far as main uses it, with the preload's listeners behind `send`. */
class FakePage extends EventEmitter {
  private static count = 0;
  readonly id = (FakePage.count += 1);
  readonly preloadListeners = new Map<string, Set<(payload: unknown) => void>>();
  destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    for (const listener of this.preloadListeners.get(channel) ?? []) listener(payload);
  }

  /** The window closes. */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const appFrame: SenderFrame = { url: 'app://onmuni/index.html#/workshops', parent: null };
const windows = {
  preloadPath: '/app/out/preload/index.cjs',
  entryUrl: 'app://onmuni/index.html',
  devTools: false,
};

/** main's handlers registered on a fake ipcMain; `pageFor` gives each page its own RoomHost. */
function connect(handlers: IpcHandlers<FakePage>) {
  const listeners = new Map<string, Listener>();
  registerIpcHandlers<FakePage>(
    { handle: (channel, listener) => listeners.set(channel, listener) },
    handlers,
  );
  const invoke = (page: FakePage, channel: string, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: appFrame, sender: page }, ...args);
  };
  const pageFor = (page = new FakePage()) => {
    const bridge = buildBridge(
      (channel, input) => invoke(page, channel, input),
      (channel, listener) => {
        const set = page.preloadListeners.get(channel) ?? new Set();
        page.preloadListeners.set(channel, set.add(listener));
        return () => set.delete(listener);
      },
    );
    const room = new ElectronHost(bridge).room;
    const events: RoomEvent[] = [];
    room.subscribe((event) => events.push(event));
    return { page, room, events };
  };
  return { invoke, pageFor };
}

/** The forked room processes, so that every test can check they end and none outlives it. */
const forked: RoomChild[] = [];
afterEach(async () => {
  for (const child of forked.splice(0)) {
    child.kill();
    await child.ended;
  }
});

/** Main's real handlers over a temporary data folder, with a launcher on a free room port. */
async function desktop() {
  const pageDir = await makeRoomPageDir();
  electron.utilityProcess.fork.mockImplementation((path: string, args: string[]) => {
    const child = forkRoomChild(path, args);
    forked.push(child);
    return child;
  });
  const launcher = new RoomLauncher({ entry: ROOM_PROCESS_ENTRY, pageDir, port: 0 });
  const handlers = createIpcHandlers({
    store: await openDocumentFolder(await makeTempDir('onmuni-data-')),
    room: launcher,
    appName: 'OnMuni Toolkit',
    appVersion: '1.0.0',
    windows,
  });
  return { pageDir, launcher, ...connect(handlers as unknown as IpcHandlers<FakePage>) };
}

/** Waits until `events` holds one that passes `test`. */
async function eventuallyOne<T extends RoomEvent>(
  events: readonly RoomEvent[],
  test: (event: RoomEvent) => event is T,
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = events.find(test);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not among ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
const isOpened = (event: RoomEvent): event is Extract<RoomEvent, { type: 'opened' }> =>
  event.type === 'opened';
const isClosed = (event: RoomEvent): event is Extract<RoomEvent, { type: 'closed' }> =>
  event.type === 'closed';

async function open(room: RoomHost, events: RoomEvent[]) {
  await room.send({ type: 'open', address: '127.0.0.1' });
  return eventuallyOne(events, isOpened);
}

describe('the room channels refuse bad input before main acts on it', () => {
  const spies = Object.fromEntries(
    ipcChannels.map((channel) => [channel, vi.fn(() => Promise.resolve({ ok: true }))]),
  ) as unknown as IpcHandlers<FakePage> & Record<IpcChannel, ReturnType<typeof vi.fn>>;
  const { invoke } = connect(spies);
  const page = new FakePage();
  const question = { ...POLL };

  it.each<[string, IpcChannel, unknown]>([
    ['a field', 'room:interfaces', { all: true }],
    ['no command at all', 'room:command', {}],
    ['an unknown command', 'room:command', { type: 'shutdown' }],
    ['a host name to listen on', 'room:command', { type: 'open', address: 'localhost' }],
    ['an IPv6 address', 'room:command', { type: 'open', address: '::1' }],
    ['an address out of range', 'room:command', { type: 'open', address: '10.0.0.300' }],
    ['a port of its own', 'room:command', { type: 'open', address: '127.0.0.1', port: 80 }],
    [
      'a page folder of its own',
      'room:command',
      { type: 'open', address: '127.0.0.1', pageDir: '/' },
    ],
    [
      'a question of an unknown kind',
      'room:command',
      { type: 'question', question: { ...question, kind: 'quiz' } },
    ],
    [
      'a poll with one option',
      'room:command',
      { type: 'question', question: { ...question, options: [question.options[0]] } },
    ],
    [
      'a poll with two dots',
      'room:command',
      { type: 'question', question: { ...question, dots: 2 } },
    ],
    [
      'too many options',
      'room:command',
      {
        type: 'question',
        question: {
          ...question,
          options: Array.from({ length: ROOM_LIMITS.options + 1 }, (_, i) => ({
            id: `o${i}`,
            label: 'x',
          })),
        },
      },
    ],
    [
      'a prompt too long',
      'room:command',
      { type: 'question', question: { ...question, prompt: 'x'.repeat(ROOM_LIMITS.prompt + 1) } },
    ],
    ['a note id with a path', 'room:command', { type: 'hide-note', noteId: '../x', hidden: true }],
    ['hidden as text', 'room:command', { type: 'hide-note', noteId: 'n1', hidden: 'yes' }],
    ['an extra field on close', 'room:command', { type: 'close', reason: 'quit' }],
  ])('refuses %s to %s', async (_what, channel, input) => {
    await expect(invoke(page, channel, input)).rejects.toThrow(IpcRefusedError);
    expect(spies[channel]).not.toHaveBeenCalled();
  });

  it('passes good input on, with the page that sent it', async () => {
    await invoke(page, 'room:interfaces', {});
    await invoke(page, 'room:command', { type: 'open', address: '192.168.1.23' });
    await invoke(page, 'room:command', { type: 'question', question: POLL });
    await invoke(page, 'room:command', { type: 'question', question: null });
    await invoke(page, 'room:command', { type: 'hide-note', noteId: 'n1', hidden: true });
    expect(spies['room:interfaces']).toHaveBeenCalledTimes(1);
    expect(spies['room:command']).toHaveBeenCalledTimes(4);
    expect(spies['room:command']).toHaveBeenCalledWith({ type: 'question', question: POLL }, page);
  });
});

describe('the room through the bridge, in a real room process', () => {
  it('lists the interfaces, loopback first, without starting a room', async () => {
    const { pageFor } = await desktop();
    const interfaces = await pageFor().room.interfaces();
    expect(interfaces[0]).toEqual({ address: '127.0.0.1', name: 'loopback', loopback: true });
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('opens a room in a utility process, relays its results, and closes it', async () => {
    const { pageFor, pageDir } = await desktop();
    const { room, events } = pageFor();
    const opened = await open(room, events);
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      ROOM_PROCESS_ENTRY,
      roomProcessArguments(pageDir, 0),
      { serviceName: ROOM_SERVICE_NAME },
    );
    expect(opened.joinUrl).toBe(`http://127.0.0.1:${opened.port}/`);

    const ada = await join(opened.joinUrl, opened.joinCode, 'Ada');
    await room.send({ type: 'question', question: POLL });
    const vote = await post(
      opened.joinUrl,
      '/api/vote',
      { questionId: POLL.id, optionIds: ['o1'] },
      ada.token,
    );
    expect(vote.status).toBe(204);
    const results = await eventuallyOne(
      events,
      (event): event is Extract<RoomEvent, { type: 'results' }> =>
        event.type === 'results' && event.current?.voters === 1,
    );
    expect(results.current?.votes).toEqual([{ participant: 'Ada', optionIds: ['o1'] }]);

    await room.send({ type: 'close' });
    expect(events.filter(isClosed)).toEqual([{ type: 'closed', reason: 'closed' }]);
    await forked[0]?.ended;
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
    await expect(room.send({ type: 'close-question' })).rejects.toThrow('No room is open.');
  });

  it('rejects an open the room cannot do, says nothing of a room, and ends the process', async () => {
    const { pageFor, launcher } = await desktop();
    const { room, events } = pageFor();
    await expect(room.send({ type: 'open', address: '192.0.2.1' })).rejects.toThrow('192.0.2.1');
    expect(events).toEqual([]);
    expect(launcher.isRunning).toBe(false);
    await forked[0]?.ended;
  });

  it('tells the page the room failed when its process dies', async () => {
    const { pageFor, launcher } = await desktop();
    const { room, events } = pageFor();
    const opened = await open(room, events);
    process.kill(forked[0]?.pid ?? 0, 'SIGKILL');
    const closed = await eventuallyOne(events, isClosed);
    expect(closed).toMatchObject({ type: 'closed', reason: 'failed' });
    expect(launcher.isRunning).toBe(false);
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
    await expect(room.send({ type: 'question', question: null })).rejects.toThrow(
      'No room is open.',
    );
  });

  it('stops the room when the window that opened it closes', async () => {
    const { pageFor, launcher } = await desktop();
    const { page, room, events } = pageFor();
    const opened = await open(room, events);
    page.destroy();
    await forked[0]?.ended;
    expect(launcher.isRunning).toBe(false);
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
    expect(events.filter(isClosed)).toEqual([]);
  });

  it('stops the room when the app quits, and tells the page why', async () => {
    const { pageFor, launcher } = await desktop();
    const { room, events } = pageFor();
    const opened = await open(room, events);
    await launcher.stop('quit');
    expect(events.filter(isClosed)).toEqual([{ type: 'closed', reason: 'quit' }]);
    await forked[0]?.ended;
    expect(await isUnreachable(opened.joinUrl)).toBe(true);
  });

  it('belongs to the window that opened it: another gets neither its events nor its controls', async () => {
    const { pageFor } = await desktop();
    const owner = pageFor();
    const other = pageFor();
    await open(owner.room, owner.events);
    await expect(other.room.send({ type: 'question', question: POLL })).rejects.toThrow(
      'another window',
    );
    await owner.room.send({ type: 'question', question: POLL });
    await owner.room.send({ type: 'close' });
    expect(other.events).toEqual([]);
  });

  it('a new open, from any window, replaces the room: the first window hears it closed', async () => {
    const { pageFor } = await desktop();
    const first = pageFor();
    const second = pageFor();
    const before = await open(first.room, first.events);
    const after = await open(second.room, second.events);
    expect(first.events.filter(isClosed)).toEqual([{ type: 'closed', reason: 'closed' }]);
    await forked[0]?.ended;
    expect(await isUnreachable(before.joinUrl)).toBe(true);
    expect((await fetch(after.joinUrl)).status).toBe(200);
    await second.room.send({ type: 'close' });
  });

  it('never passes anything but a room event to the page', async () => {
    const { pageFor } = await desktop();
    const { page, events } = pageFor();
    page.send(ROOM_EVENT_CHANNEL, { sender: 'an Electron event' });
    page.send(ROOM_EVENT_CHANNEL, 'opened');
    page.send(ROOM_EVENT_CHANNEL, [{ type: 'opened' }]);
    page.send(ROOM_EVENT_CHANNEL, { type: 'closed', reason: 'closed' });
    expect(events).toEqual([{ type: 'closed', reason: 'closed' }]);
  });
});
