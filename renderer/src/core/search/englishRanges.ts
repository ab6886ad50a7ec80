import type { ContentDocument } from '../content/model';
import { splitEnglishSpans } from '../markdown/englishSpanText';
import type { SearchField } from './searchFields';
import type { Position } from './snippet';

/** Where English wording sits in a document's indexed fields, by field, as [start, length]. */
export type EnglishRanges = Partial<Record<SearchField, readonly Position[]>>;

/**
 * Where the `[text]{lang=en}` spans of `markup` (a French field as written: a summary, a body's
 * Markdown) sit in `plain`, the same field as indexed, which has lost the markup. Each span's
 * text is looked for after the previous one, whatever the white space between its words (a line
 * break in the Markdown may be a space in the plain text); a span not found (its words changed
 * by inline markup) is left unmarked rather than guessed.
 */
export function englishRangesIn(markup: string, plain: string): Position[] {
  const ranges: Position[] = [];
  let cursor = 0;
  for (const part of splitEnglishSpans(markup)) {
    if (!part.english) continue;
    const words = part.text.trim().split(/\s+/).map(escapeRegExp);
    if (words.length === 0 || words[0] === '') continue;
    const pattern = new RegExp(words.join('\\s+'), 'g');
    pattern.lastIndex = cursor;
    const found = pattern.exec(plain);
    if (!found) continue;
    ranges.push([found.index, found[0].length]);
    cursor = found.index + found[0].length;
  }
  return ranges;
}

/**
 * The English wording in a French document's snippet fields (`fields`, as segmentFields gives
 * them): its summary's spans, and its body's when the body is indexed in this language. Empty
 * for a document with no spans, so English documents cost one scan of their text.
 */
export function englishRangesOf(
  doc: Pick<ContentDocument, 'summary' | 'body'>,
  fields: Readonly<Record<SearchField, string>>,
): EnglishRanges {
  const ranges: EnglishRanges = {};
  const summary = englishRangesIn(doc.summary, fields.summary);
  if (summary.length > 0) ranges.summary = summary;
  if (fields.body !== '') {
    const body = englishRangesIn(doc.body, fields.body);
    if (body.length > 0) ranges.body = body;
  }
  return ranges;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
