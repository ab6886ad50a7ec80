import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { t } from './i18n/i18n';
import { hasNavigated } from './routing/useHashRoute';
import type { Language } from '../../../../electron/shared/language';

export interface PageProps {
  /** The page's h1, and the first part of the document title. */
  title: string;
  /** The title's language, when it is not the interface's (an English document in French). */
  lang?: Language | undefined;
  children?: ReactNode;
}

/**
 * The frame of every page: one h1 and the document title. After the user moves to another page,
 * focus goes to the h1 so screen reader and keyboard users start reading at the new page's top.
 */
export function Page({ title, lang, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app:pageTitle', { page: title, app: t('app:title') });
  }, [title]);

  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title" lang={lang}>
        {title}
      </h1>
      {children}
    </>
  );
}
