import { readUint } from './bytes';
import type { Segment } from './segment';

const WHAT = 'search index';

/** The key of a cursor that has run past its last posting. */
const END = Number.MAX_SAFE_INTEGER;

/**
 * Walks one term's postings in a segment in their stored order (field by field, documents
 * ascending within a field), reading the word numbers of a posting only when asked for them. A
 * phrase search moves one cursor per term of the phrase and decodes word numbers only where all
 * of them meet; the rest are skipped over without being decoded, and nothing is allocated per
 * posting. Needs the positions fragment.
 */
export class PostingCursor {
  /** The current posting as `field * docCount + doc`: ascends from posting to posting. */
  key = -1;
  /** The current posting's document (in the segment) and field. */
  doc = 0;
  field = -1;
  /** After `readOrdinals`, the current posting's word numbers, ascending: [0, ordinalCount). */
  ordinals = new Int32Array(16);
  ordinalCount = 0;
  private left = 0;
  private gapOffset: number;
  private frequencyOffset: number;
  private positionOffset: number;
  /** Word numbers of the current posting not read yet. */
  private unread = 0;
  private readonly fieldCount: number;
  private readonly positions: Uint8Array;
  private readonly counted: boolean;
  /** For the rare number of more than one byte. */
  private readonly cursor = { offset: 0 };

  constructor(
    private readonly segment: Segment,
    private readonly termId: number,
  ) {
    const table = segment.positions;
    if (!table) throw new Error('the positions fragment is not loaded');
    this.fieldCount = segment.fieldNames.length;
    this.positions = table.bytes;
    this.counted = table.counted[termId] === 1;
    this.gapOffset = segment.gapOffsets[termId] as number;
    this.frequencyOffset = segment.frequencyOffsets[termId] as number;
    this.positionOffset = table.offsets[termId] as number;
  }

  /** Moves to the next posting (skipping the word numbers of this one); false past the last. */
  next(): boolean {
    this.skipOrdinals();
    const { segment } = this;
    while (this.left === 0) {
      this.field += 1;
      if (this.field >= this.fieldCount) {
        this.key = END;
        this.checkEnd();
        return false;
      }
      this.left = segment.fieldPostingCounts[this.termId * this.fieldCount + this.field] as number;
      this.doc = 0;
    }
    this.left -= 1;
    this.doc += this.number(segment.gaps, 'gap');
    const frequency = this.number(segment.frequencies, 'frequency');
    this.unread = this.counted ? this.number(this.positions, 'position') : frequency;
    this.key = this.field * segment.docCount + this.doc;
    return true;
  }

  /** Moves to the first posting whose key is `key` or more; false if there is none. */
  seek(key: number): boolean {
    while (this.key < key) if (!this.next()) return false;
    return this.key !== END;
  }

  /** Decodes the current posting's word numbers into `ordinals`. */
  readOrdinals(): void {
    const count = this.unread;
    if (this.ordinals.length < count) this.ordinals = new Int32Array(count * 2);
    let ordinal = 0;
    for (let i = 0; i < count; i++)
      this.ordinals[i] = ordinal += this.number(this.positions, 'position');
    this.ordinalCount = count;
    this.unread = 0;
  }

  /** Steps over the current posting's word numbers: each ends at a byte below 0x80. */
  private skipOrdinals(): void {
    const bytes = this.positions;
    let offset = this.positionOffset;
    for (let left = this.unread; left > 0;) {
      const byte = bytes[offset++];
      if (byte === undefined) throw new RangeError(`${WHAT} is truncated (positions)`);
      if (byte < 0x80) left -= 1;
    }
    this.positionOffset = offset;
    this.unread = 0;
  }

  /** The next varint of `bytes` at this cursor's offset for that kind of number. */
  private number(bytes: Uint8Array, kind: 'gap' | 'frequency' | 'position'): number {
    const offset =
      kind === 'gap'
        ? this.gapOffset
        : kind === 'frequency'
          ? this.frequencyOffset
          : this.positionOffset;
    let value = bytes[offset] as number;
    let end = offset + 1;
    if (value === undefined || value >= 0x80) {
      this.cursor.offset = offset;
      value = readUint(bytes, this.cursor, WHAT);
      end = this.cursor.offset;
    }
    if (kind === 'gap') this.gapOffset = end;
    else if (kind === 'frequency') this.frequencyOffset = end;
    else this.positionOffset = end;
    return value;
  }

  /** Throws if the postings just read ran into the next term's. */
  private checkEnd(): void {
    const { segment, termId } = this;
    const table = segment.positions;
    if (
      this.gapOffset > (segment.gapOffsets[termId + 1] as number) ||
      this.frequencyOffset > (segment.frequencyOffsets[termId + 1] as number) ||
      (table && this.positionOffset > (table.offsets[termId + 1] as number))
    )
      throw new RangeError(`${WHAT} is damaged (postings overrun)`);
  }
}
