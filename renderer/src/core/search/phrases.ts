import type { Analyzer } from './analyzer';
import type { TermPositions } from './layout/segment';
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
export function phraseTerms(
  words: readonly string[],
  { indexTokens, termOf }: Analyzer,
): PhraseTerm[] {
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
 * is read. Each term's postings in the candidates are read once into flat arrays, ordered by
 * (field, document), and walked in step; word numbers are compared only where all terms meet.
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
    const lists: TermPositions[] = [];
    for (const { term } of phrase) {
      const id = findTerm(segment.terms, term);
      if (id < 0) return;
      // A phrase of one indexed word (after a stop word: "and system") only needs that word
      // to have an occurrence with a word number, so its numbers are counted, not decoded.
      lists.push(segment.positionsIn(id, wanted, base, phrase.length > 1));
    }
    const lead = lists[0] as TermPositions;
    const at = new Int32Array(lists.length);
    const docCount = segment.docCount;
    postings: for (let i = 0; i < lead.count; i++) {
      const key = lead.keys[i] as number;
      const doc = base + (key % docCount);
      if (matching.has(doc)) continue;
      for (let t = 1; t < lists.length; t++) {
        const list = lists[t] as TermPositions;
        let k = at[t] as number;
        while (k < list.count && (list.keys[k] as number) < key) k++;
        at[t] = k;
        // A term with no postings left ends the search in this segment.
        if (k === list.count) break postings;
        if (list.keys[k] !== key) continue postings;
      }
      if (lists.length === 1) {
        if ((lead.starts[i + 1] as number) > (lead.starts[i] as number)) matching.add(doc);
      } else if (holdsPhrase(lists, at, i, phrase)) matching.add(doc);
    }
  });
  return matching;
}

/**
 * True when, in the posting each list is at (`at`, the lead's at `lead`), some occurrence of the
 * first term is followed by every other term at its offset.
 */
function holdsPhrase(
  lists: readonly TermPositions[],
  at: Int32Array,
  lead: number,
  phrase: readonly PhraseTerm[],
): boolean {
  const first = lists[0] as TermPositions;
  const leadOffset = (phrase[0] as PhraseTerm).offset;
  for (let o = first.starts[lead] as number; o < (first.starts[lead + 1] as number); o++) {
    const start = (first.ordinals[o] as number) - leadOffset;
    let all = true;
    for (let t = 1; t < lists.length && all; t++) {
      const list = lists[t] as TermPositions;
      const posting = at[t] as number;
      all = holds(
        list.ordinals,
        list.starts[posting] as number,
        list.starts[posting + 1] as number,
        start + (phrase[t] as PhraseTerm).offset,
      );
    }
    if (all) return true;
  }
  return false;
}

/** Whether ordinals[from .. to) (ascending) include `target`. */
function holds(ordinals: Int32Array, from: number, to: number, target: number): boolean {
  let [low, high] = [from, to];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ordinals[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low < to && ordinals[low] === target;
}
