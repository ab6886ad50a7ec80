import { indexTokens, termOf } from './analyzer';
import { PostingCursor } from './layout/postingCursor';
import type { SegmentSet } from './scoring';
import { findTerm } from './termDictionary';

/** A term of a quoted phrase and how many words after the phrase's first word it comes. */
export interface PhraseTerm {
  term: string;
  offset: number;
}

/**
 * The indexed terms of a phrase with their word offsets. Stop words are not indexed but still
 * count as words, so "council of the future" needs "futur" three words after "council".
 */
export function phraseTerms(words: readonly string[]): PhraseTerm[] {
  const tokens = indexTokens(words.join(' ')).filter((token) => !token.joined);
  const first = tokens[0]?.ordinal ?? 0;
  return tokens.flatMap((token) => {
    const term = termOf(token.word);
    return term === null ? [] : [{ term, offset: token.ordinal - first }];
  });
}

/**
 * The candidates (document numbers of `set`, ascending) in which some field holds the phrase's
 * terms at the right distances from each other, from the positions fragment: no document text
 * is read. One cursor per term walks its postings in step with the first term's; word numbers
 * are decoded only for the (document, field) postings every term shares.
 */
export function documentsWithPhrase(
  set: SegmentSet,
  phrase: readonly PhraseTerm[],
  candidates: Int32Array,
): Set<number> {
  const matching = new Set<number>();
  if (phrase.length === 0 || candidates.length === 0) return matching;
  const wanted = new Uint8Array(set.docCount);
  for (const doc of candidates) wanted[doc] = 1;
  set.segments.forEach((segment, s) => {
    const base = set.bases[s] as number;
    const cursors: PostingCursor[] = [];
    for (const { term } of phrase) {
      const id = findTerm(segment.terms, term);
      if (id < 0) return;
      cursors.push(new PostingCursor(segment, id));
    }
    const [lead, ...rest] = cursors as [PostingCursor, ...PostingCursor[]];
    postings: while (lead.next()) {
      const doc = base + lead.doc;
      if (wanted[doc] !== 1 || matching.has(doc)) continue;
      for (const cursor of rest) {
        // A term with no postings left ends the search in this segment.
        if (!cursor.seek(lead.key)) break postings;
        if (cursor.key !== lead.key) continue postings;
      }
      lead.readOrdinals();
      for (const cursor of rest) cursor.readOrdinals();
      if (holdsPhrase(lead, rest, phrase)) matching.add(doc);
    }
  });
  return matching;
}

/**
 * True when, in the posting the cursors are on, some occurrence of the first term is followed by
 * every other term at its offset.
 */
function holdsPhrase(
  lead: PostingCursor,
  rest: readonly PostingCursor[],
  phrase: readonly PhraseTerm[],
): boolean {
  const leadOffset = (phrase[0] as PhraseTerm).offset;
  for (let k = 0; k < lead.ordinalCount; k++) {
    const start = (lead.ordinals[k] as number) - leadOffset;
    if (rest.every((cursor, i) => holds(cursor, start + (phrase[i + 1] as PhraseTerm).offset)))
      return true;
  }
  return false;
}

/** Whether the cursor's word numbers (ascending) include `target`. */
function holds(cursor: PostingCursor, target: number): boolean {
  const list = cursor.ordinals;
  let [low, high] = [0, cursor.ordinalCount];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low < cursor.ordinalCount && list[low] === target;
}
