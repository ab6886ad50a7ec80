import { meaningOf } from '../accessors';
import { MEANINGS, type Meaning } from '../meanings';
import type { AnchoredAnnotation } from './anchorAll';

/** A stretch of the text to paint: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The stretches of text to paint for each meaning: the anchored passages of that meaning, with
 * overlapping and touching ones joined. Highlights of one meaning look the same whether they
 * overlap or not, but a browser paints each range of a highlight on its own, so a few hundred
 * crafted passages over the same text once cost seconds a frame; joined, each character is
 * covered by at most one range per meaning. Linear in the number of passages (they come in text
 * order, as `anchorAll` and `assembleOutcome` give them).
 */
export function spansByMeaning(anchored: readonly AnchoredAnnotation[]): Record<Meaning, Span[]> {
  const spans = Object.fromEntries(MEANINGS.map((m) => [m, [] as Span[]])) as Record<
    Meaning,
    Span[]
  >;
  for (const item of anchored) {
    const list = spans[meaningOf(item.annotation)];
    const last = list[list.length - 1];
    if (last && item.start <= last.end) last.end = Math.max(last.end, item.end);
    else list.push({ start: item.start, end: item.end });
  }
  return spans;
}
