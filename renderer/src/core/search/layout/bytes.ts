/**
 * The byte format of index fragments: unsigned LEB128 varints and UTF-8 text. Small numbers take
 * one byte, which is most of an index (term frequencies, gaps between document numbers).
 */

/** Appends varints and text to a growing buffer. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** An unsigned integer below 2^53 in 1 to 8 bytes, 7 bits per byte, low bits first. */
  uint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`not an unsigned integer: ${value}`);
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  /** Text as its UTF-8 byte length, then the bytes. */
  text(value: string): void {
    this.raw(new TextEncoder().encode(value));
  }

  /** Bytes as their length, then the bytes. */
  raw(value: Uint8Array): void {
    this.uint(value.length);
    this.reserve(value.length);
    this.bytes.set(value, this.length);
    this.length += value.length;
  }

  /** How many bytes have been written. */
  get size(): number {
    return this.length;
  }

  /** The bytes written so far (a copy, trimmed to length). */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Reads what ByteWriter wrote; any read past the end throws, naming what was being read. */
export class ByteReader {
  offset = 0;

  constructor(
    readonly bytes: Uint8Array,
    /** Named in errors: "search index core fragment". */
    private readonly what: string,
  ) {}

  uint(): number {
    return readUint(this.bytes, this, this.what);
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.raw());
  }

  /** A view of the next length-prefixed bytes (no copy). */
  raw(): Uint8Array {
    const length = this.uint();
    if (this.offset + length > this.bytes.length)
      throw new RangeError(`${this.what} is truncated (a block runs past its end)`);
    const view = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

/**
 * Reads one varint at `cursor.offset` and advances it. A free function over a cursor so the hot
 * loops that decode postings avoid a method call per number.
 */
export function readUint(bytes: Uint8Array, cursor: { offset: number }, what: string): number {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[cursor.offset++];
    if (byte === undefined)
      throw new RangeError(`${what} is truncated (a number runs past its end)`);
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
  throw new RangeError(`${what} is damaged (a number is longer than 8 bytes)`);
}

/**
 * Writes sorted words front-coded: how many leading characters each shares with the one before
 * (varints), then the rest of each word, newline-separated, as one text block. Sorted words
 * share long beginnings ("municip", "municipal", "municipalities").
 */
export function writeSortedWords(out: ByteWriter, words: readonly string[]): void {
  out.uint(words.length);
  const rests: string[] = [];
  let previous = '';
  for (const word of words) {
    let shared = 0;
    while (shared < previous.length && shared < word.length && previous[shared] === word[shared])
      shared++;
    // Never split a surrogate pair: the rest is encoded as text on its own.
    if (shared > 0 && /[\uD800-\uDBFF]/.test(word[shared - 1] ?? '')) shared -= 1;
    out.uint(shared);
    rests.push(word.slice(shared));
    previous = word;
  }
  out.text(rests.join('\n'));
}

/** Reads what writeSortedWords wrote. */
export function readSortedWords(input: ByteReader): string[] {
  const count = input.uint();
  const shared = Array.from({ length: count }, () => input.uint());
  const rests = input.text().split('\n');
  if (count === 0) return [];
  if (rests.length !== count) throw new RangeError('a word list is damaged');
  const words: string[] = [];
  let previous = '';
  for (let i = 0; i < count; i++) {
    previous = previous.slice(0, shared[i]) + (rests[i] as string);
    words.push(previous);
  }
  return words;
}
