import { useEffect, useState, type RefObject } from 'react';
import type { RenderedHeading } from '../../core/markdown/env';

/** A heading counts as "current" once its top has passed this far down the window. */
const READING_LINE_PX = 120;

/** How far above the window the observed zone reaches: far enough to cover any document. */
const ABOVE_PX = 1_000_000;

/**
 * The slug of the section being read: the last listed heading whose top is above the reading
 * line. An IntersectionObserver watches the zone from far above the window down to the reading
 * line, so a heading fires exactly when it crosses that line, whichever way and however far the
 * reader jumps (a zone only as tall as a band would miss a heading that leaps over it), and the
 * work happens only then, never on every scroll event.
 */
export function useCurrentSection(
  body: RefObject<HTMLElement | null>,
  headings: readonly RenderedHeading[],
  ready: boolean,
): string | null {
  const [current, setCurrent] = useState<string | null>(null);

  useEffect(() => {
    const root = body.current;
    if (!ready || !root || headings.length === 0) return;
    const elements = headings.flatMap((heading) => {
      const element = root.querySelector<HTMLElement>(`#${CSS.escape(heading.domId)}`);
      return element ? [{ slug: heading.slug, element }] : [];
    });
    const update = () => {
      let found: string | null = null;
      for (const { slug, element } of elements) {
        if (element.getBoundingClientRect().top <= READING_LINE_PX) found = slug;
        else break;
      }
      setCurrent(found);
    };
    const observer = new IntersectionObserver(update, {
      rootMargin: `${ABOVE_PX}px 0px -${Math.max(0, window.innerHeight - READING_LINE_PX - 1)}px 0px`,
      threshold: [0, 1],
    });
    elements.forEach(({ element }) => observer.observe(element));
    update();
    return () => observer.disconnect();
  }, [body, headings, ready]);

  return current;
}
