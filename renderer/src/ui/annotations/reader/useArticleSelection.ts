import { useEffect, useState, type RefObject } from 'react';
import { offsetsToRange, selectionOffsets, type TextOffsets } from '../textOffsets';

/** The text selected in the article now, with where it is on screen (for the toolbar). */
export interface ArticleSelection {
  offsets: TextOffsets;
  /** The selection's bounding box in viewport coordinates. */
  rect: { top: number; bottom: number; left: number; right: number };
}

export interface ArticleSelectionState {
  /** What is selected in the article right now, or null. */
  live: ArticleSelection | null;
  /**
   * The last passage selected in the article. It outlives moving focus to a button or the margin
   * (which may hide the selection), so "Annotate selection" and "Re-attach" still know it; it is
   * forgotten when the user clicks or moves the caret in the article without selecting.
   */
  last: TextOffsets | null;
}

/** Follows the document selection inside the article (mouse or keyboard selections alike). */
export function useArticleSelection(
  article: RefObject<HTMLElement | null>,
  ready: boolean,
): ArticleSelectionState {
  const [state, setState] = useState<ArticleSelectionState>({ live: null, last: null });
  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const root = article.current;
      const selection = document.getSelection();
      if (!root || !selection) return;
      const offsets = selectionOffsets(root, selection);
      if (offsets) {
        const range = offsetsToRange(root, offsets.start, offsets.end);
        const box = range?.getBoundingClientRect();
        const rect = box
          ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right }
          : { top: 0, bottom: 0, left: 0, right: 0 };
        setState({ live: { offsets, rect }, last: offsets });
        return;
      }
      const caretInArticle =
        selection.rangeCount > 0 && selection.isCollapsed && root.contains(selection.anchorNode);
      setState((previous) =>
        previous.live === null && (previous.last === null || !caretInArticle)
          ? previous
          : { live: null, last: caretInArticle ? null : previous.last },
      );
    };
    // selectionchange fires for every character while dragging; read once per frame.
    const schedule = () => {
      if (frame === 0) frame = window.requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame !== 0) window.cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [article, ready]);
  return state;
}
