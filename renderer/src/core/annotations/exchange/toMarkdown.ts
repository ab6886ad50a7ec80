import type { Language } from '../../../../../electron/shared/language';
import type { DocId } from '../../content/ids';
import { stripEnglishSpans } from '../../markdown/englishSpanText';
import { meaningOf, noteOf, quoteOf, tagsOf } from '../accessors';
import { annotationLanguageOf, documentVersionKey } from '../documentVersion';
import { sortAnnotations } from '../query';
import type { Annotation } from '../schema';
import type { AnnotationExportWords } from './exportWords';
import { escapeMarkdownLine, plainTextToBlockquote, plainTextToMarkdown } from './markdownText';

/**
 * The title of a document's version in a language (the version an annotation was made on), or
 * null when the library does not have the document. A title may carry `[..]{lang=en}` spans.
 */
export type VersionTitleOf = (docId: DocId, language: Language) => string | null;

export interface MarkdownExportOptions {
  titleOf: VersionTitleOf;
  /** A document's place in the library, to order the sections; by title otherwise. */
  docRank?: (docId: DocId) => number;
  now?: Date;
  /** The report's words, in the interface language (from the UI). */
  words: AnnotationExportWords;
}

/**
 * A readable Markdown report: one section per document (by title) and language version (an
 * annotation belongs to the version it was made on: its section has that version's title, said
 * to be another language's when it is not the interface's), each annotation with its
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
  for (const { docId, language, items } of groupByVersion(annotations, options)) {
    const title = options.titleOf(docId, language);
    const heading =
      title === null
        ? words.notInLibrary(docId)
        : language === words.language
          ? stripEnglishSpans(title)
          : words.otherVersion(stripEnglishSpans(title), language);
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
    `### ${entryHeading(words, words.meaning(meaningOf(annotation)), annotation.creator.name, when)}`,
    plainTextToBlockquote(quoteOf(annotation)),
  ];
  const note = noteOf(annotation);
  if (note !== '') lines.push(plainTextToMarkdown(note));
  const tags = tagsOf(annotation);
  if (tags.length > 0) lines.push(escapeMarkdownLine(words.tagsLine(tags.join(', '))));
  return lines.join('\n\n');
}

interface VersionGroup {
  docId: DocId;
  language: Language;
  items: Annotation[];
}

/**
 * Stand-ins for the values while the worded heading is escaped: control characters, which no
 * translation contains and escaping leaves alone.
 */
const SLOTS = ['\u0001', '\u0002', '\u0003'] as const;
type Slot = (typeof SLOTS)[number];
const SLOT_PATTERN = new RegExp(SLOTS.join('|'), 'g');

/**
 * The heading worded by the UI with every part escaped: the wording (a translation is text) and
 * each value (user text) on its own, so neither can make markup of the other.
 */
function entryHeading(
  words: AnnotationExportWords,
  meaning: string,
  author: string,
  when: string,
): string {
  const values = [meaning, author, when].map(escapeMarkdownLine);
  const worded = escapeMarkdownLine(words.entryHeading(...SLOTS));
  // One pass over the wording only, so a stand-in character inside a value (an author's name can
  // hold anything) is never taken for a slot.
  return worded.replace(SLOT_PATTERN, (slot) => values[SLOTS.indexOf(slot as Slot)] ?? '');
}

/**
 * Documents in library order (or by title), each version with its annotations in text order;
 * the interface language's version before the other's.
 */
function groupByVersion(
  annotations: readonly Annotation[],
  options: MarkdownExportOptions,
): VersionGroup[] {
  const groups = new Map<string, VersionGroup>();
  for (const a of sortAnnotations(annotations, 'document')) {
    const docId = a.target.docId;
    const language = annotationLanguageOf(a);
    const key = documentVersionKey(docId, language);
    const group = groups.get(key) ?? { docId, language, items: [] };
    group.items.push(a);
    groups.set(key, group);
  }
  const { words } = options;
  const title = (docId: DocId) => options.titleOf(docId, words.language) ?? docId;
  return [...groups.values()].sort(
    (a, b) =>
      (options.docRank ? options.docRank(a.docId) - options.docRank(b.docId) : 0) ||
      words.compareText(title(a.docId), title(b.docId)) ||
      Number(a.language !== words.language) - Number(b.language !== words.language),
  );
}
