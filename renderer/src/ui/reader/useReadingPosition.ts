import { useEffect } from 'react';
import type { DocumentStorage } from '../../core/store/DocumentStorage';
import { readingPositionsFor } from '../../core/reader/readingPositions';

/** How far down the page the window is: 0 at the top, 1 at the bottom, null if it cannot scroll. */
function scrollFraction(): number | null {
  const max = document.documentElement.scrollHeight - window.innerHeight;
  return max > 0 ? window.scrollY / max : null;
}

/**
 * Remembers how far the reader scrolled in a document and, on opening it again, returns there,
 * unless the link asked for a section (`restore` false), which wins. Starts once the body is in
 * the page (`ready`), since before that the page has no height to restore into.
 */
export function useReadingPosition(
  storage: DocumentStorage,
  docId: string,
  ready: boolean,
  restore: boolean,
): void {
  useEffect(() => {
    if (!ready) return;
    const positions = readingPositionsFor(storage);
    let live = true;
    let frame = 0;
    const onScroll = () => {
      if (frame !== 0) return;
      frame = window.requestAnimationFrame(() => {
        frame = 0;
        const fraction = scrollFraction();
        if (fraction !== null) void positions.remember(docId, fraction);
      });
    };
    const startListening = () => {
      if (!live) return;
      window.addEventListener('scroll', onScroll, { passive: true });
    };
    const flush = () => void positions.flush();

    if (restore) {
      const scrolledBefore = window.scrollY;
      void positions.get(docId).then((fraction) => {
        // If the reader already scrolled while the list loaded, their choice wins.
        if (live && fraction !== null && window.scrollY === scrolledBefore) {
          const max = document.documentElement.scrollHeight - window.innerHeight;
          window.scrollTo({ top: Math.round(fraction * max), behavior: 'instant' });
        }
        startListening();
      });
    } else {
      startListening();
    }
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      if (frame !== 0) window.cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [storage, docId, ready, restore]);
}
