import { useCallback, useEffect, type RefObject } from 'react';
import { headingDomId } from '../../core/markdown/slug';
import { t } from '../common/i18n/i18n';

/**
 * Scrolls the document to the heading of a section. The heading stays as the sanitiser left it:
 * giving it a tabindex would mean editing the sanitised HTML, which nothing may do. So focus is
 * not moved onto it; instead the move is announced in the live region, and focus stays on the
 * link the reader used (the table of contents or a link in the text), which is where a keyboard
 * user expects it. Returns the heading's text, or null when the document has no such section.
 */
export function scrollToSection(body: RefObject<HTMLElement | null>, slug: string): string | null {
  const heading = body.current?.querySelector<HTMLElement>(`#${CSS.escape(headingDomId(slug))}`);
  if (!heading) return null;
  heading.scrollIntoView({ block: 'start', behavior: 'instant' });
  return heading.textContent;
}

/**
 * Follows `?section=<slug>` in the route: when the body is in the page and whenever the section
 * changes, scrolls to it and announces it.
 */
export function useSectionScroll(
  body: RefObject<HTMLElement | null>,
  section: string | null,
  ready: boolean,
  announce: (text: string) => void,
): (slug: string) => void {
  const go = useCallback(
    (slug: string) => {
      const text = scrollToSection(body, slug);
      if (text !== null) announce(t('reader:sectionAnnounced', { title: text }));
    },
    [body, announce],
  );
  useEffect(() => {
    if (ready && section !== null) go(section);
  }, [ready, section, go]);
  return go;
}
