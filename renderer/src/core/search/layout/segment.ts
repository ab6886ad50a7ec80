import { ByteReader, readUint } from './bytes';
import { BOOST_SCALE, FIELD_BITS, readHeader, type LazyFragmentKind } from './format';

/** Where each term's data starts in a block: term i spans offsets[i] .. offsets[i + 1]. */
function offsetsFrom(input: ByteReader, count: number): Uint32Array {
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] as number) + input.uint();
  return offsets;
}

function lines(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return text === '' ? [] : text.split('\n');
}

/** Word numbers of every occurrence, per posting, in the postings' order (the `positions` fragment). */
export interface PositionTable {
  offsets: Uint32Array;
  bytes: Uint8Array;
}

/** Every word as written (folded) and the id of the term it is indexed under (`lexicon`). */
export interface Lexicon {
  words: readonly string[];
  termIds: Uint32Array;
}

/**
 * One index segment, decoded: typed arrays over the fragment bytes, nothing rebuilt. Postings
 * and positions stay encoded until a query reads them, so opening costs little more than
 * splitting the term list. Lazy fragments attach when first needed.
 */
export class Segment {
  readonly analyzer: string;
  readonly fingerprint: number;
  readonly fieldNames: readonly string[];
  readonly fieldBoosts: Float64Array;
  readonly k1: number;
  readonly b: number;
  readonly docIds: readonly string[];
  readonly docBoosts: Float64Array;
  /** Terms in each field of each document (stop words not counted): [doc * fields + field]. */
  readonly fieldLengths: Uint32Array;
  /** Sum of each field's lengths over the documents: pooled across segments for BM25. */
  readonly fieldLengthTotals: Float64Array;
  readonly terms: readonly string[];
  /** Postings per term: lunr's "documents with term" (one per document and field). */
  readonly postingCounts: Uint32Array;
  readonly postingOffsets: Uint32Array;
  readonly postings: Uint8Array;
  /** Sorted ids of each document's title and keyword terms: titleOffsets[d] .. titleOffsets[d + 1]. */
  readonly titleOffsets: Uint32Array;
  readonly titleTermIds: Uint32Array;
  positions: PositionTable | null = null;
  lexicon: Lexicon | null = null;

