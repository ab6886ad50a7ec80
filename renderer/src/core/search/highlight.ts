import type { Analyzer } from './analyzer';
import { SEARCH_FIELDS, type SearchField } from './searchFields';
import type { Position } from './snippet';

/** Where the matched words are, per indexed field, as `[start, length]` offsets. */
export type MatchPositions = Partial<Record<SearchField, Position[]>>;

/**
 * Where a result's matched terms occur in its fields: every token whose indexed term is one the
 * search matched. The index keeps no character offsets; the few results on screen are re-read
 * instead, with the index's own analyzer, so the marks fall exactly on what was indexed ("Wi-Fi"
 * whole for "wifi", "réseau" for "reseau").
 */
export function matchPositions(
  texts: Readonly<Record<SearchField, string>>,
  terms: ReadonlySet<string>,
  /** The analyzer of the segment the text was found in (the text's language). */
  { indexTokens, termOf }: Analyzer,
): MatchPositions {
  const found: MatchPositions = {};
  if (terms.size === 0) return found;
  for (const { name } of SEARCH_FIELDS) {
    const positions: Position[] = [];
    for (const token of indexTokens(texts[name])) {
      const term = termOf(token.word);
      if (term !== null && terms.has(term)) positions.push([token.start, token.length]);
    }
    if (positions.length > 0) found[name] = positions;
  }
  return found;
}
