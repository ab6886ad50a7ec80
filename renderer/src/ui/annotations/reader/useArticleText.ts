import { useEffect, useState, type RefObject } from 'react';

/**
 * The article's text content, read once the sanitised body is in the page (`ready`). Annotation
 * offsets and the content version refer to exactly this string. The article is never edited
 * after insertion, so reading it once is enough.
 */
export function useArticleText(
  article: RefObject<HTMLElement | null>,
  ready: boolean,
): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    // Read after the commit that inserted the body, in the next frame.
    const frame = window.requestAnimationFrame(() => setText(article.current?.textContent ?? null));
    return () => window.cancelAnimationFrame(frame);
  }, [article, ready]);
  return text;
}
