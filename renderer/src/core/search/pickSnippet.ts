import type { SearchField } from './searchFields';
import { buildSnippet, type Position, type SnippetPart } from './snippet';

/** Fields a snippet may quote, in order of preference when they match equally well. */
const SNIPPET_FIELDS: readonly SearchField[] = [
  'summary',
  'body',
  'headings',
  'keywords',
  'municipality',
];

/**
 * The snippet for one result: from the field whose matches cover the most distinct words (so a
 * two-word query prefers a passage with both), quoting the same text the index positions refer
 * to. With no match outside the title, the summary is shown unmarked. `english` gives, by field,
 * where English wording sits in a French text (englishRanges.ts), for its parts to say so.
 */
export function pickSnippet(
  texts: Readonly<Record<SearchField, string>>,
  positions: Partial<Record<SearchField, readonly Position[]>>,
  english: Partial<Record<SearchField, readonly Position[]>> = {},
): SnippetPart[] {
  let best: { field: SearchField; words: number } | null = null;
  for (const field of SNIPPET_FIELDS) {
    const text = texts[field];
    const found = positions[field] ?? [];
    const words = new Set(
      found.map(([start, length]) => text.slice(start, start + length).toLowerCase()),
    ).size;
    if (words > 0 && (!best || words > best.words)) best = { field, words };
  }
  if (!best) return buildSnippet(texts.summary, [], undefined, english.summary);
  // Snippets are one line. A newline after a sentence becomes a space; one after a heading or
  // an alias (no closing punctuation) becomes a middle dot, so the two do not run together.
  const field = best.field;
  return buildSnippet(texts[field], positions[field] ?? [], undefined, english[field]).map(
    (part) => ({
      ...part,
      text: part.text.replace(/([.!?:;])?[^\S\n]*\n\s*/g, (_, stop?: string) =>
        stop ? `${stop} ` : ' · ',
      ),
    }),
  );
}
