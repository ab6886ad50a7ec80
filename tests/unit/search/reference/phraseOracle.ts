import { readUint } from '../../../../renderer/src/core/search/layout/bytes';
import type { Segment } from '../../../../renderer/src/core/search/layout/segment';
import type { PhraseTerm } from '../../../../renderer/src/core/search/phrases';
import type { SegmentSet } from '../../../../renderer/src/core/search/scoring';
import { findTerm } from '../../../../renderer/src/core/search/termDictionary';

/**
 * Phrase matching the obvious way, to check `documentsWithPhrase` against: every posting of every
 * term decoded with its word numbers into one table, (document, field) -> term -> its word
 * numbers there, then each occurrence of a phrase's first term tried against the others.
 */
export class PhraseOracle {
  /** Per segment: `doc * fields + field` -> term id -> its word numbers there. */
  private readonly tables: Array<Map<number, Map<number, Set<number>>>>;

  constructor(private readonly set: SegmentSet) {
    this.tables = set.segments.map(wordTable);
  }

  /** The candidates (numbers of `set`) some field of which holds the phrase. */
  documentsWithPhrase(phrase: readonly PhraseTerm[], candidates: Int32Array): Set<number> {
    const found = new Set<number>();
    for (const doc of candidates) {
      const s = this.set.segmentOf(doc);
      const segment = this.set.segments[s] as Segment;
      const local = doc - (this.set.bases[s] as number);
      const ids = phrase.map(({ term }) => findTerm(segment.terms, term));
      if (ids.some((id) => id < 0)) continue;
      const fieldCount = segment.fieldNames.length;
      for (let field = 0; field < fieldCount; field++) {
        const terms = this.tables[s]?.get(local * fieldCount + field);
        const lead = phrase[0] as PhraseTerm;
        for (const ordinal of terms?.get(ids[0] as number) ?? []) {
          const start = ordinal - lead.offset;
          if (phrase.every(({ offset }, i) => terms?.get(ids[i] as number)?.has(start + offset)))
            found.add(doc);
        }
      }
    }
    return found;
  }
}

function wordTable(segment: Segment): Map<number, Map<number, Set<number>>> {
  const table = segment.positions;
  if (!table) throw new Error('the positions fragment is not loaded');
  const byPosting = new Map<number, Map<number, Set<number>>>();
  const fieldCount = segment.fieldNames.length;
  const what = 'oracle';
  for (let term = 0; term < segment.terms.length; term++) {
    const gaps = { offset: segment.gapOffsets[term] as number };
    const frequencies = { offset: segment.frequencyOffsets[term] as number };
    const positions = { offset: table.offsets[term] as number };
    for (let field = 0; field < fieldCount; field++) {
      let doc = 0;
      const postings = segment.fieldPostingCounts[term * fieldCount + field] as number;
      for (let i = 0; i < postings; i++) {
        doc += readUint(segment.gaps, gaps, what);
        const frequency = readUint(segment.frequencies, frequencies, what);
        const count =
          table.counted[term] === 1 ? readUint(table.bytes, positions, what) : frequency;
        const key = doc * fieldCount + field;
        const terms = byPosting.get(key) ?? new Map<number, Set<number>>();
        byPosting.set(key, terms);
        const ordinals = new Set<number>();
        terms.set(term, ordinals);
        let ordinal = 0;
        for (let j = 0; j < count; j++)
          ordinals.add((ordinal += readUint(table.bytes, positions, what)));
      }
    }
  }
  return byPosting;
}
