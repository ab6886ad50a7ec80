import { readUint } from './layout/bytes';
import type { Segment } from './layout/segment';
import { TITLE_FIELDS } from './searchFields';
import { findTerm } from './termDictionary';

/**
 * BM25 exactly as lunr computes it, from term frequencies and field lengths, over one or more
 * segments with their statistics pooled: the number of documents, each term's "documents with
 * term" and the average field lengths are summed across segments, so a content pack's documents
 * and the bundled library's are ranked on one scale.
 *
 * lunr stores each term's weight per field of each document at build time and scores a query
 * as the dot product of the query's boosts with those weights, over the query vector's length.
 * The weights here are computed the same way (same formula, same rounding to three decimals)
 * when a query reads a posting, so scores equal lunr's to the last rounding of a sum.
 */

/** One term a query word asks for, with lunr's clause boost. */
export interface Clause {
  term: string;
  boost: number;
  /** Reached only through typo tolerance. */
  typo: boolean;
}

/**
 * What one query word matched: documents (ascending), their scores, typo-only flags, and
 * whether each document's title or keywords hold one of the word's own terms.
 */
export interface WordMatches {
  docs: Int32Array;
  scores: Float64Array;
  /** 1 where the document matched this word only through typo expansions. */
  typoOnly: Uint8Array;
  /**
   * 1 where the document's title or keywords hold the word's exact term or one of its prefix
   * expansions (not a typo expansion): read off the postings of those fields while scoring, so
   * ranking's title bonus needs no lookup for these documents.
   */
  inTitle: Uint8Array;
  /** The index terms the word asked for that exist (for highlighting). */
  terms: string[];
}

/**
 * Below one document reached in this many, sorting the documents reached is cheaper than
 * scanning every document's flag (a sort costs about log2(count) steps per document reached).
 */
const SCAN_RATIO = 16;

/** Bits of a document's flag while one query word is scored. */
const FLAG = {
  /** Some posting reached the document. */
  matched: 1,
  /** A posting of a term that is not a typo expansion reached it. */
  exact: 2,
  /** Such a posting is in a title field. */
  title: 4,
} as const;

/** lunr.idf: "documents with term" counts each field a document has the term in. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** Segments searched together, numbered as one list of documents. */
export class SegmentSet {
  readonly docCount: number;
  /** The first document number of each segment. */
  readonly bases: Int32Array;
  /** Each document's place among all the documents' ids in sorted order (ties go by id). */
  readonly idRank: Int32Array;
  private readonly norms: Float64Array[];
  private readonly accumulator: Float64Array;
  /** Per document while a word is scored: the FLAG bits of the postings that reached it. */
  private readonly flags: Uint8Array;
  /** 1 for the fields whose postings count as the title (title, keywords). */
  private readonly titleFields: Uint8Array;
  private readonly touched: Int32Array;

  constructor(readonly segments: readonly Segment[]) {
    const [first] = segments;
    if (!first) throw new Error('a search needs at least one index segment');
    for (const segment of segments)
      if (
        segment.analyzer !== first.analyzer ||
        segment.fieldNames.join() !== first.fieldNames.join() ||
        segment.fieldBoosts.join() !== first.fieldBoosts.join() ||
        segment.k1 !== first.k1 ||
        segment.b !== first.b
      )
        throw new Error(
          `index segments built with different analyzers or fields cannot be ranked together (${first.analyzer}, ${segment.analyzer})`,
        );
    this.bases = new Int32Array(segments.length);
    let docCount = 0;
    segments.forEach((segment, i) => {
      this.bases[i] = docCount;
      docCount += segment.docCount;
    });
    this.docCount = docCount;
    this.idRank = rankIds(segments, docCount);
    const fieldCount = first.fieldNames.length;
    const averages = Array.from({ length: fieldCount }, (_, field) =>
      docCount === 0
        ? 0
        : segments.reduce((sum, s) => sum + (s.fieldLengthTotals[field] as number), 0) / docCount,
    );
    // lunr's length normalisation, k1 * (1 - b + b * length / average), per document and field.
    const { k1, b } = first;
    this.norms = segments.map((segment) =>
      Float64Array.from(
        segment.fieldLengths,
        (length, i) => k1 * (1 - b + b * (length / (averages[i % fieldCount] as number))),
      ),
    );
    this.accumulator = new Float64Array(docCount);
    this.flags = new Uint8Array(docCount);
    this.titleFields = Uint8Array.from(first.fieldNames, (name) =>
      TITLE_FIELDS.includes(name) ? 1 : 0,
    );
    this.touched = new Int32Array(docCount);
  }

