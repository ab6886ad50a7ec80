import type { DocId } from '../../content/ids';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';
import type { AnnotationExportWords } from './exportWords';
import { escapeMarkdownLine, plainTextToBlockquote, plainTextToMarkdown } from './markdownText';

export interface MarkdownExportOptions {
  /** A document's title, or null when it is not in the library. */
  titleOf: (docId: DocId) => string | null;
  /** A document's place in the library, to order the sections; by title otherwise. */
  docRank?: (docId: DocId) => number;
  now?: Date;
  /** The report's words, in the interface language (from the UI). */
  words: AnnotationExportWords;
}

/**
 * A readable Markdown report: one section per document (by title), each annotation with its
 * meaning, author and date, the quote as a blockquote, the note and the tags. All user text is
 * escaped, so notes stay plain text in any Markdown viewer and never become HTML. The words come
 * from the UI (`words`), escaped too, since a translation is text, not Markdown.
 */
export function toAnnotationsMarkdown(
  annotations: readonly Annotation[],
  options: MarkdownExportOptions,
): string {
  const { words } = options;
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const parts = [
    `# ${escapeMarkdownLine(words.markdownTitle)}`,
    escapeMarkdownLine(words.markdownExported(date, annotations.length)),
  ];
  for (const [docId, items] of groupByDocument(annotations, options)) {
    const title = options.titleOf(docId);
    const heading = title === null ? words.notInLibrary(docId) : title;
    parts.push(`## ${escapeMarkdownLine(heading)}`);
    for (const annotation of items) parts.push(annotationSection(annotation, words));
  }
  return `${parts.join('\n\n')}\n`;
}

function annotationSection(annotation: Annotation, words: AnnotationExportWords): string {
  const created = annotation.created.slice(0, 10);
  const edited = annotation.modified.slice(0, 10);
  const when = edited === created ? created : words.createdAndEdited(created, edited);
  const lines = [
    `### ${escapeMarkdownLine(words.meaning(meaningOf(annotation)))}: ${escapeMarkdownLine(annotation.creator.name)}, ${escapeMarkdownLine(when)}`,
    plainTextToBlockquote(quoteOf(annotation)),
  ];
  const note = noteOf(annotation);
  if (note !== '') lines.push(plainTextToMarkdown(note));
  const tags = tagsOf(annotation);
  if (tags.length > 0) lines.push(escapeMarkdownLine(words.tagsLine(tags.join(', '))));
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
      options.words.compareText(title(a), title(b)),
  );
}
