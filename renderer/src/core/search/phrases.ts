import { indexTokens, termOf } from './analyzer';
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
 * is read.
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
    const tables: Array<Map<number, number[]>> = [];
    for (const { term } of phrase) {
      const id = findTerm(segment.terms, term);
      if (id < 0) return;
      tables.push(segment.occurrences(id, (doc) => wanted[base + doc] === 1));
    }
    const fieldCount = segment.fieldNames.length;
    const [lead, ...rest] = tables as [Map<number, number[]>, ...Array<Map<number, number[]>>];
    const leadOffset = (phrase[0] as PhraseTerm).offset;
    for (const [key, ordinals] of lead) {
      const doc = base + Math.floor(key / fieldCount);
      if (matching.has(doc)) continue;
      const others = rest.map((table) => table.get(key));
      if (others.some((list) => list === undefined)) continue;
      if (ordinals.some((ordinal) => followsAt(ordinal - leadOffset, phrase, others)))
        matching.add(doc);
    }
  });
  return matching;
}

/** True when every other term occurs at `start` plus its offset (lists of ascending ordinals). */
function followsAt(
  start: number,
  phrase: readonly PhraseTerm[],
  others: ReadonlyArray<number[] | undefined>,
): boolean {
  for (let i = 0; i < others.length; i++) {
    const list = others[i] as number[];
    const target = start + (phrase[i + 1] as PhraseTerm).offset;
    let [low, high] = [0, list.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((list[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    if (list[low] !== target) return false;
  }
  return true;
}
