/**
 * A small reader of the Server-Sent Events format, for event streams read with `fetch` (which,
 * unlike EventSource, can send an Authorization header): text in, whole events out. Only what
 * the room's control stream uses: `event:` and `data:` fields, comments, and any line ending.
 */

export interface ServerSentEvent {
  /** The `event:` field; `message` when none was given. */
  event: string;
  /** The `data:` lines, joined with line breaks. */
  data: string;
}

/**
 * Largest event kept unless the reader is told otherwise, in characters: a stream that never
 * ends an event cannot grow without end.
 */
const MAX_EVENT_CHARS = 1024 * 1024;

export class ServerSentEventReader {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private size = 0;

  /** @param maxEventChars the largest event the stream's producer can send, in characters. */
  constructor(private readonly maxEventChars = MAX_EVENT_CHARS) {}

  /** Takes the next piece of text and returns the events it completed, in order. */
  push(text: string): ServerSentEvent[] {
    this.buffer += text;
    const done: ServerSentEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone \r at the end may be the first half of \r\n: wait for the next piece.
      if (match === null || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event !== null) done.push(event);
    }
    if (this.buffer.length + this.size > this.maxEventChars) {
      throw new Error('An event of the stream is too large.');
    }
    return done;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') {
      const event =
        this.data.length === 0
          ? null
          : { event: this.event || 'message', data: this.data.join('\n') };
      this.event = '';
      this.data = [];
      this.size = 0;
      return event;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') {
      this.data.push(value);
      this.size += value.length;
    }
    return null;
  }
}
