import { indexTokens, termOf } from './analyzer';
import type { Segment } from './layout/segment';
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
 * The candidates (document numbers of `set`) in which some field holds the phrase's terms at the
 * right distances from each other, from the positions fragment: no document text is read.
 */
export function documentsWithPhrase(
  set: SegmentSet,
  phrase: readonly PhraseTerm[],
  candidates: ReadonlySet<number>,
): Set<number> {
  const matching = new Set<number>();
  const [lead, ...rest] = phrase;
  if (!lead) return matching;
  set.segments.forEach((segment, s) => {
    const base = set.bases[s] as number;
    const wanted = (doc: number) => candidates.has(base + doc);
    const tables = phrase.map(({ term }) => occurrencesOf(segment, term, wanted));
    const [leadTable, ...restTables] = tables;
    if (!leadTable || restTables.some((table) => table === null)) return;
    for (const [key, ordinals] of leadTable) {
      const doc = Math.floor(key / segment.fieldNames.length);
      if (matching.has(base + doc)) continue;
      const found = ordinals.some((ordinal) => {
        const start = ordinal - lead.offset;
        return rest.every((term, i) => restTables[i]?.get(key)?.includes(start + term.offset));
      });
      if (found) matching.add(base + doc);
    }
  });
  return matching;
}

function occurrencesOf(
  segment: Segment,
  term: string,
  wanted: (doc: number) => boolean,
): Map<number, number[]> | null {
  const id = findTerm(segment.terms, term);
  return id < 0 ? null : segment.occurrences(id, wanted);
}
