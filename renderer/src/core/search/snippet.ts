/**
 * A piece of a snippet; `marked` pieces are the matched words, shown in `<mark>`; `english`
 * pieces quote English wording inside a French text (a `[text]{lang=en}` span of the content),
 * shown with `lang="en"`.
 */
export interface SnippetPart {
  text: string;
  marked: boolean;
  english?: true;
}

/** [start, length] of a match in the text, as lunr's position metadata records it. */
export type Position = readonly [start: number, length: number];

/**
 * Cuts a window of about `width` characters around the densest cluster of matches and splits
 * it into plain and marked parts, and those again where `english` ranges (English wording in
 * the text) begin and end. Plain data, not HTML: the UI renders `<mark>` elements, so a snippet
 * can never inject markup.
 */
export function buildSnippet(
  text: string,
  positions: readonly Position[],
  width = 180,
  english: readonly Position[] = [],
): SnippetPart[] {
  const sorted = [...positions]
    .filter(([start, length]) => start >= 0 && length > 0 && start + length <= text.length)
    .sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  const push = (start: number, end: number, marked: boolean) =>
    parts.push(...splitAtRanges(text, start, end, marked, english));
  if (sorted.length === 0) {
    const cut = text.length > width;
    push(0, cut ? cutBack(text, width) : text.length, false);
    const last = parts.at(-1);
    if (cut && last?.english) parts.push({ text: '…', marked: false });
    else if (cut && last) last.text += '…';
    return parts;
  }

  // Slide over the matches to find the window holding the most of them.
  const ends = sorted.map(([start, length]) => start + length);
  const starts = sorted.map(([start]) => start);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (ends[j] ?? 0) - (starts[i] ?? 0) <= width) j++;
    if (j - i > bestCount) [best, bestCount] = [i, j - i];
  }
  const firstStart = starts[best] ?? 0;
  const lead = Math.floor(width / 4);
  let from = Math.max(0, firstStart - lead);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + width);
  if (to < text.length) to = cutBack(text, to);

  let cursor = from;
  for (const [start, length] of sorted) {
    if (start < cursor || start + length > to) continue;
    if (start > cursor) push(cursor, start, false);
    push(start, start + length, true);
    cursor = start + length;
  }
  if (cursor < to) push(cursor, to, false);
  if (from > 0) parts.unshift({ text: '…', marked: false });
  if (to < text.length) parts.push({ text: '…', marked: false });
  return parts;
}

// Ends a cut at a word boundary when one is near, so snippets do not end mid-word.
function cutBack(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space > at - 30 && space > 0 ? space : at;
}

/** `text[start, end)` as parts, cut where the `english` ranges begin and end. */
function splitAtRanges(
  text: string,
  start: number,
  end: number,
  marked: boolean,
  english: readonly Position[],
): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [from, length] of english) {
    const to = Math.min(end, from + length);
    if (to <= at || from >= end) continue;
    if (from > at) parts.push({ text: text.slice(at, from), marked });
    parts.push({ text: text.slice(Math.max(at, from), to), marked, english: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), marked });
  return parts;
}