  get first(): Segment {
    return this.segments[0] as Segment;
  }

  /** The id of document number `doc`. */
  docId(doc: number): string {
    if (this.segments.length === 1) return this.first.docIds[doc] as string;
    const s = this.segmentOf(doc);
    return (this.segments[s] as Segment).docIds[doc - (this.bases[s] as number)] as string;
  }

  /** Which segment holds document number `doc`. */
  segmentOf(doc: number): number {
    let s = this.segments.length - 1;
    while (s > 0 && (this.bases[s] as number) > doc) s--;
    return s;
  }

  /**
   * Scores one query word: its clauses (exact term, prefix and typo expansions), each term read
   * once, as lunr's `Index.query` does for one query of optional clauses over every field.
   */
  scoreWord(clauses: readonly Clause[]): WordMatches {
    // Each clause's term looked up once per segment (-1 where absent), with its pooled count.
    const segmentCount = this.segments.length;
    const termIds = new Int32Array(clauses.length * segmentCount);
    const present: Array<{ clause: Clause; at: number; documents: number }> = [];
    clauses.forEach((clause, c) => {
      let documents = 0;
      this.segments.forEach((segment, s) => {
        const id = findTerm(segment.terms, clause.term);
        termIds[c * segmentCount + s] = id;
        if (id >= 0) documents += segment.postingCounts[id] as number;
      });
      if (documents > 0) present.push({ clause, at: c * segmentCount, documents });
    });
    // lunr divides by the query vector's length: every clause's boost, once per term.
    const magnitude = Math.sqrt(
      present.reduce((sum, { clause }) => sum + clause.boost * clause.boost, 0),
    );
    const scratch: Scratch = {
      accumulator: this.accumulator,
      flags: this.flags,
      touched: this.touched,
      touchedCount: 0,
    };
    const { k1 } = this.first;
    for (const { clause, at, documents } of present) {
      const idf = lunrIdf(documents, this.docCount);
      this.segments.forEach((segment, s) => {
        const termId = termIds[at + s] as number;
        if (termId >= 0)
          scoreTerm(segment, termId, this.norms[s] as Float64Array, this.bases[s] as number, {
            boost: clause.boost,
            idf,
            k1,
            // bit 0: matched; bit 1: matched by a term that is not a typo expansion
            flag: clause.typo ? FLAG.matched : FLAG.matched | FLAG.exact,
            titleFields: this.titleFields,
            scratch,
          });
      });
    }
    const count = scratch.touchedCount;
    const docs = this.touchedInOrder(count);
    const scores = new Float64Array(count);
    const typoOnly = new Uint8Array(count);
    const inTitle = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const doc = docs[i] as number;
      scores[i] = (this.accumulator[doc] as number) / magnitude;
      const flag = this.flags[doc] as number;
      typoOnly[i] = flag & FLAG.exact ? 0 : 1;
      inTitle[i] = flag & FLAG.title ? 1 : 0;
      this.accumulator[doc] = 0;
      this.flags[doc] = 0;
    }
    return { docs, scores, typoOnly, inTitle, terms: present.map(({ clause }) => clause.term) };
  }

  /**
   * The `count` documents a word reached (in `touched`, flagged in `flags`), ascending. When
   * they are a good share of all documents, reading the flags in document order is cheaper than
   * sorting them (a common word reaches thousands).
   */
  private touchedInOrder(count: number): Int32Array {
    if (count * SCAN_RATIO < this.docCount) return this.touched.slice(0, count).sort();
    const docs = new Int32Array(count);
    const flags = this.flags;
    for (let doc = 0, found = 0; found < count; doc++) if (flags[doc] !== 0) docs[found++] = doc;
    return docs;
  }
}

