import { describe, expect, it } from 'vitest';
import {
  ROOM_LIMITS,
  ROOM_RESULTS_EVENT_MAX_CHARS,
  type RoomEvent,
} from '../../../renderer/src/core/room/protocol';
import { ServerSentEventReader } from '../../../renderer/src/host/serverSentEvents';

/** A `results` event at every limit, all text of characters JSON escapes the longest. */
function largestResults(): RoomEvent {
  const worst = (chars: number) => '\u0001'.repeat(chars);
  const id = (n: number) => `x${String(n).padStart(63, '9')}`;
  return {
    type: 'results',
    participants: ROOM_LIMITS.participants,
    current: {
      questionId: id(0),
      closed: false,
      tallies: Array.from({ length: ROOM_LIMITS.options }, (_, i) => ({
        optionId: id(i),
        count: ROOM_LIMITS.participants * ROOM_LIMITS.dotsPerPerson,
      })),
      voters: ROOM_LIMITS.participants,
      votes: Array.from({ length: ROOM_LIMITS.participants }, (_, i) => ({
        participant: worst(ROOM_LIMITS.name),
        optionIds: Array.from({ length: ROOM_LIMITS.dotsPerPerson }, () => id(i)),
      })),
      notes: Array.from({ length: ROOM_LIMITS.notesPerQuestion }, (_, i) => ({
        id: id(i),
        text: worst(ROOM_LIMITS.noteText),
        author: worst(ROOM_LIMITS.name),
        upvotes: ROOM_LIMITS.participants,
        hidden: false,
      })),
    },
  };
}

describe('ServerSentEventReader', () => {
  it('reads events whatever the pieces the text arrives in', () => {
    const text = 'data: {"a":1}\n\nevent: ready\ndata: {}\n\n: keep-alive\n\ndata: x\ndata: y\n\n';
    const whole = new ServerSentEventReader().push(text);
    expect(whole).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'ready', data: '{}' },
      { event: 'message', data: 'x\ny' },
    ]);
    for (let size = 1; size < 8; size += 1) {
      const reader = new ServerSentEventReader();
      const events = [];
      for (let at = 0; at < text.length; at += size)
        events.push(...reader.push(text.slice(at, at + size)));
      expect(events, `pieces of ${size}`).toEqual(whole);
    }
  });

  it('takes every line ending, a \\r\\n split across pieces included', () => {
    const reader = new ServerSentEventReader();
    expect(reader.push('data: one\r')).toEqual([]);
    expect(reader.push('\n\r\ndata:two\r\rdata: three\n\n')).toEqual([
      { event: 'message', data: 'one' },
      { event: 'message', data: 'two' },
      { event: 'message', data: 'three' },
    ]);
  });

  it('ignores comments, unknown fields and an event without data, and holds an unfinished one', () => {
    const reader = new ServerSentEventReader();
    expect(reader.push(': hello\nid: 7\nretry: 10\nevent: ready\n\n')).toEqual([]);
    expect(reader.push('data: half')).toEqual([]);
    expect(reader.push('\n\n')).toEqual([{ event: 'message', data: 'half' }]);
  });

  it('takes the largest results event a full room can send when told the room’s limit', () => {
    const json = JSON.stringify(largestResults());
    expect(json.length).toBeGreaterThan(1024 * 1024);
    expect(json.length).toBeLessThanOrEqual(ROOM_RESULTS_EVENT_MAX_CHARS);
    const reader = new ServerSentEventReader(ROOM_RESULTS_EVENT_MAX_CHARS);
    const events = [];
    for (let at = 0, text = `data: ${json}\n\n`; at < text.length; at += 65_536) {
      events.push(...reader.push(text.slice(at, at + 65_536)));
    }
    expect(events).toEqual([{ event: 'message', data: json }]);
    expect(() => reader.push(`data: ${'x'.repeat(ROOM_RESULTS_EVENT_MAX_CHARS)}`)).toThrow(
      'too large',
    );
  });

  it('refuses an event that never ends', () => {
    const reader = new ServerSentEventReader();
    expect(() => {
      for (let i = 0; i < 2_000; i += 1) reader.push(`data: ${'x'.repeat(1_000)}\n`);
    }).toThrow('too large');
  });
});
