import type { TextPositionSelector, TextQuoteSelector } from '../schema';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Describes the passage `text[start, end)` as W3C selectors: the quote with up to 32 characters
 * of context on each side, and its position. `text` is the document's rendered text content; the
 * renderer maps DOM ranges to these offsets and back. Throws a RangeError for an empty or
 * out-of-bounds range, which is a programming error in the caller.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`range ${start}-${end} is outside a text of ${text.length} characters`);
  }
  if (end <= start) throw new RangeError(`range ${start}-${end} is empty`);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(contextStart(text, start), start),
      suffix: text.slice(end, contextEnd(text, end)),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** The start of the prefix, moved so that it does not cut a surrogate pair in half. */
function contextStart(text: string, start: number): number {
  const from = Math.max(0, start - CONTEXT_LENGTH);
  return from > 0 && isLowSurrogate(text.charCodeAt(from)) ? from + 1 : from;
}

/** The end of the suffix, moved so that it does not cut a surrogate pair in half. */
function contextEnd(text: string, end: number): number {
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  return to < text.length && isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
