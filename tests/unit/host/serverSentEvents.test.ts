import { describe, expect, it } from 'vitest';
import { ServerSentEventReader } from '../../../renderer/src/host/serverSentEvents';

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

  it('refuses an event that never ends', () => {
    const reader = new ServerSentEventReader();
    expect(() => {
      for (let i = 0; i < 2_000; i += 1) reader.push(`data: ${'x'.repeat(1_000)}\n`);
    }).toThrow('too large');
  });
});