/** Ranks of the documents' ids in sorted order; in one segment that is their own order. */
function rankIds(segments: readonly Segment[], docCount: number): Int32Array {
  const rank = new Int32Array(docCount);
  const ids = segments.flatMap((segment) => segment.docIds);
  const sorted = ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);
  const order = Array.from({ length: docCount }, (_, i) => i);
  if (!sorted)
    order.sort((a, b) =>
      (ids[a] as string) < (ids[b] as string) ? -1 : ids[a] === ids[b] ? 0 : 1,
    );
  order.forEach((doc, place) => (rank[doc] = place));
  return rank;
}

/** Per-document sums shared by the terms of one query word. */
interface Scratch {
  accumulator: Float64Array;
  /** FLAG bits per document. */
  flags: Uint8Array;
  /** The documents reached so far, in the order first reached. */
  touched: Int32Array;
  touchedCount: number;
}

/**
 * Adds one term's weighted postings to the scratch sums: lunr's field weight for each (document,
 * field), computed as lunr's Builder does and rounded as it does, times the clause boost. The
 * hot loop of every search, so postings are decoded inline rather than through `readUint`.
 */
function scoreTerm(
  segment: Segment,
  termId: number,
  norms: Float64Array,
  base: number,
  term: {
    boost: number;
    idf: number;
    k1: number;
    flag: number;
    titleFields: Uint8Array;
    scratch: Scratch;
  },
): void {
  const { gaps, frequencies, fieldBoosts, docBoosts } = segment;
  const { accumulator, flags, touched } = term.scratch;
  const { boost, idf, flag } = term;
  const k1 = term.k1;
  const fieldCount = fieldBoosts.length;
  let touchedCount = term.scratch.touchedCount;
  let gapOffset = segment.gapOffsets[termId] as number;
  let frequencyOffset = segment.frequencyOffsets[termId] as number;
  for (let field = 0; field < fieldCount; field++) {
    const count = segment.fieldPostingCounts[termId * fieldCount + field] as number;
    const fieldBoost = fieldBoosts[field] as number;
    // A title field's postings of a word's own terms also mark the document as titled.
    const fieldFlag = term.titleFields[field] === 1 && flag & FLAG.exact ? flag | FLAG.title : flag;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      let gap = gaps[gapOffset++] as number;
      if (gap >= 0x80) {
        const cursor = { offset: gapOffset - 1 };
        gap = readUint(gaps, cursor, 'search index');
        gapOffset = cursor.offset;
      }
      let frequency = frequencies[frequencyOffset++] as number;
      if (frequency >= 0x80) {
        const cursor = { offset: frequencyOffset - 1 };
        frequency = readUint(frequencies, cursor, 'search index');
        frequencyOffset = cursor.offset;
      }
      doc += gap;
      let weight =
        (idf * ((k1 + 1) * frequency)) / ((norms[doc * fieldCount + field] as number) + frequency);
      weight *= fieldBoost;
      weight *= docBoosts[doc] as number;
      weight = Math.round(weight * 1000) / 1000;
      const global = base + doc;
      const seen = flags[global] as number;
      if (seen === 0) touched[touchedCount++] = global;
      flags[global] = seen | fieldFlag;
      accumulator[global] = (accumulator[global] as number) + boost * weight;
    }
  }
  if (gapOffset > (segment.gapOffsets[termId + 1] as number))
    throw new RangeError('search index is damaged (postings overrun)');
  term.scratch.touchedCount = touchedCount;
}
