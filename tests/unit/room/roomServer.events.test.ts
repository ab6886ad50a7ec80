/**
 * The event streams: participants get their state as it changes, batched; the presenter gets
 * results, batched; closing the room ends every stream and the server.
 */
import { describe, expect, it } from 'vitest';
import { ROOM_BATCH_MS, type ParticipantState } from '../../../renderer/src/core/room/protocol';
import type { RoomEvent } from '../../../renderer/src/core/room/protocol';
import { join, notes, openStream, openTestRoom, poll, post, send, sleep, until } from './support';

type Results = Extract<RoomEvent, { type: 'results' }>;
const resultsOf = (events: RoomEvent[]) => events.filter((e): e is Results => e.type === 'results');

describe('room server: events', () => {
  it('tells the presenter the room opened, with its address and code', async () => {
    const test = await openTestRoom();
    expect(test.events[0]).toEqual({
      type: 'opened',
      joinUrl: `http://127.0.0.1:${test.room.port}/`,
      joinCode: test.room.joinCode,
      address: '127.0.0.1',
      port: test.room.port,
    });
    expect(test.room.joinUrl).toBe(`http://127.0.0.1:${test.room.port}/`);
  });

  it('streams the state at once and again when it changes', async () => {
    const test = await openTestRoom();
    const token = await join(test);
    const stream = await openStream(test, token);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['access-control-allow-origin']).toBeUndefined();
    const first = await stream.waitFor((event) => event.event === 'state');
    expect((JSON.parse(first.data) as ParticipantState).question).toBeNull();
    test.room.command({ type: 'question', question: poll });
    const next = await stream.waitFor(
      (event) => (JSON.parse(event.data) as ParticipantState).question?.id === poll.id,
    );
    expect(JSON.parse(next.data)).toMatchObject({ closed: false, myVote: [] });
    stream.close();
  });

  it('batches many votes into few events for participants and the presenter', async () => {
    const test = await openTestRoom();
    const tokens = await Promise.all(Array.from({ length: 40 }, () => join(test)));
    const watcher = await openStream(test, tokens[0] ?? '');
    test.room.command({ type: 'question', question: poll });
    await until(() => resultsOf(test.events).at(-1)?.current?.questionId === poll.id);
    // The watcher's own batch may come after the presenter's: count from once it has the question.
    await watcher.waitFor(
      (event) => (JSON.parse(event.data) as ParticipantState).question?.id === poll.id,
    );
    const before = { results: resultsOf(test.events).length, states: watcher.received.length };
    const started = performance.now();
    // Everyone votes at once; the watcher's own vote is the last one, so its state changes.
    await Promise.all(
      tokens.map((token) =>
        post(test, '/api/vote', { questionId: poll.id, optionIds: ['o2'] }, token),
      ),
    );
    await until(() => resultsOf(test.events).at(-1)?.current?.voters === 40);
    const elapsed = performance.now() - started;
    const results = resultsOf(test.events).length - before.results;
    // At most one results event per batch interval (plus the one that may start right away).
    expect(results).toBeLessThanOrEqual(Math.ceil(elapsed / ROOM_BATCH_MS) + 1);
    expect(results).toBeLessThan(40);
    await watcher.waitFor((event) =>
      (JSON.parse(event.data) as ParticipantState).myVote.includes('o2'),
    );
    // The watcher's state changed once (its own vote); others' votes do not change it.
    await sleep(ROOM_BATCH_MS * 3);
    expect(watcher.received.length - before.states).toBe(1);
    expect(resultsOf(test.events).at(-1)?.current?.tallies).toContainEqual({
      optionId: 'o2',
      count: 40,
    });
    watcher.close();
  });

  it('sends the presenter nothing when nothing changed', async () => {
    const test = await openTestRoom();
    await until(() => resultsOf(test.events).length === 1);
    test.room.command({ type: 'question', question: null });
    await sleep(ROOM_BATCH_MS * 3);
    expect(resultsOf(test.events)).toHaveLength(1);
  });

  it('refuses a stream without a token (401) and more streams than allowed per participant (429)', async () => {
    const test = await openTestRoom({ limits: { streamsPerParticipant: 2 } });
    const token = await join(test);
    expect((await openStream(test, null)).status).toBe(401);
    const a = await openStream(test, token);
    const b = await openStream(test, token);
    const c = await openStream(test, token);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 429]);
    a.close();
    await sleep(50); // the server sees the closed connection
    const d = await openStream(test, token);
    expect(d.status).toBe(200);
    b.close();
    d.close();
  });

  it('sends notes to every participant as text, exactly as typed', async () => {
    const test = await openTestRoom();
    const author = await join(test, '<b>Ann</b>');
    const reader = await join(test);
    const stream = await openStream(test, reader);
    test.room.command({ type: 'question', question: notes });
    const hostile = '<img src=x onerror=alert(1)>';
    await post(test, '/api/note', { questionId: notes.id, text: hostile }, author);
    const event = await stream.waitFor(
      (candidate) => (JSON.parse(candidate.data) as ParticipantState).notes.length === 1,
    );
    expect((JSON.parse(event.data) as ParticipantState).notes[0]).toMatchObject({
      text: hostile,
      author: '<b>Ann</b>',
    });
    stream.close();
  });

  it('close() tells every stream, ends it, stops the server and tells the presenter', async () => {
    const test = await openTestRoom();
    const tokens = await Promise.all([join(test), join(test), join(test)]);
    const streams = await Promise.all(tokens.map((token) => openStream(test, token)));
    await test.room.close();
    await Promise.all(streams.map((stream) => stream.ended));
    for (const stream of streams) {
      expect(stream.received.at(-1)?.event).toBe('closed');
    }
    expect(test.events.at(-1)).toEqual({ type: 'closed', reason: 'closed' });
    await expect(send(test, '/')).rejects.toThrow(/ECONNREFUSED/);
    await test.room.close(); // idempotent
    expect(test.events.filter((event) => event.type === 'closed')).toHaveLength(1);
  });

  it('closes on the presenter command "close" too', async () => {
    const test = await openTestRoom();
    test.room.command({ type: 'close' });
    await until(() => test.events.at(-1)?.type === 'closed');
    await expect(send(test, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps an idle stream alive with heartbeat comments', async () => {
    const { EventStreams } = await import('../../../electron/room/eventStreams');
    const { createServer } = await import('node:http');
    const streams = new EventStreams(30);
    const server = createServer((_req, res) =>
      streams.open('p1', res, { shared: '{"a":1}', own: '{"b":2}' }),
    );
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
    const port = (server.address() as { port: number }).port;
    const text = await new Promise<string>((resolveText) => {
      void fetch(`http://127.0.0.1:${port}/`).then(async (res) => {
        const reader = res.body?.getReader();
        let received = '';
        while (!received.includes(': heartbeat')) {
          const chunk = await reader?.read();
          if (chunk === undefined || chunk.done) break;
          received += new TextDecoder().decode(chunk.value);
        }
        void reader?.cancel();
        resolveText(received);
      });
    });
    expect(text).toContain('event: state\ndata: {"a":1,"b":2}\n\n');
    expect(text).toContain(': heartbeat\n\n');
    streams.closeAll();
    server.closeAllConnections();
    await new Promise((resolveClose) => server.close(resolveClose));
  });
});
