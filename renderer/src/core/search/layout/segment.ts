import { TITLE_FIELDS } from '../searchFields';
import { WordTrie } from '../termDictionary';
import { ByteReader, readSortedWords, readUint } from './bytes';
import { BOOST_SCALE, readHeader, type LazyFragmentKind } from './format';

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
  /** Where each term's numbers start in `bytes`: term t spans offsets[t] .. offsets[t + 1]. */
  offsets: Uint32Array;
  bytes: Uint8Array;
  /** 1 for terms whose postings store their count of numbers (some occurrences are joined compounds). */
  counted: Uint8Array;
}

/** One term's postings in the documents a phrase search wants, with their word numbers. */
export interface TermPositions {
  /** Each posting's `field * docCount + doc`, ascending (postings go field by field). */
  keys: Int32Array;
  /** Where each posting's word numbers start in `ordinals`; starts[count] is where they end. */
  starts: Int32Array;
  /** The word numbers, ascending within each posting. */
  ordinals: Int32Array;
  count: number;
}

/** Every word as written (folded) and the id of the term it is indexed under (`lexicon`). */
export interface Lexicon {
  words: readonly string[];
  termIds: Uint32Array;
  /** The words as a trie, for typo matching. */
  trie: WordTrie;
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
  /** Postings per term and field, [term * fields + field]: a term's postings go field by field. */
  readonly fieldPostingCounts: Uint32Array;
  /** Each posting's gap from the previous document of its term and field, term by term. */
  readonly gaps: Uint8Array;
  readonly gapOffsets: Uint32Array;
  /** Each posting's term frequency, in the same order. */
  readonly frequencies: Uint8Array;
  readonly frequencyOffsets: Uint32Array;
  /** Sorted ids of each document's title and keyword terms, read from the postings when first needed. */
  private titles: { offsets: Uint32Array; ids: Uint32Array } | null = null;
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
    this.terms = readSortedWords(input);
    const termCount = this.terms.length;
    this.fieldPostingCounts = new Uint32Array(termCount * fieldCount);
    this.postingCounts = new Uint32Array(termCount);
    for (let t = 0; t < termCount; t++)
      for (let f = 0; f < fieldCount; f++) {
        const count = input.uint();
        this.fieldPostingCounts[t * fieldCount + f] = count;
        this.postingCounts[t] = (this.postingCounts[t] as number) + count;
      }
    this.gapOffsets = offsetsFrom(input, termCount);
    this.gaps = input.raw();
    if (this.gaps.length !== this.gapOffsets[termCount])
      throw new RangeError(`${what} is damaged (postings)`);
    this.frequencyOffsets = offsetsFrom(input, termCount);
    this.frequencies = input.raw();
    if (this.frequencies.length !== this.frequencyOffsets[termCount])
      throw new RangeError(`${what} is damaged (frequencies)`);
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
      const termCount = this.terms.length;
      const counted = new Uint8Array(termCount);
      let id = 0;
      for (let i = input.uint(); i > 0; i--) {
        id += input.uint();
        if (id >= termCount) throw new RangeError(`${what} is damaged (term ids)`);
        counted[id] = 1;
      }
      const offsets = offsetsFrom(input, termCount);
      const bytes = input.raw();
      if (bytes.length !== offsets[termCount])
        throw new RangeError(`${what} is damaged (positions)`);
      this.positions = { offsets, bytes, counted };
      return;
    }
    const words = readSortedWords(input);
    const count = words.length;
    const termIds = new Uint32Array(count);
    let id = 0;
    for (let i = 0; i < count; i++) {
      // Differences from the previous word's term, zigzag-coded (even: up, odd: down).
      const step = input.uint();
      id += step % 2 === 0 ? step / 2 : -(step + 1) / 2;
      if (id < 0 || id >= this.terms.length) throw new RangeError(`${what} is damaged (term ids)`);
      termIds[i] = id;
    }
    this.lexicon = { words, termIds, trie: new WordTrie(words) };
  }

  /** True when document `doc`'s title or keywords hold a term with an id in [start, end). */
  titleHasTermIn(doc: number, start: number, end: number): boolean {
    const { offsets, ids } = (this.titles ??= this.readTitles());
    let low = offsets[doc] as number;
    const high = offsets[doc + 1] as number;
    let top = high;
    while (low < top) {
      const middle = (low + top) >>> 1;
      if ((ids[middle] as number) < start) low = middle + 1;
      else top = middle;
    }
    return low < high && (ids[low] as number) < end;
  }

  /**
   * Each document's title and keyword terms, from those fields' postings (which come first in
   * each term's postings, so the rest of each term is skipped).
   */
  private readTitles(): { offsets: Uint32Array; ids: Uint32Array } {
    const fieldCount = this.fieldNames.length;
    const wanted = this.fieldNames.map((name) => TITLE_FIELDS.includes(name));
    const last = wanted.lastIndexOf(true);
    const pairs: number[] = [];
    const perDoc = new Uint32Array(this.docCount + 1);
    for (let t = 0; t < this.terms.length; t++) {
      const cursor = { offset: this.gapOffsets[t] as number };
      for (let f = 0; f <= last; f++) {
        let doc = 0;
        for (let i = 0; i < (this.fieldPostingCounts[t * fieldCount + f] as number); i++) {
          doc += readUint(this.gaps, cursor, 'search index');
          if (!wanted[f]) continue;
          pairs.push(doc, t);
          perDoc[doc + 1] = (perDoc[doc + 1] as number) + 1;
        }
      }
    }
    for (let d = 0; d < this.docCount; d++)
      perDoc[d + 1] = (perDoc[d + 1] as number) + (perDoc[d] as number);
    const offsets = perDoc.slice();
    const ids = new Uint32Array(pairs.length / 2);
    // Terms were read in id order, so each document's list comes out sorted.
    for (let i = 0; i < pairs.length; i += 2) {
      const doc = pairs[i] as number;
      ids[perDoc[doc] as number] = pairs[i + 1] as number;
      perDoc[doc] = (perDoc[doc] as number) + 1;
    }
    return { offsets, ids };
  }
  /**
   * The postings of term `termId` in documents `wanted` marks (by number + `base`), with their
   * word numbers, for phrase matching. Needs the positions fragment. One loop over the term's
   * postings into flat arrays: quick to optimize, and nothing allocated per posting.
   */
  positionsIn(
    termId: number,
    wanted: Uint8Array,
    base: number,
    /** False when only how many word numbers each posting has matters: they are not decoded. */
    withOrdinals = true,
  ): TermPositions {
    const table = this.positions;
    if (!table) throw new Error('the positions fragment is not loaded');
    const fieldCount = this.fieldNames.length;
    const docCount = this.docCount;
    const { gaps, frequencies } = this;
    const bytes = table.bytes;
    const counted = table.counted[termId] === 1;
    const cursor = { offset: 0 };
    const what = 'search index';
    let keys: Int32Array = new Int32Array(Math.min(this.postingCounts[termId] as number, 64));
    let starts: Int32Array = new Int32Array(keys.length + 1);
    let ordinals: Int32Array = new Int32Array(64);
    let count = 0;
    let used = 0;
    let gapOffset = this.gapOffsets[termId] as number;
    let frequencyOffset = this.frequencyOffsets[termId] as number;
    let positionOffset = table.offsets[termId] as number;
    for (let field = 0; field < fieldCount; field++) {
      let doc = 0;
      const postings = this.fieldPostingCounts[termId * fieldCount + field] as number;
      for (let i = 0; i < postings; i++) {
        let gap = gaps[gapOffset++] as number;
        if (gap >= 0x80) {
          cursor.offset = gapOffset - 1;
          gap = readUint(gaps, cursor, what);
          gapOffset = cursor.offset;
        }
        doc += gap;
        let numbers = frequencies[frequencyOffset++] as number;
        if (numbers >= 0x80) {
          cursor.offset = frequencyOffset - 1;
          numbers = readUint(frequencies, cursor, what);
          frequencyOffset = cursor.offset;
        }
        if (counted) {
          cursor.offset = positionOffset;
          numbers = readUint(bytes, cursor, what);
          positionOffset = cursor.offset;
        }
        if (wanted[base + doc] !== 1 || !withOrdinals) {
          // Stepped over: each number ends at a byte below 0x80.
          for (let left = numbers; left > 0;) {
            const byte = bytes[positionOffset++];
            if (byte === undefined) throw new RangeError(`${what} is truncated (positions)`);
            if (byte < 0x80) left -= 1;
          }
          if (wanted[base + doc] !== 1) continue;
          // Counted only: the posting's numbers take room in `starts` but are not written.
          if (count + 1 >= keys.length) {
            keys = grown(keys, count + 2);
            starts = grown(starts, count + 3);
          }
          keys[count] = field * docCount + doc;
          starts[count] = used;
          used += numbers;
          count += 1;
          continue;
        }
        if (count + 1 >= keys.length) {
          keys = grown(keys, count + 2);
          starts = grown(starts, count + 3);
        }
        if (used + numbers > ordinals.length) ordinals = grown(ordinals, used + numbers);
        keys[count] = field * docCount + doc;
        starts[count] = used;
        let ordinal = 0;
        for (let j = 0; j < numbers; j++) {
          let step = bytes[positionOffset++] as number;
          if (step === undefined || step >= 0x80) {
            cursor.offset = positionOffset - 1;
            step = readUint(bytes, cursor, what);
            positionOffset = cursor.offset;
          }
          ordinals[used++] = ordinal += step;
        }
        count += 1;
      }
    }
    starts[count] = used;
    if (
      gapOffset > (this.gapOffsets[termId + 1] as number) ||
      positionOffset > (table.offsets[termId + 1] as number)
    )
      throw new RangeError(`${what} is damaged (postings overrun)`);
    return { keys, starts, ordinals, count };
  }
}

/** A copy of `array` with room for at least `size` numbers (twice as many, to grow rarely). */
function grown(array: Int32Array, size: number): Int32Array {
  const copy = new Int32Array(Math.max(size, array.length * 2));
  copy.set(array);
  return copy;
}
