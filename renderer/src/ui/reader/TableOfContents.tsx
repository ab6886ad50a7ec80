import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedHeading } from '../../core/markdown/env';
import { documentRoute } from '../../core/markdown/linkPolicy';

export interface TableOfContentsProps {
  docId: string;
  /** The body's headings; only levels 2 and 3 are listed. */
  headings: readonly RenderedHeading[];
  /** The body's language, when it is not the interface's (its headings are the body's). */
  lang?: string | undefined;
  /** The section being read, marked with aria-current. */
  current: string | null;
  /** Scrolls to a section (and announces it). */
  onGo: (slug: string) => void;
}

/**
 * "On this page": a link to each section. Each link is a real route (`#/doc/<id>?section=<slug>`),
 * so it can be copied or opened anew; following one replaces the current history entry, so
 * moving around inside a document does not fill the Back button.
 */
export function TableOfContents({ docId, headings, lang, current, onGo }: TableOfContentsProps) {
  const { t } = useTranslation('reader');
  const listed = headings.filter((heading) => heading.level <= 3);
  if (listed.length < 2) return null;

  const follow = (event: MouseEvent<HTMLAnchorElement>, slug: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    const href = documentRoute(docId, slug);
    // Same route again (a second click): no hashchange will fire, so scroll here as well.
    onGo(slug);
    if (window.location.hash !== href) window.location.replace(href);
  };

  return (
    <nav aria-label={t('toc')} className="reader-toc">
      <h2 className="reader-toc__title">{t('toc')}</h2>
      <ol className="reader-toc__list" lang={lang}>
        {listed.map((heading) => (
          <li
            key={heading.slug}
            className={`reader-toc__item reader-toc__item--level-${heading.level}`}
          >
            <a
              className="reader-toc__link"
              href={documentRoute(docId, heading.slug)}
              aria-current={heading.slug === current ? 'location' : undefined}
              onClick={(event) => follow(event, heading.slug)}
            >
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
