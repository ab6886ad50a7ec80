import type { ReactNode } from 'react';

/**
 * One term and its value in a `<dl className="facts">` (a document's facts, a plan's details in
 * the council report, an installed pack): the row wrapper lets the theme lay terms and values out
 * side by side and stack them on narrow screens and in print.
 */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
