import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { hasNavigated } from './routing/useHashRoute';

/** The product name, shown in the header and after each page's title. */
export const APP_TITLE = 'OnMuni Toolkit';

export interface PageProps {
  /** The page's h1, and the first part of the document title. */
  title: string;
  children?: ReactNode;
}

/**
 * The frame of every page: one h1 and the document title. After the user moves to another page,
 * focus goes to the h1 so screen reader and keyboard users start reading at the new page's top.
 */
export function Page({ title, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${APP_TITLE}`;
  }, [title]);

  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
