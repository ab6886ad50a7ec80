import type { Language } from '../../../../electron/shared/language';
import type { DocId } from '../content/ids';
import { annotationLanguageOf } from './documentVersion';
import { positionSelectorOf, quoteOf, meaningOf, noteOf, tagsOf } from './accessors';
import type { Meaning } from './meanings';
import { tagKey, type Annotation } from './schema';

/** What the Annotations page can filter on; absent fields do not filter. */
export interface AnnotationFilter {
  docId?: DocId;
  author?: string;
  meaning?: Meaning;
  tag?: string;
  /** Words looked for in the quote, note, tags and author, ignoring case and accents. */
  text?: string;
}

/** The annotations that pass every given filter, in the order given. */
export function filterAnnotations(
  annotations: readonly Annotation[],
  filter: AnnotationFilter,
): Annotation[] {
  const words = filter.text ? fold(filter.text).split(/\s+/).filter(Boolean) : [];
  const tag = filter.tag === undefined ? undefined : tagKey(filter.tag);
  return annotations.filter((a) => {
    if (filter.docId !== undefined && a.target.docId !== filter.docId) return false;
    if (filter.author !== undefined && a.creator.name !== filter.author) return false;
    if (filter.meaning !== undefined && meaningOf(a) !== filter.meaning) return false;
    if (tag !== undefined && !tagsOf(a).some((t) => tagKey(t) === tag)) return false;
    if (words.length === 0) return true;
    const haystack = fold([quoteOf(a), noteOf(a), ...tagsOf(a), a.creator.name].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

/** Orders: document order (by document, then place in it), or by last change. */
export const ANNOTATION_SORTS = ['document', 'newest', 'oldest'] as const;
export type AnnotationSort = (typeof ANNOTATION_SORTS)[number];

/**
 * Sorts a copy of the list. For `document`, `docRank` gives each document's place (e.g. its
 * position in the library); without it documents are ordered by id. Within a document, by start.
 */
export function sortAnnotations(
  annotations: readonly Annotation[],
  sort: AnnotationSort,
  docRank?: (docId: DocId) => number,
): Annotation[] {
  const copy = [...annotations];
  if (sort === 'document') {
    const rank = (a: Annotation) => docRank?.(a.target.docId) ?? 0;
    return copy.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        compare(a.target.docId, b.target.docId) ||
        startOf(a) - startOf(b) ||
        compare(a.id, b.id),
    );
  }
  const sign = sort === 'newest' ? -1 : 1;
  return copy.sort(
    (a, b) => sign * (Date.parse(a.modified) - Date.parse(b.modified)) || compare(a.id, b.id),
  );
}

/** The values present in a list, for the filter menus. */
export interface AnnotationFacets {
  docIds: DocId[];
  authors: string[];
  tags: string[];
  meanings: Meaning[];
}

/**
 * Distinct documents, authors, tags (first spelling, ignoring case) and meanings, sorted; authors
 * and tags by `compareText`, the interface language's order (the UI's, since core has no language).
 */
export function annotationFacets(
  annotations: readonly Annotation[],
  compareText: (a: string, b: string) => number,
): AnnotationFacets {
  const tags = new Map<string, string>();
  for (const a of annotations)
    for (const t of tagsOf(a)) if (!tags.has(tagKey(t))) tags.set(tagKey(t), t);
  return {
    docIds: [...new Set(annotations.map((a) => a.target.docId))].sort(compare),
    authors: [...new Set(annotations.map((a) => a.creator.name))].sort(compareText),
    tags: [...tags.values()].sort(compareText),
    meanings: [...new Set(annotations.map(meaningOf))].sort(compare),
  };
}

/** The annotations on one document's version in `language` (English unless given). */
export function annotationsForDocument(
  annotations: readonly Annotation[],
  docId: DocId,
  language: Language = 'en',
): Annotation[] {
  return annotations.filter(
    (a) => a.target.docId === docId && annotationLanguageOf(a) === language,
  );
}

function startOf(annotation: Annotation): number {
  return positionSelectorOf(annotation)?.start ?? Number.MAX_SAFE_INTEGER;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower case without accents, so "Métis" is found by "metis". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-CA');
}