  /** Decodes a `core` fragment; throws, saying what is wrong, if it is not one. */
  constructor(core: Uint8Array) {
    const what = 'search index core fragment';
    const input = new ByteReader(core, what);
    const header = readHeader(input, 'core');
    this.analyzer = header.analyzer;
    this.fingerprint = header.fingerprint;
    const fieldCount = input.uint();
    const names: string[] = [];
    this.fieldBoosts = new Float64Array(fieldCount);
    for (let f = 0; f < fieldCount; f++) {
      names.push(input.text());
      this.fieldBoosts[f] = input.uint() / BOOST_SCALE;
    }
    this.fieldNames = names;
    this.k1 = input.uint() / BOOST_SCALE;
    this.b = input.uint() / BOOST_SCALE;
    const docCount = input.uint();
    this.docIds = lines(input.raw());
    if (this.docIds.length !== docCount) throw new RangeError(`${what} is damaged (document ids)`);
    this.docBoosts = new Float64Array(docCount);
    for (let d = 0; d < docCount; d++) this.docBoosts[d] = input.uint() / BOOST_SCALE;
    this.fieldLengths = new Uint32Array(docCount * fieldCount);
    this.fieldLengthTotals = new Float64Array(fieldCount);
    for (let i = 0; i < this.fieldLengths.length; i++) {
      const length = input.uint();
      this.fieldLengths[i] = length;
      const field = i % fieldCount;
      this.fieldLengthTotals[field] = (this.fieldLengthTotals[field] as number) + length;
    }
    const termCount = input.uint();
    this.terms = lines(input.raw());
    if (this.terms.length !== termCount) throw new RangeError(`${what} is damaged (terms)`);
    this.postingCounts = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t++) this.postingCounts[t] = input.uint();
    this.postingOffsets = offsetsFrom(input, termCount);
    this.postings = input.raw();
    if (this.postings.length !== this.postingOffsets[termCount])
      throw new RangeError(`${what} is damaged (postings)`);
    this.titleOffsets = new Uint32Array(docCount + 1);
    const titleIds: number[] = [];
    for (let d = 0; d < docCount; d++) {
      const count = input.uint();
      let id = 0;
      for (let i = 0; i < count; i++) titleIds.push((id += input.uint()));
      this.titleOffsets[d + 1] = titleIds.length;
    }
    this.titleTermIds = Uint32Array.from(titleIds);
    if (!input.done) throw new RangeError(`${what} is damaged (trailing bytes)`);
  }

  get docCount(): number {
    return this.docIds.length;
  }

  /** True once the fragment is attached. */
  has(kind: LazyFragmentKind): boolean {
    return kind === 'positions' ? this.positions !== null : this.lexicon !== null;
  }

  /** Decodes a lazy fragment and attaches it; refuses one built with another core. */
  attach(kind: LazyFragmentKind, bytes: Uint8Array): void {
    const what = `search index ${kind} fragment`;
    const input = new ByteReader(bytes, what);
    const header = readHeader(input, kind);
    if (header.fingerprint !== this.fingerprint)
      throw new Error(`the ${what} belongs to another build of the index; rebuild the content`);
    if (kind === 'positions') {
      const offsets = offsetsFrom(input, this.terms.length);
      const table = input.raw();
      if (table.length !== offsets[this.terms.length])
        throw new RangeError(`${what} is damaged (positions)`);
      this.positions = { offsets, bytes: table };
      return;
    }
    const count = input.uint();
    const words = lines(input.raw());
    if (words.length !== count) throw new RangeError(`${what} is damaged (words)`);
    const termIds = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const id = input.uint();
      if (id >= this.terms.length) throw new RangeError(`${what} is damaged (term ids)`);
      termIds[i] = id;
    }
    this.lexicon = { words, termIds };
  }

  /** True when document `doc`'s title or keywords hold a term with an id in [start, end). */
  titleHasTermIn(doc: number, start: number, end: number): boolean {
    let low = this.titleOffsets[doc] as number;
    let high = this.titleOffsets[doc + 1] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.titleTermIds[middle] as number) < start) low = middle + 1;
      else high = middle;
    }
    return low < (this.titleOffsets[doc + 1] as number) && (this.titleTermIds[low] as number) < end;
  }

  /**
   * The word numbers of term `termId` in each (document, field) posting it has, for documents
   * `wanted` accepts, keyed `doc * fields + field`. Needs the positions fragment.
   */
  occurrences(termId: number, wanted: (doc: number) => boolean): Map<number, number[]> {
    const table = this.positions;
    if (!table) throw new Error('the positions fragment is not loaded');
    const found = new Map<number, number[]>();
    const what = 'search index';
    const postingCursor = { offset: this.postingOffsets[termId] as number };
    const positionCursor = { offset: table.offsets[termId] as number };
    const fieldCount = this.fieldNames.length;
    let doc = 0;
    for (let i = 0; i < (this.postingCounts[termId] as number); i++) {
      const gapAndField = readUint(this.postings, postingCursor, what);
      readUint(this.postings, postingCursor, what);
      doc += Math.floor(gapAndField / FIELD_SPAN);
      const field = gapAndField % FIELD_SPAN;
      const count = readUint(table.bytes, positionCursor, what);
      if (!wanted(doc)) {
        for (let j = 0; j < count; j++) readUint(table.bytes, positionCursor, what);
        continue;
      }
      const ordinals: number[] = [];
      let ordinal = 0;
      for (let j = 0; j < count; j++)
        ordinals.push((ordinal += readUint(table.bytes, positionCursor, what)));
      found.set(doc * fieldCount + field, ordinals);
    }
    return found;
  }
}

/** Postings keep the field in the low FIELD_BITS bits of the document gap. */
export const FIELD_SPAN = 1 << FIELD_BITS;
