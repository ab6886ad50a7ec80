import { useEffect, type RefObject } from 'react';
import { MEANINGS, type AnchoredAnnotation } from '../../../core/annotations';
import { spansByMeaning } from '../../../core/annotations/anchoring/highlightSpans';
import { offsetsToRange, type TextOffsets } from '../textOffsets';
import {
  PENDING_HIGHLIGHT,
  clearAllHighlights,
  paintMeanings,
  paintSingle,
} from './highlightPainter';
import { TextNodeIndex } from './textNodeIndex';

/**
 * Keeps the painted highlights in step with the anchored annotations, shows the passage being
 * annotated while the dialog is open, and removes everything when the reader closes. The article
 * is walked once per repaint, however many highlights it has (see TextNodeIndex), and
 * overlapping highlights of one meaning are painted as one range (see spansByMeaning).
 */
export function useHighlightPainting(
  article: RefObject<HTMLElement | null>,
  anchored: readonly AnchoredAnnotation[] | null,
  pending: TextOffsets | null,
): void {
  useEffect(() => {
    const root = article.current;
    if (!root || !anchored) return;
    const index = new TextNodeIndex(root);
    const spans = spansByMeaning(anchored);
    paintMeanings(
      MEANINGS.flatMap((meaning) =>
        spans[meaning].flatMap((span) => {
          const range = index.range(span.start, span.end);
          return range ? [{ meaning, range }] : [];
        }),
      ),
    );
  }, [article, anchored]);

  const pendingStart = pending?.start;
  const pendingEnd = pending?.end;
  useEffect(() => {
    const root = article.current;
    if (!root || pendingStart === undefined || pendingEnd === undefined) return;
    paintSingle(PENDING_HIGHLIGHT, offsetsToRange(root, pendingStart, pendingEnd));
    return () => paintSingle(PENDING_HIGHLIGHT, null);
  }, [article, pendingStart, pendingEnd]);

  useEffect(() => clearAllHighlights, []);
}
