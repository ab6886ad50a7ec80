import { useEffect, type RefObject } from 'react';
import { meaningOf, type AnchoredAnnotation } from '../../../core/annotations';
import { offsetsToRange, type TextOffsets } from '../textOffsets';
import {
  PENDING_HIGHLIGHT,
  clearAllHighlights,
  paintMeanings,
  paintSingle,
} from './highlightPainter';

/**
 * Keeps the painted highlights in step with the anchored annotations, shows the passage being
 * annotated while the dialog is open, and removes everything when the reader closes.
 */
export function useHighlightPainting(
  article: RefObject<HTMLElement | null>,
  anchored: readonly AnchoredAnnotation[] | null,
  pending: TextOffsets | null,
): void {
  useEffect(() => {
    const root = article.current;
    if (!root || !anchored) return;
    paintMeanings(
      anchored.flatMap((item) => {
        const range = offsetsToRange(root, item.start, item.end);
        return range ? [{ meaning: meaningOf(item.annotation), range }] : [];
      }),
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
