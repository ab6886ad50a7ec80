import { useEffect, useState } from 'react';
import type { Heading } from '../../core/content/bodyAnalysis';
import type { ContentDocument } from '../../core/content/model';
import { documentRoute } from '../../core/markdown/linkPolicy';

/**
 * The section to show when the same document comes back in another language (the interface
 * changed language): heading slugs belong to one language's version ("results" in English is
 * "resultats" in French), so the section asked for is found by its place among the headings of
 * the version shown before and the route is replaced with the new version's slug. A section that
 * cannot be placed so is dropped, and the document opens at its top. Otherwise the route's
 * section, as it is.
 */
export function useSectionAcrossLanguages(
  doc: ContentDocument | undefined,
  section: string | null,
): string | null {
  // The version last shown, and the section carried over from it (React's "previous value" in
  // state: set during render, so the first render of the new version already has its section).
  const [seen, setSeen] = useState({ doc, from: section, to: section });
  if (seen.doc !== doc) setSeen({ doc, from: section, to: sectionIn(seen.doc, doc, section) });
  const shown = seen.doc === doc && seen.from === section ? seen.to : section;
  useEffect(() => {
    if (doc && shown !== section) window.location.replace(documentRoute(doc.id, shown));
  }, [doc, section, shown]);
  return shown;
}

/** What placing a section needs of a version: its document and its headings. */
type DocumentOutline = Pick<ContentDocument, 'id' | 'headings'>;

/**
 * `section` of `before` in `after`, another version of the same document: by its place among the
 * headings, only when both versions have the same headings at the same levels (the content check
 * requires it of the bundled library, `inStepIssues`); otherwise a place could name another
 * section, so none (the top).
 */
export function sectionIn(
  before: DocumentOutline | undefined,
  after: DocumentOutline | undefined,
  section: string | null,
): string | null {
  if (!before || !after || before.id !== after.id || section === null) return section;
  if (after.headings.some((heading) => heading.slug === section)) return section;
  if (!sameOutline(before.headings, after.headings)) return null;
  const index = before.headings.findIndex((heading) => heading.slug === section);
  return index === -1 ? null : (after.headings[index]?.slug ?? null);
}

function sameOutline(a: readonly Heading[], b: readonly Heading[]): boolean {
  return a.length === b.length && a.every((heading, i) => heading.level === b[i]?.level);
}
