import type { DocId } from '../../content/ids';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { MEANING_LABELS } from '../meanings';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';
import { escapeMarkdownLine, plainTextToBlockquote, plainTextToMarkdown } from './markdownText';

export interface MarkdownExportOptions {
  /** A document's title, or null when it is not in the library. */
  titleOf: (docId: DocId) => string | null;
  /** A document's place in the library, to order the sections; by title otherwise. */
  docRank?: (docId: DocId) => number;
  now?: Date;
}

/**
 * A readable Markdown report: one section per document (by title), each annotation with its
 * meaning, author and date, the quote as a blockquote, the note and the tags. All user text is
 * escaped, so notes stay plain text in any Markdown viewer and never become HTML.
 */
export function toAnnotationsMarkdown(
  annotations: readonly Annotation[],
  options: MarkdownExportOptions,
): string {
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const count = annotations.length === 1 ? '1 annotation' : `${annotations.length} annotations`;
  const parts = ['# OnMuni Toolkit annotations', `Exported ${date}: ${count}.`];
  for (const [docId, items] of groupByDocument(annotations, options)) {
    const title = options.titleOf(docId);
    const heading = title === null ? `Document not in this library (${docId})` : title;
    parts.push(`## ${escapeMarkdownLine(heading)}`);
    for (const annotation of items) parts.push(annotationSection(annotation));
  }
  return `${parts.join('\n\n')}\n`;
}

function annotationSection(annotation: Annotation): string {
  const created = annotation.created.slice(0, 10);
  const edited = annotation.modified.slice(0, 10);
  const when = edited === created ? created : `${created}, edited ${edited}`;
  const lines = [
    `### ${MEANING_LABELS[meaningOf(annotation)]}: ${escapeMarkdownLine(annotation.creator.name)}, ${when}`,
    plainTextToBlockquote(quoteOf(annotation)),
  ];
  const note = noteOf(annotation);
  if (note !== '') lines.push(plainTextToMarkdown(note));
  const tags = tagsOf(annotation);
  if (tags.length > 0) lines.push(`Tags: ${escapeMarkdownLine(tags.join(', '))}`);
  return lines.join('\n\n');
}

/** Documents in library order (or by title), each with its annotations in text order. */
function groupByDocument(
  annotations: readonly Annotation[],
  options: MarkdownExportOptions,
): [DocId, Annotation[]][] {
  const groups = new Map<DocId, Annotation[]>();
  for (const a of sortAnnotations(annotations, 'document')) {
    const list = groups.get(a.target.docId) ?? [];
    list.push(a);
    groups.set(a.target.docId, list);
  }
  const title = (docId: DocId) => options.titleOf(docId) ?? docId;
  return [...groups].sort(
    ([a], [b]) =>
      (options.docRank ? options.docRank(a) - options.docRank(b) : 0) ||
      title(a).localeCompare(title(b), 'en-CA'),
  );
}
