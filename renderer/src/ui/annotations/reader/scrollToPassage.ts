import { offsetsToRange, type TextOffsets } from '../textOffsets';
import { CURRENT_HIGHLIGHT, paintSingle } from './highlightPainter';

/**
 * Scrolls the passage into view (a third of the way down the window, so the lines before it give
 * context) and marks it as the current highlight. Focus is not moved: that would mean giving the
 * sanitised article a tabindex, and nothing may edit it; the caller announces the move instead.
 * Returns false when the passage is not in the article.
 */
export function scrollToPassage(root: HTMLElement, offsets: TextOffsets): boolean {
  const range = offsetsToRange(root, offsets.start, offsets.end);
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  window.scrollTo({
    top: Math.max(0, window.scrollY + rect.top - window.innerHeight / 3),
    behavior: 'instant',
  });
  paintSingle(CURRENT_HIGHLIGHT, range);
  return true;
}
